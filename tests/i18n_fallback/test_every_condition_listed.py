"""Every condition is findable in every language: a translated condition index (and
each of its body-area filters) lists the conditions translated into its language first,
then every other live condition, its English name marked as English and leading to the
honest "not yet available" page in the reader's language."""

import pytest
from django.utils.translation import gettext, override

from conditions.models import ConditionPage
from tests.i18n_fallback.conftest import home_url, nav_href

pytestmark = pytest.mark.django_db

TRANSLATED_LANGUAGES = ["es", "zh-hans", "ar"]


def cards(page):
    return [
        (link["href"], link.get("lang"), link.parent.select_one(".language-note"))
        for link in page.select(".card__link")
    ]


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_translated_index_lists_every_condition(get, code):
    _response, home = get(home_url(code))
    index_url = nav_href(home, 0)
    _response, index = get(index_url)
    listed = cards(index)
    english_live = ConditionPage.objects.live().filter(locale__language_code="en").count()
    assert len(listed) == english_live == 12
    translated = [card for card in listed if card[1] is None]
    untranslated = [card for card in listed if card[1] == "en"]
    assert translated and untranslated
    # Translated first, then the ones still in English, each marked "(English)".
    assert listed == translated + untranslated
    english_name = "English"  # the language's own name: what "(English)" says
    for href, _lang, note in untranslated:
        assert href.startswith(index_url), href
        assert note is not None and note["lang"] == "en" and english_name in note.get_text()
    # An untranslated one leads to the honest page, in the reader's language.
    response, honest = get(untranslated[0][0])
    assert honest.find("html")["lang"] == code
    assert response["X-Robots-Tag"] == "noindex"
    with override(code):
        english_link = gettext("Read this page in English")
    article = honest.select_one("article.not-yet-translated")
    assert article.select_one("a[hreflang=en]").get_text(strip=True) == english_link


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_body_area_filter_lists_untranslated_conditions_too(get, code):
    _response, home = get(home_url(code))
    index_url = nav_href(home, 0)
    _response, index = get(index_url + "?area=lower-back")
    hrefs = [href for href, _lang, _note in cards(index)]
    english = ConditionPage.objects.live().filter(
        locale__language_code="en", body_area__slug="lower-back"
    )
    assert len(hrefs) == english.count() == 3
    assert any(href.endswith("/low-back-pain/") for href in hrefs)


def test_a_new_english_condition_appears_in_every_translated_index(
    client, get, page_by_path, admin_user
):
    for code in TRANSLATED_LANGUAGES:  # warm the kept listings first
        get(f"{nav_href(get(home_url(code))[1], 0)}")
    sciatica = page_by_path("/conditions/sciatica/")
    copy = sciatica.copy(
        update_attrs={"slug": "hip-bursitis", "title": "Hip bursitis", "condition_name": ""},
        user=admin_user,
    )
    copy.save_revision(user=admin_user).publish()
    for code in TRANSLATED_LANGUAGES:
        index_url = nav_href(get(home_url(code))[1], 0)
        hrefs = [href for href, _lang, _note in cards(get(index_url)[1])]
        assert index_url + "hip-bursitis/" in hrefs, code
