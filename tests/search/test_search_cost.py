"""What a search costs: a fixed number of queries however many results (excerpts
need none of their own), with the page cache off and the data cache warm."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tests.performance.conftest import TEST_TRANSACTION_ONLY

pytestmark = pytest.mark.django_db

MAX_QUERIES = 6


def count(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    queries = [
        q["sql"][:160]
        for q in captured.captured_queries
        if not q["sql"].startswith(TEST_TRANSACTION_ONLY)
    ]
    return queries, response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/search/?q=neck",
        "/search/?q=physical+therapy",
        "/es/search/?q=cuello",
        "/ar/search/?q=الرقبة",
    ],
)
def test_a_search_costs_a_fixed_number_of_queries(client, url):
    cache.clear()
    with override_settings(PAGE_DATA_CACHE=True, PAGE_CACHE_SECONDS=0):
        count(client, url)  # warms the data cache (locale, lay terms, restrictions)
        queries, html = count(client, url)
    cache.clear()
    assert html.count('class="search-result search-result--') >= 1
    assert len(queries) <= MAX_QUERIES, "\n".join(queries)


def test_the_cost_does_not_grow_with_the_number_of_results(client):
    cache.clear()
    with override_settings(PAGE_DATA_CACHE=True, PAGE_CACHE_SECONDS=0):
        count(client, "/search/?q=physical")
        many, many_html = count(client, "/search/?q=physical")
        count(client, "/search/?q=whiplash")
        few, few_html = count(client, "/search/?q=whiplash")
    cache.clear()
    assert many_html.count("search-result--") > few_html.count("search-result--")
    # At most one query more: the clinics' page type, which "whiplash" does not reach.
    assert len(many) <= len(few) + 1 <= MAX_QUERIES + 1, "\n".join(many)
