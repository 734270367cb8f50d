"""The demo's condition and clinic pages in Spanish, Simplified Chinese and Arabic,
made through wagtail-localize's own translation records."""

import re
from pathlib import Path

import pytest
from wagtail.models import Locale
from wagtail_localize.models import Translation

from conditions.models import ConditionIndexPage, ConditionPage
from demo.loader import SHOWCASE_LANGUAGES
from locations.models import LocationIndexPage, LocationPage

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[1] / "conditions" / "seed" / "neck-spasms-page.txt"


def showcase_sources():
    english = Locale.get_default()
    return [
        ConditionIndexPage.objects.get(locale=english),
        ConditionPage.objects.get(locale=english, slug="neck-spasms"),
        LocationIndexPage.objects.get(locale=english),
        *LocationPage.objects.filter(locale=english),
    ]


def main_text(response):
    main = re.search(r"<main.*?</main>", response.content.decode(), re.S).group(0)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


@pytest.mark.parametrize("code", SHOWCASE_LANGUAGES)
def test_showcase_pages_are_translated_live_and_tracked(client, code):
    locale = Locale.objects.get(language_code=code)
    for source in showcase_sources():
        translated = source.get_translation_or_none(locale)
        assert translated is not None and translated.live, source.url_path
        response = client.get(translated.url)
        assert response.status_code == 200
        assert f'<html lang="{code}"' in response.content.decode()
        assert Translation.objects.filter(
            source__object_id=source.translation_key, target_locale=locale
        ).exists(), "the admin shows the translation's status"


def test_no_english_paragraph_of_the_neck_spasms_page_is_left_in_spanish(client):
    english = ConditionPage.objects.get(locale=Locale.get_default(), slug="neck-spasms")
    spanish = english.get_translation(Locale.objects.get(language_code="es"))
    text = main_text(client.get(spanish.url))
    lines = [line.strip(" •\t") for line in SEED.read_text().splitlines() if line.strip()]
    assert len(lines) > 20
    for line in lines:
        assert line not in text, f"English left on the Spanish page: {line!r}"
    assert "espasmos" in text


@pytest.mark.parametrize("code", SHOWCASE_LANGUAGES)
def test_clinic_prose_is_translated_and_facts_are_the_same(code):
    locale = Locale.objects.get(language_code=code)
    for english in LocationPage.objects.filter(locale=Locale.get_default()):
        translated = english.get_translation(locale)
        assert translated.intro and translated.intro != english.intro
        assert translated.phone == english.phone
        assert translated.street_address == english.street_address
        assert (translated.latitude, translated.longitude) == (english.latitude, english.longitude)
        assert list(translated.opening_hours.values_list("weekday", "opens", "closes")) == list(
            english.opening_hours.values_list("weekday", "opens", "closes")
        )
