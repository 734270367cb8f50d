"""Every indexable page has a meta description in the reader's language, with Open
Graph and Twitter twins: the page's own search description, else its intro cut to
whole sentences, else the sentence of its page type from the catalogs
(cms/seo/descriptions.py). Checked over HTTP for each page type in English, Spanish,
Arabic and Chinese (translated pages) and Bengali (pages served from English)."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from cms.seo.descriptions import ELLIPSIS, MAX_LENGTH, plain, trimmed
from conditions.models import ConditionIndexPage
from locations.models import LocationPage
from tests.seo.test_meta import meta

pytestmark = pytest.mark.django_db

PATHS = {
    "home": "/",
    "language assistance": "/language-assistance/",
    "condition index": "/conditions/",
    "condition": "/conditions/neck-spasms/",
    "location index": "/locations/",
    "location": "/locations/midtown/",
}
SEARCH_SENTENCE = "Search our pages about conditions and our clinics, in your language."


def test_short_text_is_kept_whole_on_one_line():
    assert trimmed("  Physical therapy\n helps. ") == "Physical therapy helps."


def test_long_text_is_cut_after_the_last_whole_sentence_that_fits():
    first = "Neck spasms are sudden tightenings of the neck muscles."
    second = "They often come after a long day at a desk, a bad night's sleep or stress."
    third = "Physical therapy eases them with gentle movement and exercises you can do " * 2
    assert trimmed(f"{first} {second} {third}") == f"{first} {second}"


def test_one_long_sentence_is_cut_at_a_word_with_an_ellipsis():
    text = "Physical therapy " + "helps people of every age move without pain again " * 5
    description = trimmed(text)
    assert description.endswith(ELLIPSIS) and len(description) <= MAX_LENGTH
    head = description.removesuffix(ELLIPSIS)
    assert text.startswith(head) and text[len(head)] == " "  # no word cut in two


def test_chinese_is_cut_at_its_full_stop_and_rich_text_read_as_text():
    sentence = "颈部痉挛是颈部肌肉突然而不自主的收缩。"
    assert trimmed(sentence * 12) == sentence * 8  # 8 × 19 characters fit in 160
    assert trimmed("<p>Pain &amp; injuries, <b>treated</b>.</p>") == "Pain & injuries, treated."


def reader_url(english, code):
    """The URL a reader of `code` is given for the English page: its live translation's,
    else the English page's path under the language prefix (served from English)."""
    if code == "en":
        return english.url
    translated = english.get_translation_or_none(Locale.objects.get(language_code=code))
    if translated is not None and translated.live:
        return translated.url
    return f"/{code}{english.url}"


def expected_description(page, code):
    """What the page must carry, read from its fields and the catalogs."""
    served_in_own_language = page.locale.language_code == code
    if served_in_own_language:
        if page.search_description:
            return trimmed(page.search_description)
        if plain(getattr(page, "intro", "")):
            return None  # checked as whole sentences of the intro
    with translation.override(code):
        title = getattr(page, "name", None) or page.title
        return trimmed(str(page.meta_description_default) % {"title": title})


@pytest.mark.parametrize("code", ["en", "es", "ar", "zh-hans", "bn"])
def test_every_page_type_has_a_description_in_the_readers_language(client, page_by_path, code):
    for kind, path in PATHS.items():
        english = page_by_path(path)
        url = reader_url(english, code)
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        description = meta(html, "description")
        assert description and len(description) <= MAX_LENGTH, (kind, url, description)
        assert meta(html, "og:description") == description, (kind, url)
        assert meta(html, "twitter:description") == description, (kind, url)
        translated = english.get_translation_or_none(Locale.objects.get(language_code=code))
        page = translated.specific if translated is not None and translated.live else english
        expected = expected_description(page, code)
        if expected is None:  # whole sentences of the intro, or its one long sentence cut
            intro = plain(page.intro)
            head = description.removesuffix(ELLIPSIS)
            assert intro.startswith(head), (kind, url)
            if head != description:
                assert intro[len(head)] in " ,;:—-", (kind, url)  # at a word's end
            else:
                assert description == intro or description[-1] in ".!?。؟।", (kind, url)
        else:
            assert description == expected, (kind, url)
    with translation.override(code):
        search = translation.gettext(SEARCH_SENTENCE)
    assert code == "en" or search != SEARCH_SENTENCE
    html = client.get(f"/{code}/search/" if code != "en" else "/search/").content.decode()
    assert meta(html, "description") == meta(html, "og:description") == search


def test_a_page_without_texts_of_its_own_gets_its_types_sentence(client, page_by_path):
    index = page_by_path("/conditions/")
    index.intro, index.search_description = "", ""
    index.save_revision().publish()
    html = client.get("/conditions/").content.decode()
    assert meta(html, "description") == str(ConditionIndexPage.meta_description_default)


def test_a_clinic_served_from_english_is_described_in_the_readers_language(client, page_by_path):
    # Bengali has no translation of the clinic: its English search description would
    # describe a Bengali page in English.
    midtown = page_by_path("/locations/midtown/")
    html = client.get("/bn/locations/midtown/").content.decode()
    with translation.override("bn"):
        sentence = str(LocationPage.meta_description_default) % {"title": midtown.title}
    assert meta(html, "description") == sentence != midtown.search_description
