"""404 pages in the site's design and the visitor's language; 500 pages in the
language of the URL, rendered without touching the database."""

import re

import pytest
from django.db import OperationalError

from cms.i18n.error_pages import TEXTS, context_for, language_for_path
from cms.i18n.languages import SITE_LANGUAGES
from cms.views import server_error

pytestmark = pytest.mark.django_db

CODES = [code for code, *_ in SITE_LANGUAGES]
RTL = {code for code, _n, _l, rtl in SITE_LANGUAGES if rtl}


def test_every_language_has_every_text():
    assert set(TEXTS) == set(CODES)
    keys = set(TEXTS["en"])
    for code in CODES:
        assert set(TEXTS[code]) == keys, code
        assert all(text.strip() for text in TEXTS[code].values()), code
        if code != "en":
            assert TEXTS[code]["not_found_title"] != TEXTS["en"]["not_found_title"], code


@pytest.mark.parametrize("code", CODES)
def test_404_in_the_visitors_language(client, code):
    prefix = "" if code == "en" else f"/{code}"
    response = client.get(f"{prefix}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    direction = "rtl" if code in RTL else "ltr"
    assert f'<html lang="{code}" dir="{direction}">' in html
    assert f"<h1>{TEXTS[code]['not_found_title']}</h1>" in html
    assert 'class="site-header"' in html  # the site's own design
    assert f'action="{prefix}/search/"' in html
    assert f'<li><a href="{prefix}/">' in html  # home in the same language


def test_unknown_language_prefix_gets_the_english_404(client):
    response = client.get("/xx/conditions/")
    assert response.status_code == 404
    assert TEXTS["en"]["not_found_title"] in response.content.decode()


@pytest.mark.parametrize("code", CODES)
def test_500_in_the_language_of_the_url_without_the_database(rf, django_assert_num_queries, code):
    prefix = "" if code == "en" else f"/{code}"
    with django_assert_num_queries(0):
        response = server_error(rf.get(f"{prefix}/conditions/neck-spasms/"))
    assert response.status_code == 500
    html = response.content.decode()
    direction = "rtl" if code in RTL else "ltr"
    assert f'<html lang="{code}" dir="{direction}">' in html
    assert TEXTS[code]["error_title"] in html
    assert f'<a href="{prefix}/">{TEXTS[code]["back_home"]}</a>' in html
    assert response["Content-Language"] == code


@pytest.mark.parametrize(
    ("path", "code"),
    [("/", "en"), ("/es", "es"), ("/zh-hant/x/", "zh-hant"), ("/xx/", "en"), ("/ES/", "en")],
)
def test_language_for_path(path, code):
    assert language_for_path(path) == code


def test_the_503_for_database_outages_still_wins(rf):
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = server_error(rf.get("/es/conditions/"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_500_context_defaults_to_english():
    assert context_for("xx")["lang"] == "en"
    assert re.match(r"^/$", context_for("en")["home_url"])
