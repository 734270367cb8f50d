"""What one search may cost is bounded: at most ranking.MAX_MATCHES ranked matches,
and the search query may run at most SEARCH_QUERY_TIMEOUT_MS (PostgreSQL's
statement_timeout, SQLite's progress handler), after which the patient gets a page
that asks to narrow the search down: never a 500, never a worker held for long."""

import re
import time

import pytest
from django.db import connection
from django.test import override_settings

from search import ranking
from tests.search.conftest import search_page

pytestmark = pytest.mark.django_db

# Counts to a hundred million: seconds of work on either database.
SLOW_SQL = (
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000) "
    "SELECT count(*) FROM c"
)


def result_count(html):
    return len(re.findall(r'<li class="search-result search-result--', html))


def test_a_search_lists_at_most_the_bound_and_says_so(client, monkeypatch):
    unbounded = search_page(client, "/search/?q=pain")
    assert result_count(unbounded) >= 4, "the demo has several pages about pain"
    monkeypatch.setattr(ranking, "MAX_MATCHES", 3)
    html = search_page(client, "/search/?q=pain")
    assert "3 results for" in html
    assert result_count(html) == 3
    assert "Showing the 3 best matches. Add a word to narrow your search." in html
    # The three listed are the three best of the unbounded search, in its order.
    assert (
        re.findall(r'search-result--\w+">.*?href="([^"]+)"', html, re.S)
        == re.findall(r'search-result--\w+">.*?href="([^"]+)"', unbounded, re.S)[:3]
    )


def test_the_bound_on_a_query_interrupts_it_on_this_database():
    with override_settings(SEARCH_QUERY_TIMEOUT_MS=100):
        started = time.monotonic()
        with pytest.raises(ranking.SearchTooBroadError):
            with ranking._bounded(), connection.cursor() as cursor:
                cursor.execute(SLOW_SQL)
        assert time.monotonic() - started < 2
        # The connection is usable afterwards, without the bound.
        with connection.cursor() as cursor:
            cursor.execute(SLOW_SQL.replace("100000000", "100000"))
            assert cursor.fetchone()[0] == 100000


def test_a_search_over_its_time_bound_gets_a_page_that_asks_to_narrow_it(client, monkeypatch):
    """The real search statement, made slow by a hundred million candidate pages, is
    interrupted by the database within the bound."""

    # Negative numbers, which no page id matches: the database has to go through them all.
    def counting(base, *columns):
        extra = "".join(f", -x AS {column}" for column in columns)
        return SLOW_SQL.replace(
            "count(*) FROM c", f"CAST(-x AS TEXT) AS _text_pk{extra} FROM c"
        ), ()

    monkeypatch.setattr(ranking, "_visible_pks", counting)
    started = time.monotonic()
    with override_settings(SEARCH_QUERY_TIMEOUT_MS=100):
        response = client.get("/search/?q=neck+pain")
    assert time.monotonic() - started < 3
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert response["Cache-Control"] == "private, no-store"
    html = response.content.decode()
    assert "This search took too long to answer. Add a word or two to narrow it down." in html
    assert '<input id="search-q" type="search" name="q"' in html
    assert 'href="/conditions/"' in html, "the starting points are offered"
    # The next search, within the bound, is answered as usual.
    monkeypatch.undo()
    assert result_count(search_page(client, "/search/?q=neck")) >= 1
