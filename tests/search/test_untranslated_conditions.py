"""A search in a language finds the conditions not translated into it yet: through the
language's lay terms (the demo's "dolor lumbar", "腰痛", "ألم أسفل الظهر" → low back
pain) and through the title a translator has drafted. The hit is marked English and
leads to the honest "not yet available" page in the reader's language."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from tests.search.conftest import search_page

pytestmark = pytest.mark.django_db

LOW_BACK_PAIN = {
    "es": ("dolor lumbar", "/es/afecciones/low-back-pain/"),
    "zh-hans": ("腰痛", "/zh-hans/conditions/low-back-pain/"),
    "ar": ("ألم أسفل الظهر", "/ar/conditions/low-back-pain/"),
}


def english_hits(html):
    page = BeautifulSoup(html, "html.parser")
    return [
        (link["href"], link.parent.select_one(".language-note"))
        for link in page.select(".search-result > a[lang=en]")
    ]


@pytest.mark.parametrize("code", sorted(LOW_BACK_PAIN))
def test_lay_terms_find_an_untranslated_condition(client, code):
    words, honest_url = LOW_BACK_PAIN[code]
    html = search_page(client, f"/{code}/search/", {"q": words}, language=code)
    hits = english_hits(html)
    assert [href for href, _note in hits][:1] == [honest_url], hits
    assert hits[0][1] is not None and hits[0][1]["lang"] == "en"
    assert "No page contains all of your words" not in html
    honest = client.get(honest_url)
    assert honest.status_code == 200 and honest["X-Robots-Tag"] == "noindex"


def test_a_drafted_translated_title_finds_the_english_page(client, page_by_path, admin_user):
    tmj = page_by_path("/conditions/tmj-disorder/")  # no Spanish lay term leads there
    query = {"q": "trastorno temporomandibular"}
    assert english_hits(search_page(client, "/es/search/", query, language="es")) == []
    spanish = tmj.copy_for_translation(Locale.objects.get(language_code="es"))
    spanish.title = "Trastorno de la articulación temporomandibular"
    spanish.save_revision(user=admin_user)
    assert not spanish.live
    html = search_page(client, "/es/search/", query, language="es")
    assert "/es/afecciones/tmj-disorder/" in [href for href, _note in english_hits(html)]
    # The unreviewed draft itself is never shown.
    assert "Trastorno de la articulación" not in html
