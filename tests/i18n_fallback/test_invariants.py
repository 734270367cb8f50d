"""What the fallback must never do (touch a translator's work, hide a live translation)
and the rest of the issue: links to untranslated pages say so, Section 1557 notices."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale, Page

from cms.i18n.taglines import NEW_YORK, TAGLINES, parse
from cms.models import SiteSettings

pytestmark = pytest.mark.django_db


def test_a_translators_draft_is_untouched_and_its_publication_takes_over(get, page_by_path):
    bengali = Locale.objects.get(language_code="bn")
    index = page_by_path("/locations/")
    midtown = page_by_path("/locations/midtown/")
    bn_index = index.copy_for_translation(bengali)
    bn_midtown = midtown.copy_for_translation(bengali).specific
    bn_midtown.title = "মিডটাউন ম্যানহাটন"
    bn_midtown.intro = "গার্মেন্ট ডিস্ট্রিক্টে আমাদের প্রধান ক্লিনিক।"
    revision = bn_midtown.save_revision()
    assert not bn_midtown.live and bn_midtown.url_path.endswith("/locations/midtown/")

    # The draft sits at the very URL; readers still get the English page, marked.
    response, page = get("/bn/locations/midtown/")
    assert page.find("h1")["lang"] == "en" and "Midtown Manhattan" in page.find("h1").text
    assert response["X-Robots-Tag"] == "noindex"
    bn_midtown.refresh_from_db()
    assert not bn_midtown.live
    assert bn_midtown.get_latest_revision().pk == revision.pk
    assert revision.as_object().title == "মিডটাউন ম্যানহাটন"

    # Published: the translation answers, as itself.
    bn_index.save_revision().publish()
    revision.publish()
    response, page = get("/bn/locations/midtown/")
    assert page.find("h1").text == "মিডটাউন ম্যানহাটন" and not page.find("h1").get("lang")
    assert page.select_one(".fallback-notice") is None
    assert "X-Robots-Tag" not in response
    assert page.find("link", rel="canonical")["href"].endswith("/bn/locations/midtown/")
    # The other clinics are still listed and reachable in Bengali, by the fallback.
    _response, index_page = get("/bn/locations/")
    cards = {a["href"] for a in index_page.select(".clinic-card h3 a")}
    assert len(cards) == 8 and all(url.startswith("/bn/locations/") for url in cards)
    response, other = get("/bn/locations/astoria/")
    assert other.find("h1")["lang"] == "en"
    _response, english = get("/locations/midtown/")
    alternates = {link["hreflang"] for link in english.find_all("link", rel="alternate")}
    assert "bn" in alternates


def test_links_to_untranslated_pages_say_they_are_english(get):
    _response, page = get("/es/ubicaciones/midtown/")
    links = page.select(".conditions a")
    assert links
    spanish = [a for a in links if a["href"].startswith("/es/")]
    english = [a for a in links if not a["href"].startswith("/es/")]
    assert spanish and english
    for link in spanish:
        assert not link.get("lang") and not link.get("hreflang")
    for link in english:
        assert link["lang"] == "en" and link["hreflang"] == "en"
        assert link.find_next_sibling("span", class_="language-note").text == "(English)"


def test_related_conditions_in_the_readers_language_or_marked(get, page_by_path):
    _response, page = get("/es/afecciones/espasmos-de-cuello/")
    related = page.select(".condition__related a")
    assert related
    for link in related:
        if link["href"].startswith("/es/"):
            assert not link.get("hreflang")
        else:
            assert link["hreflang"] == "en"


def test_default_notice_languages_are_new_yorks_fifteen():
    codes = parse(NEW_YORK)
    # Chinese is one language shown in two scripts.
    assert len({code.split("-")[0] for code in codes}) == 15
    assert all(code in TAGLINES for code in codes)
    for code in codes:
        assert "{phone}" in TAGLINES[code].text


def test_notice_languages_setting_is_validated(site):
    settings = SiteSettings.for_site(site)
    settings.notice_languages = "es, xx, ru"
    with pytest.raises(ValidationError, match="xx"):
        settings.full_clean()
    settings.notice_languages = "es,ru"
    settings.full_clean()


@pytest.mark.parametrize("code", ["en", "es", "bn", "ur"])
def test_notices_on_the_language_assistance_page(get, site, code):
    _response, home = get("/" if code == "en" else f"/{code}/")
    footer_link = home.select_one(".site-footer__assistance")
    _response, page = get(footer_link["href"])
    lines = page.select(".language-notices li")
    shown = [line["lang"] for line in lines]
    assert shown == ["en"] + parse(SiteSettings.for_site(site).notice_languages)
    for line in lines:
        assert line["dir"] == ("rtl" if TAGLINES[line["lang"]].rtl else "ltr")
        assert line.find("a", href="tel:+12125550100")


def test_every_page_type_has_the_footer_link(get):
    for url in [
        "/",
        "/bn/",
        "/bn/locations/",
        "/bn/locations/midtown/",
        "/ko/conditions/sciatica/",
        "/es/afecciones/espasmos-de-cuello/",
    ]:
        _response, page = get(url)
        assert page.select_one(".site-footer__assistance"), url


def test_fallback_pages_are_not_in_the_sitemap(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    for code in ["bn", "ko", "ur", "ht", "ru", "fr", "pl", "zh-hant"]:
        assert f"/{code}/locations/" not in sitemap
        assert f"/{code}/conditions/" not in sitemap
    assert (
        Page.objects.filter(locale__language_code="bn", url_path__contains="locations").count() == 0
    )
