"""English in a page served in another language says so, at the element holding it:
a partly translated clinic page marks each untranslated segment `lang="en"` (and its
JSON-LD strings `@language: en`), breadcrumbs of a page served from English mark
English titles, and the demo's translated condition pages hold no unmarked English."""

import json

import pytest
from bs4 import BeautifulSoup

from tests.localization.conftest import (
    LANGUAGES,
    publish_clinic_partly_translated,
)

pytestmark = pytest.mark.django_db


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content.decode(), "html.parser")


def plain_strings(value):
    """The strings of a JSON-LD document not tagged with a language."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from plain_strings(item)
    elif isinstance(value, dict) and "@language" not in value:
        for item in value.values():
            yield from plain_strings(item)


def language_of(node):
    for parent in [node, *node.parents]:
        if getattr(parent, "get", None) and parent.get("lang"):
            return parent["lang"]
    return None


def unmarked_english(page, english_page, skip=".our-locations, .site-footer, .site-header"):
    """Text of the translated page equal to a sentence of the English page, in an
    element not marked English (proper names and addresses in `skip`)."""
    english = {
        text.strip()
        for text in english_page.find("main").find_all(string=True)
        if len(text.strip()) > 12
    }
    skipped = {id(node) for part in page.select(skip) for node in part.find_all(string=True)}
    return [
        text.strip()
        for text in page.find("main").find_all(string=True)
        if text.strip() in english and id(text) not in skipped and language_of(text) != "en"
    ]


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_demos_translated_condition_page_holds_no_unmarked_english(client, code):
    english = soup(client, "/conditions/neck-spasms/")
    translated_url = soup(client, "/conditions/neck-spasms/").select_one(
        f'.language-switcher__menu a[lang="{code}"]'
    )["href"]
    assert unmarked_english(soup(client, translated_url), english) == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_partly_translated_clinic_marks_each_english_segment(
    client, login, users, page_by_path, code, django_capture_on_commit_callbacks
):
    english = page_by_path("/locations/midtown/")
    # The translator never translated the intro and the parking directions.
    with django_capture_on_commit_callbacks(execute=True):
        page = publish_clinic_partly_translated(login(users["translator"]), english, code)
    client.logout()
    live = soup(client, type(page).objects.get(pk=page.pk).url)
    assert live.find("html")["lang"] == code
    intro = live.select_one(".intro")
    assert intro.get_text(strip=True) == english.intro and intro["lang"] == "en"
    assert intro["dir"] == "ltr"
    parking = live.find(string=lambda text: text.strip() == english.parking)
    assert parking is not None and language_of(parking) == "en"
    # Every untranslated segment, wherever it shows, is marked (the clinic's name and
    # address are the translator's choice and facts: not checked here).
    untranslated = {english.intro, english.parking}
    shown = [node for node in live.find_all(string=True) if node.strip() in untranslated]
    assert shown and all(language_of(node) == "en" for node in shown)
    # Structured data says which of its strings are English.
    for script in live.select('script[type="application/ld+json"]'):
        assert english.intro not in plain_strings(json.loads(script.string))


def test_breadcrumbs_of_a_page_served_from_english_mark_english_titles(client):
    page = soup(client, "/bn/locations/midtown/")
    crumbs = page.select(".breadcrumbs a, .breadcrumbs [aria-current]")
    assert len(crumbs) >= 3
    for crumb in crumbs[1:]:  # the home page is the reader's own
        assert crumb.get("lang") == "en", crumb
    trail = next(
        json.loads(script.string)
        for script in page.select('script[type="application/ld+json"]')
        if '"BreadcrumbList"' in script.string
    )
    names = [item["name"] for item in trail["itemListElement"]]
    assert all(isinstance(name, dict) and name["@language"] == "en" for name in names[1:]), names


def json_ld_documents(client, url):
    page = soup(client, url)
    documents = []
    for script in page.select('script[type="application/ld+json"]'):
        data = json.loads(script.string)
        documents.extend(data if isinstance(data, list) else [data])
    return documents


# JSON-LD keys whose values are not prose: identifiers, types, dates, and the
# reviewer (a person's name and credentials read the same in every language).
NOT_PROSE = {"@context", "@type", "@id", "url", "item", "specialty", "inLanguage"}
NOT_PROSE |= {"lastReviewed", "reviewedBy", "sameAs"}


def prose(value):
    """The untagged strings of a JSON-LD document that are prose."""
    if isinstance(value, str):
        if any(character.isalpha() for character in value):
            yield value
    elif isinstance(value, list):
        for item in value:
            yield from prose(item)
    elif isinstance(value, dict) and "@language" not in value:
        for key, item in value.items():
            if key not in NOT_PROSE:
                yield from prose(item)


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_translated_condition_pages_json_ld_is_in_its_language(client, neck_spasms, code):
    from conditions.models import BodyArea

    english, translations = neck_spasms
    page = translations[code]
    documents = json_ld_documents(client, page.url)
    web_page = next(doc for doc in documents if doc["@type"] == "MedicalWebPage")
    assert web_page["inLanguage"] == code
    assert web_page["description"] == (page.search_description or page.intro)
    assert web_page["description"] != (english.search_description or english.intro)
    assert web_page["about"]["description"] == web_page["description"]
    area = BodyArea.objects.get(
        translation_key=english.body_area.translation_key, locale=page.locale
    )
    assert web_page["about"]["associatedAnatomy"]["name"] == area.name
    # No prose of the English page's structured data is left untagged.
    english_prose = set(prose(json_ld_documents(client, english.url)))
    assert [text for text in prose(documents) if text in english_prose] == []

    # A snippet not translated into the language is shown, and tagged, in English.
    area.delete()
    documents = json_ld_documents(client, page.url)
    web_page = next(doc for doc in documents if doc["@type"] == "MedicalWebPage")
    anatomy = web_page["about"]["associatedAnatomy"]["name"]
    assert anatomy == {"@value": english.body_area.name, "@language": "en"}
