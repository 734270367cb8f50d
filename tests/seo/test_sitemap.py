"""/sitemap.xml: every live page in every language, absolute URLs that resolve,
last-modified dates, and hreflang alternates for each live translation plus
x-default, at a fixed number of queries."""

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from wagtail.models import Locale, Page

from tests.search.conftest import translate

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def parse(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    entries = {}
    for url in root.findall("sm:url", NS):
        loc = url.findtext("sm:loc", namespaces=NS)
        alternates = {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
        }
        entries[loc] = {"lastmod": url.findtext("sm:lastmod", namespaces=NS), "alt": alternates}
    return entries


def test_every_live_page_in_every_language_is_listed(client):
    entries = parse(client)
    paths = {urlsplit(loc).path for loc in entries}
    live = Page.objects.live().filter(depth__gt=1)
    assert len(entries) == live.count()
    assert "/conditions/neck-spasms/" in paths
    for code in ("es", "zh-hans", "ar", "ht", "pl"):
        assert f"/{code}/" in paths


def test_urls_are_absolute_with_dates_and_resolve(client):
    for loc, entry in parse(client).items():
        parts = urlsplit(loc)
        assert parts.scheme in ("http", "https") and parts.netloc, loc
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["lastmod"]), loc
        response = client.get(parts.path)
        assert response.status_code == 200, loc
        for href in entry["alt"].values():
            assert urlsplit(href).netloc == parts.netloc


def test_home_pages_list_all_twelve_languages_and_x_default(client):
    entries = parse(client)
    home = next(loc for loc in entries if urlsplit(loc).path == "/")
    alternates = entries[home]["alt"]
    codes = {code for code, *_ in Locale.objects.values_list("language_code")}
    assert set(alternates) == codes | {"x-default"}
    assert alternates["x-default"] == home
    assert urlsplit(alternates["es"]).path == "/es/"
    # Each translation lists the same set (reciprocal links).
    spanish = next(loc for loc in entries if urlsplit(loc).path == "/es/")
    assert entries[spanish]["alt"] == alternates


def test_a_new_translation_appears_with_alternates_both_ways(client, page_by_path):
    neck = page_by_path("/conditions/neck-spasms/")
    before = parse(client)
    english = next(loc for loc in before if loc.endswith("/conditions/neck-spasms/"))
    assert "pl" not in before[english]["alt"]
    assert before[english]["alt"]["en"] == english

    polish = translate(neck, "pl", title="Skurcze mięśni szyi", slug="skurcze-szyi")
    after = parse(client)
    polish_loc = next(loc for loc in after if loc.endswith(polish.url))
    assert after[english]["alt"]["pl"] == polish_loc
    assert after[polish_loc]["alt"]["en"] == english
    assert after[polish_loc]["alt"]["x-default"] == english
    assert after[polish_loc]["alt"] == after[english]["alt"]


def test_unpublished_pages_and_their_alternates_are_left_out(client, page_by_path):
    neck = page_by_path("/conditions/neck-spasms/")
    polish = translate(neck, "pl", title="Skurcze mięśni szyi", slug="skurcze-szyi")
    polish.unpublish()
    entries = parse(client)
    assert not any(loc.endswith(polish.url) for loc in entries)
    english = next(loc for loc in entries if loc.endswith("/conditions/neck-spasms/"))
    assert "pl" not in entries[english]["alt"]


def test_sitemap_costs_the_same_few_queries_however_many_pages(
    client, page_by_path, django_assert_max_num_queries
):
    client.get("/sitemap.xml")
    with django_assert_max_num_queries(8):
        client.get("/sitemap.xml")
    for slug in ("whiplash", "sciatica", "tennis-elbow"):
        translate(page_by_path(f"/conditions/{slug}/"), "fr", slug=f"{slug}-fr")
    with django_assert_max_num_queries(8):
        assert client.get("/sitemap.xml").status_code == 200
