"""What a results page keeps in the data cache (each hit's card, the promotions) is
never stale: with the cache on and warm, a change shows on the very next search, and a
warm search loads no page."""

import re
from html import unescape

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from tests.search.conftest import search_page, translate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def data_cache_on():
    cache.clear()
    with override_settings(PAGE_DATA_CACHE=True, PAGE_CACHE_SECONDS=0):
        yield
    cache.clear()


def results(client, url):
    """(href, title, excerpt text) of each regular result."""
    html = search_page(client, url)
    items = re.findall(
        r'search-result--\w+">\s*<span class="tag">[^<]*</span>\s*<a href="([^"]+)">([^<]*)</a>'
        r"(?:\s*<p>([^\n]*)</p>)*",
        html,
    )
    return [
        (href, unescape(title), unescape(re.sub("<[^>]+>", "", text)))
        for href, title, text in items
    ]


def promoted(client, url, language="en"):
    html = search_page(client, url, language=language)
    if 'id="promoted-heading"' not in html:
        return []
    section = html.split('id="promoted-heading"', 1)[1].split("</section>", 1)[0]
    return [
        (href, unescape(title))
        for href, title in re.findall(r'<a href="([^"]+)">([^<]*)</a>', section)
    ]


def test_a_warm_search_loads_no_page(client):
    search_page(client, "/search/?q=pillow")
    with CaptureQueriesContext(connection) as captured:
        search_page(client, "/search/?q=pillow")
    tables = " ".join(query["sql"] for query in captured.captured_queries)
    assert "conditions_conditionpage" not in tables and "locations_locationpage" not in tables


def test_an_edited_result_shows_at_once(client, page_by_path):
    neck = page_by_path("/conditions/neck-spasms/")
    assert results(client, "/search/?q=pillow")[0][:2] == (neck.url, neck.title)
    neck.title = "Neck spasms and cricks"
    neck.search_description = "Pillow trouble? A stiff neck after sleeping, explained."
    neck.save_revision().publish()
    href, title, excerpt = results(client, "/search/?q=pillow")[0]
    assert (href, title) == (neck.url, "Neck spasms and cricks")
    assert excerpt == "Pillow trouble? A stiff neck after sleeping, explained."


def test_a_result_moved_with_its_section_links_to_its_new_url_at_once(client, page_by_path):
    index = page_by_path("/conditions/")
    assert results(client, "/search/?q=pillow")[0][0] == "/conditions/neck-spasms/"
    index.slug = "what-we-treat"
    index.save_revision().publish()
    assert results(client, "/search/?q=pillow")[0][0] == "/what-we-treat/neck-spasms/"


def test_a_clinics_new_address_shows_at_once(client, page_by_path):
    midtown = page_by_path("/locations/midtown/")
    search_page(client, "/search/?q=midtown")
    midtown.address_line_2 = "Suite 4400"
    midtown.save_revision().publish()
    assert "Suite 4400" in search_page(client, "/search/?q=midtown")


def test_promotions_come_and_go_at_once(client, page_by_path):
    tmj = page_by_path("/conditions/tmj-disorder/")
    assert promoted(client, "/search/?q=jaw") == []
    promotion = SearchPromotion.objects.create(query=Query.get("jaw"), page=tmj)
    assert promoted(client, "/search/?q=jaw") == [(tmj.url, tmj.title)]
    tmj.title = "Jaw joint (TMJ) disorder"
    tmj.save_revision().publish()
    assert promoted(client, "/search/?q=jaw") == [(tmj.url, "Jaw joint (TMJ) disorder")]
    promotion.delete()
    assert promoted(client, "/search/?q=jaw") == []


def test_a_promoted_page_shows_once_translated(client, page_by_path):
    tmj = page_by_path("/conditions/tmj-disorder/")
    SearchPromotion.objects.create(query=Query.get("jaw"), page=tmj)
    before = promoted(client, "/ht/search/?q=jaw", "ht")
    translated = translate(tmj, "ht", title="Maladi jwenti machwa", slug="maladi-machwa")
    assert (translated.url, "Maladi jwenti machwa") in promoted(client, "/ht/search/?q=jaw", "ht")
    assert (translated.url, "Maladi jwenti machwa") not in before
