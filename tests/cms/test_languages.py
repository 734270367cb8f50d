"""Locales, routing per language, lang/dir, the language switcher and hreflang."""

import re

import pytest
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page

from cms.i18n.languages import SITE_LANGUAGES
from home.models import HomePage, LanguageAssistancePage

pytestmark = pytest.mark.django_db

CODES = [code for code, *_ in SITE_LANGUAGES]
RTL = {code for code, _name, _local, rtl in SITE_LANGUAGES if rtl}


def html_tag(body):
    return re.search(r"<html[^>]*>", body).group(0)


def alternates(body):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', body))


def test_every_nyc_language_has_a_locale():
    assert set(Locale.objects.values_list("language_code", flat=True)) == set(CODES)
    assert len(CODES) == 12  # English + ten Local Law 30 languages, Chinese in two scripts


def test_haitian_creole_is_a_real_language_with_its_own_name():
    info = get_language_info("ht")
    assert info["name_local"] == "Kreyòl ayisyen"
    assert info["bidi"] is False


@pytest.mark.parametrize("code", CODES)
def test_each_language_home_page_is_served_with_lang_and_dir(client, code):
    url = "/" if code == "en" else f"/{code}/"
    response = client.get(url)
    assert response.status_code == 200
    direction = "rtl" if code in RTL else "ltr"
    assert html_tag(response.content.decode()) == f'<html lang="{code}" dir="{direction}">'


def test_arabic_and_urdu_are_right_to_left():
    assert RTL == {"ar", "ur"}


def test_unknown_language_prefix_is_404(client):
    assert client.get("/xx/").status_code == 404
    assert client.get("/es-mx/").status_code == 404


def test_no_redirect_by_accept_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 200
    assert html_tag(response.content.decode()).startswith('<html lang="en"')


@pytest.mark.parametrize("code", CODES)
def test_language_assistance_page_exists_in_every_language_with_the_phone(client, code):
    page = LanguageAssistancePage.objects.get(locale__language_code=code)
    assert page.live
    response = client.get(page.url)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'href="tel:+12125550100"' in body
    if code != "en":
        english = page.get_translation(Locale.objects.get(language_code="en"))
        assert english.intro not in body, "the English text was left untranslated"


def test_switcher_names_each_language_in_itself_and_links_translations(client):
    body = client.get("/language-assistance/").content.decode()
    switcher = re.search(r"<details class=\"language-switcher\".*?</details>", body, re.S).group(0)
    for name in ["English", "Español", "简体中文", "বাংলা", "Kreyòl ayisyen", "العربية", "اردو"]:
        assert name in switcher
    assert 'href="/es/asistencia-con-el-idioma/"' in switcher
    assert 'aria-current="true"' in switcher


def test_switcher_offers_the_fallback_page_where_no_translation_exists(client):
    # Conditions index has no Russian translation: Russian links to the same list served
    # in Russian (issue 19), not to the Russian home page.
    english = Page.objects.get(url_path="/home/conditions/")
    assert english.get_translation_or_none(Locale.objects.get(language_code="ru")) is None
    body = client.get("/conditions/").content.decode()
    assert 'href="/ru/conditions/" lang="ru"' in body


@pytest.mark.parametrize("model", [HomePage, LanguageAssistancePage])
def test_hreflang_alternates_are_absolute_complete_and_reciprocal(client, model):
    pages = model.objects.live()
    assert pages.count() == len(CODES)
    seen = {}
    for page in pages:
        body = client.get(page.url).content.decode()
        seen[page.locale.language_code] = alternates(body)
    for links in seen.values():
        assert set(links) == set(CODES) | {"x-default"}
        assert all(url.startswith("http://") for url in links.values())
        assert links == seen["en"], "every version must list the same alternates"
    assert seen["en"]["x-default"] == seen["en"]["en"]
