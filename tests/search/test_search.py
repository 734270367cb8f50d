"""Site search: the current language's live condition and clinic pages, the text of
every block, clinics by name, neighborhood, borough, ZIP, subway line and language,
the nearest clinics for a ZIP code, promotions and the query log."""

import re
from html import unescape

import pytest
from django.test import override_settings
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Locale

import search.views
from tests.search.conftest import BLOCK_WORDS, search_page, translate

pytestmark = pytest.mark.django_db


def result_links(html):
    """(kind, href, title) of each regular result, in order."""
    items = re.findall(
        r'<li class="search-result search-result--(\w+)">\s*<span class="tag">[^<]*</span>\s*'
        r'<a href="([^"]+)">([^<]*)</a>',
        html,
    )
    return [(kind, href, unescape(title)) for kind, href, title in items]


def hrefs(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [href for _kind, href, _title in result_links(response.content.decode())]


@pytest.mark.parametrize("block", sorted(BLOCK_WORDS))
def test_text_inside_every_block_is_found(client, block_page, block):
    assert hrefs(client, f"/search/?q={BLOCK_WORDS[block]}") == [block_page.url]


def test_title_and_intro_are_found(client, block_page):
    assert block_page.url in hrefs(client, "/search/?q=blockwise")
    assert hrefs(client, "/search/?q=made+up+for+the+search+tests") == [block_page.url]


def test_excerpt_shows_the_passage_of_the_block_that_matched(client, block_page):
    html = client.get(f"/search/?q={BLOCK_WORDS['symptoms']}").content.decode()
    assert f"<mark>{BLOCK_WORDS['symptoms']}</mark>" in html
    assert "A dull" in html


def test_seed_condition_is_found_by_a_cause_and_labelled_a_condition(client):
    html = client.get("/search/?q=pillow").content.decode()
    assert result_links(html)[0][:2] == ("condition", "/conditions/neck-spasms/")
    assert "<mark>pillow</mark>" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Astoria", "/locations/astoria/"),  # name
        ("Riverdale", "/locations/riverdale/"),
        ("Midtown", "/locations/midtown/"),  # neighborhood
        ("Bronx", "/locations/riverdale/"),  # borough
        ("10075", "/locations/upper-east-side/"),  # ZIP
        ("Fulton", "/locations/financial-district/"),  # subway station
        ("Haitian Creole", "/locations/downtown-brooklyn/"),  # languages spoken
        ("Bengali", "/locations/astoria/"),
    ],
)
def test_clinics_are_found_by_their_facts(client, query, expected):
    html = client.get(f"/search/?q={query}").content.decode()
    links = result_links(html)
    assert ("clinic", expected) in [(kind, href) for kind, href, _title in links]


def test_clinics_are_found_by_subway_line(client, page_by_path):
    hits = hrefs(client, "/search/?q=G")
    assert hits == ["/locations/downtown-brooklyn/"]  # the only clinic on the G


def test_a_clinics_new_subway_station_is_found_after_publishing(client, page_by_path):
    from locations.models import SubwayStation

    astoria = page_by_path("/locations/astoria/")
    assert hrefs(client, "/search/?q=Ditmars") == []
    astoria.subway_stations.add(SubwayStation(station="Astoria-Ditmars Blvd", routes="N W"))
    astoria.save_revision().publish()
    assert hrefs(client, "/search/?q=Ditmars") == ["/locations/astoria/"]
    astoria.refresh_from_db()
    astoria.subway_stations.set([SubwayStation(station="30 Av", routes="N W")])
    astoria.save_revision().publish()
    assert hrefs(client, "/search/?q=Ditmars") == []


def test_only_condition_and_clinic_pages_are_results(client):
    # The home and language-assistance pages mention these words but are not results.
    kinds = {
        kind
        for kind, _href, _title in result_links(client.get("/search/?q=physical").content.decode())
    }
    assert kinds and kinds <= {"condition", "clinic"}
    assert hrefs(client, "/search/?q=language+assistance") == []


def test_unpublished_pages_are_not_found(client, block_page):
    block_page.unpublish()
    assert hrefs(client, "/search/?q=blockwise") == []


def test_each_language_searches_its_own_pages(client, block_page):
    spanish = translate(block_page, "es", title="Esguincillo por bloques", slug="esguincillo")
    assert spanish.url.startswith("/es/")
    # The Spanish search finds the Spanish page only, the English search the English one.
    assert hrefs(client, f"/es/search/?q={BLOCK_WORDS['faq']}") == [spanish.url]
    assert hrefs(client, f"/search/?q={BLOCK_WORDS['faq']}") == [block_page.url]
    assert hrefs(client, "/es/search/?q=Esguincillo") == [spanish.url]
    assert hrefs(client, "/search/?q=Esguincillo") == []
    # A language without a translation finds nothing rather than English pages.
    assert hrefs(client, f"/fr/search/?q={BLOCK_WORDS['faq']}") == []


def test_all_words_must_match_else_some(client):
    html = client.get("/search/?q=pillow+xyzzyplugh").content.decode()
    assert [href for _k, href, _t in result_links(html)] == ["/conditions/neck-spasms/"]
    assert "contain some of them" in html
    html = client.get("/search/?q=pillow+neck").content.decode()
    assert "contain some of them" not in html


def test_a_zip_code_offers_the_nearest_clinics(client):
    html = client.get("/search/?q=10018").content.decode()
    section = html.split('id="nearby-heading"', 1)[1].split("</section>", 1)[0]
    nearest = re.findall(r'<li><a href="([^"]+)"', section)
    assert nearest[0] == "/locations/midtown/"
    assert len(nearest) == search.views.NEAREST_CLINICS
    assert "miles away" in section
    assert 'href="/locations/?zip=10018"' in section


@pytest.mark.parametrize("query", ["00000", "99999", "1001", "100188"])
def test_no_nearest_clinics_for_unknown_or_malformed_zips(client, query):
    response = client.get(f"/search/?q={query}")
    assert response.status_code == 200
    assert "nearby-heading" not in response.content.decode()


def test_empty_query_offers_starting_points(client):
    response = client.get("/search/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="/conditions/"' in html
    assert 'href="/conditions/?area=neck"' in html
    assert 'href="/locations/"' in html
    assert "results for" not in html
    assert not Query.objects.exists()  # nothing was counted


def test_no_results_offer_starting_points(client):
    html = client.get("/search/?q=xyzzyplugh").content.decode()
    assert "0 results for" in html
    assert 'href="/conditions/?area=neck"' in html


def test_searches_are_counted_per_day(client):
    client.get("/search/?q=Neck")
    client.get("/search/?q=neck")
    client.get("/search/?q=neck&page=2")  # turning pages is not a new search
    query = Query.objects.get(query_string="neck")
    assert query.hits == 2
    assert QueryDailyHits.objects.filter(query=query).count() == 1


def test_search_responses_are_private_and_every_search_is_counted_with_the_page_cache_on(
    client,
):
    with override_settings(PAGE_CACHE_SECONDS=600):
        first = client.get("/search/?q=neck")
        second = client.get("/search/?q=neck")
    assert first["Cache-Control"] == "private, no-store"
    assert "X-Page-Cache" not in second
    assert Query.objects.get(query_string="neck").hits == 2


def test_promotions_pin_a_page_for_a_query(client, page_by_path):
    tmj = page_by_path("/conditions/tmj-disorder/")
    query = Query.get("jaw")
    SearchPromotion.objects.create(query=query, page=tmj, description="Jaw pain? Start here.")
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://example.org/jaw",
        external_link_text="Jaw exercises leaflet",
    )
    html = client.get("/search/?q=Jaw").content.decode()
    promoted = html.split('id="promoted-heading"', 1)[1].split("</section>", 1)[0]
    assert f'href="{tmj.url}"' in promoted
    assert "Jaw pain? Start here." in promoted
    assert 'href="https://example.org/jaw"' in promoted
    assert promoted.index(tmj.url) < promoted.index("example.org")


def test_promoted_pages_show_in_the_visitors_language_or_not_at_all(client, page_by_path):
    tmj = page_by_path("/conditions/tmj-disorder/")
    SearchPromotion.objects.create(query=Query.get("jaw"), page=tmj)
    haitian = Locale.objects.get(language_code="ht")
    if tmj.get_translation_or_none(haitian) is None:
        assert "promoted-heading" not in client.get("/ht/search/?q=jaw").content.decode()
    translated = translate(tmj, "ht", title="Maladi jwenti machwa", slug="maladi-machwa")
    html = client.get("/ht/search/?q=jaw").content.decode()
    promoted = html.split('id="promoted-heading"', 1)[1].split("</section>", 1)[0]
    assert f'href="{translated.url}"' in promoted
    assert f'href="{tmj.url}"' not in promoted


def test_results_are_paginated(client, monkeypatch):
    monkeypatch.setattr(search.views, "RESULTS_PER_PAGE", 2)
    first = hrefs(client, "/search/?q=neck")
    second = hrefs(client, "/search/?q=neck&page=2")
    assert len(first) == len(second) == 2
    assert not set(first) & set(second)
    html = client.get("/search/?q=neck&page=2").content.decode()
    assert 'rel="prev"' in html and 'rel="next"' in html
    assert "Page 2 of" in html


@pytest.mark.parametrize(
    ("page", "shown", "message"),
    [
        ("abc", 1, "is not a page number"),
        ("1.5", 1, "is not a page number"),
        ("0", 1, "There is no page"),
        ("-3", 1, "There is no page"),
        ("999", "last", "There is no page"),
        ("99999999999999999999999999", "last", "There is no page"),
        ("%00", 1, "is not a page number"),
    ],
)
def test_bad_page_numbers_get_a_real_page(client, monkeypatch, page, shown, message):
    monkeypatch.setattr(search.views, "RESULTS_PER_PAGE", 2)
    response = client.get(f"/search/?q=neck&page={page}")
    assert response.status_code == 200
    html = response.content.decode()
    total = int(re.search(r"(\d+) results for", html).group(1))
    last = -(-total // 2)
    number = last if shown == "last" else shown
    assert f"Page {number} of {last}" in html
    assert message in unescape(html)


def test_query_budget(client, django_assert_max_num_queries):
    client.get("/search/?q=neck")  # warm caches (site root paths, content types)
    with django_assert_max_num_queries(30):
        html = search_page(client, "/search/?q=neck")
    assert 'href="/conditions/neck-spasms/"' in html  # the budget covers a real result list


def test_pages_in_a_private_section_are_not_found_at_once(client, page_by_path):
    from django.core.cache import cache
    from wagtail.models import PageViewRestriction

    neck = page_by_path("/conditions/neck-spasms/")
    cache.clear()
    with override_settings(PAGE_DATA_CACHE=True, PAGE_CACHE_SECONDS=0):
        assert neck.url in hrefs(client, "/search/?q=pillow")  # the data cache is warm
        PageViewRestriction.objects.create(page=neck, restriction_type="login")
        assert neck.url not in hrefs(client, "/search/?q=pillow")
    cache.clear()
