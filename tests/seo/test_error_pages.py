"""404 pages in the site's design and the visitor's language; 500 pages in the
language of the URL, rendered without touching the database."""

import re
from html import unescape

import pytest
from django.db import OperationalError
from django.utils.translation import gettext, override

from cms.i18n.error_pages import context_for, language_for_path
from cms.i18n.languages import SITE_LANGUAGES
from cms.views import server_error

pytestmark = pytest.mark.django_db

CODES = [code for code, *_ in SITE_LANGUAGES]
RTL = {code for code, _n, _l, rtl in SITE_LANGUAGES if rtl}


# The error pages' words, as templates/404.html, 500.html and 503.html ask the catalogs.
ERROR_TEXTS = [
    "Page not found",
    "Sorry, we could not find that page. It may have moved.",
    "Search for a condition or clinic",
    "Search",
    "Or go to",
    "Home",
    "Conditions we treat",
    "Our locations",
    "Something went wrong",
    "We are sorry: this page could not be shown just now. Please try again in a few minutes.",
    "Return to the home page",
    "Back in a moment",
    "We are sorry: the site is briefly unavailable. Please try again in a minute. "
    "If you need us now, call your clinic.",
]


def in_language(code, text):
    with override(code):
        return gettext(text)


@pytest.mark.parametrize("code", [code for code in CODES if code != "en"])
def test_every_error_text_is_translated_in_every_language(code):
    untranslated = [text for text in ERROR_TEXTS if in_language(code, text) == text]
    assert not untranslated, f"{code}: {untranslated}"


def test_the_404_names_the_footers_links_in_the_same_words(client):
    """One translation per string: the 404's links read as the footer's do."""
    html = unescape(client.get("/es/no-such-page/").content.decode())
    footer = html[html.index('class="site-footer"') :]
    words = in_language("es", "Conditions we treat")
    assert f">{words}</a></li>" in html[: html.index('class="site-footer"')]
    assert f">{words}</a></li>" in footer
    # The 404's link to the locations index uses the catalogs' words (it once had its
    # own); the footer names the boroughs instead of linking the index.
    assert ">Nuestras ubicaciones</a></li>" in html[: html.index('class="site-footer"')]
    assert in_language("es", "Our locations") == "Nuestras ubicaciones"


@pytest.mark.parametrize("code", CODES)
def test_404_in_the_visitors_language(client, code):
    prefix = "" if code == "en" else f"/{code}"
    response = client.get(f"{prefix}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    direction = "rtl" if code in RTL else "ltr"
    assert f'<html lang="{code}" dir="{direction}">' in html
    assert f"<h1>{in_language(code, 'Page not found')}</h1>" in html
    assert 'class="site-header"' in html  # the site's own design
    assert f'action="{prefix}/search/"' in html
    assert f'<li><a href="{prefix}/">' in html  # home in the same language


def test_unknown_language_prefix_gets_the_english_404(client):
    response = client.get("/xx/conditions/")
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.content.decode()


@pytest.mark.parametrize("code", CODES)
def test_500_in_the_language_of_the_url_without_the_database(rf, django_assert_num_queries, code):
    prefix = "" if code == "en" else f"/{code}"
    with django_assert_num_queries(0):
        response = server_error(rf.get(f"{prefix}/conditions/neck-spasms/"))
    assert response.status_code == 500
    html = response.content.decode()
    direction = "rtl" if code in RTL else "ltr"
    assert f'<html lang="{code}" dir="{direction}">' in html
    assert f"<h1>{in_language(code, 'Something went wrong')}</h1>" in html
    assert f'<a href="{prefix}/">{in_language(code, "Return to the home page")}</a>' in html
    assert response["Content-Language"] == code


@pytest.mark.parametrize(
    ("path", "code"),
    [("/", "en"), ("/es", "es"), ("/zh-hant/x/", "zh-hant"), ("/xx/", "en"), ("/ES/", "en")],
)
def test_language_for_path(path, code):
    assert language_for_path(path) == code


@pytest.mark.parametrize("code", CODES)
def test_the_503_for_database_outages_still_wins(rf, django_assert_num_queries, code):
    prefix = "" if code == "en" else f"/{code}"
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        with django_assert_num_queries(0):
            response = server_error(rf.get(f"{prefix}/conditions/"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    direction = "rtl" if code in RTL else "ltr"
    assert f'<html lang="{code}" dir="{direction}">' in html
    assert f"<h1>{in_language(code, 'Back in a moment')}</h1>" in html


def test_500_context_defaults_to_english():
    assert context_for("xx")["lang"] == "en"
    assert re.match(r"^/$", context_for("en")["home_url"])
