"""What a page's <head> tells search engines and link previews: SEO title and
description from the promote tab, absolute canonical, Open Graph and Twitter cards;
robots.txt; redirects left behind by renamed pages."""

import re
from html import unescape
from urllib.parse import urlsplit

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model

from cms.models import SiteSettings
from tests.search.conftest import translate

pytestmark = pytest.mark.django_db


def meta(html, key):
    """The content of <meta property|name="key">, or None."""
    match = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', html)
    return unescape(match.group(1)) if match else None


def canonical(html):
    return re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)


def test_seo_title_and_description_from_the_promote_tab(client, page_by_path):
    page = page_by_path("/conditions/whiplash/")
    page.seo_title = "Whiplash treatment in NYC"
    page.search_description = "Physical therapy for whiplash after a car accident."
    page.save_revision().publish()
    html = client.get("/conditions/whiplash/").content.decode()
    assert "<title>Whiplash treatment in NYC | " in html
    assert meta(html, "description") == "Physical therapy for whiplash after a car accident."
    assert meta(html, "og:title") == "Whiplash treatment in NYC"
    assert meta(html, "og:description") == page.search_description
    assert meta(html, "twitter:description") == page.search_description


def test_canonical_is_absolute_and_per_language(client, page_by_path):
    html = client.get("/conditions/neck-spasms/").content.decode()
    assert canonical(html) == "http://localhost/conditions/neck-spasms/"
    polish = translate(page_by_path("/conditions/neck-spasms/"), "pl", slug="skurcze-szyi")
    html = client.get(polish.url).content.decode()
    assert canonical(html) == f"http://localhost{polish.url}"
    assert polish.url.startswith("/pl/") and polish.url.endswith("/skurcze-szyi/")


def test_open_graph_uses_the_clinic_photo_as_an_absolute_rendition(client):
    html = client.get("/locations/midtown/").content.decode()
    image = meta(html, "og:image")
    assert image.startswith("http://testserver/media/images/")
    assert ".fill-1200x630" in image
    assert meta(html, "og:image:width") == "1200"
    assert meta(html, "og:image:height") == "630"
    assert "Midtown" in meta(html, "og:image:alt")
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "twitter:image") == image
    assert meta(html, "og:url") == "http://localhost/locations/midtown/"
    assert client.get(urlsplit(image).path).status_code == 200


def test_open_graph_uses_the_condition_hero_image(client, page_by_path):
    photo = get_image_model().objects.first()
    page = page_by_path("/conditions/sciatica/")
    page.hero_image, page.hero_image_alt = photo, "A therapist at work"
    page.save_revision().publish()
    html = client.get("/conditions/sciatica/").content.decode()
    assert ".fill-1200x630" in meta(html, "og:image")
    assert meta(html, "og:image:alt") == "A therapist at work"


def test_pages_without_an_image_use_the_default_sharing_image(client, site):
    html = client.get("/conditions/").content.decode()
    assert meta(html, "og:image") is None
    assert meta(html, "twitter:card") == "summary"
    settings = SiteSettings.for_site(site)
    settings.default_sharing_image = get_image_model().objects.first()
    settings.save()
    html = client.get("/conditions/").content.decode()
    assert meta(html, "og:image").startswith("http://testserver/media/images/")
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "og:site_name") == settings.brand_name


def test_open_graph_on_pages_that_are_not_wagtail_pages(client):
    html = client.get("/search/").content.decode()
    assert meta(html, "og:url") == "http://testserver/search/"
    assert meta(html, "og:title")


def test_search_results_are_not_indexed(client):
    assert (
        '<meta name="robots" content="noindex, follow">'
        in client.get("/search/?q=neck").content.decode()
    )


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    for rule in (
        "Disallow: /admin/",
        "Disallow: /*/appointment/",
        "Disallow: /search/",
        "Disallow: /*/search/",
        "Disallow: /api/",
    ):
        assert rule in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert not any(line.strip() == "Disallow: /" for line in lines)


def test_appointment_urls_match_the_robots_pattern(page_by_path):
    # "Disallow: /*/appointment/" covers every clinic's form in every language.
    url = page_by_path("/locations/midtown/").appointment_url()
    assert re.fullmatch(r"/.+/appointment/", url)


def test_renaming_a_page_leaves_a_redirect(
    client, page_by_path, django_capture_on_commit_callbacks
):
    page = page_by_path("/conditions/whiplash/")
    page.slug = "whiplash-injury"
    # Wagtail sends page_slug_changed once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert Redirect.objects.filter(old_path="/conditions/whiplash", redirect_page=page).exists()
    response = client.get("/conditions/whiplash/")
    assert response.status_code in (301, 302)
    assert response["Location"].endswith("/conditions/whiplash-injury/")
    assert client.get("/conditions/whiplash-injury/").status_code == 200


def test_renaming_a_translation_leaves_a_redirect_under_its_prefix(
    client, page_by_path, django_capture_on_commit_callbacks
):
    polish = translate(page_by_path("/conditions/whiplash/"), "pl", slug="uraz-kregoslupa")
    old_url = polish.url
    assert old_url.startswith("/pl/")
    polish.slug = "uraz-kregoslupa-szyjnego"
    with django_capture_on_commit_callbacks(execute=True):
        polish.save_revision().publish()
    response = client.get(old_url)
    assert response.status_code in (301, 302)
    assert response["Location"].endswith("/uraz-kregoslupa-szyjnego/")
