"""Query budgets for every page type a patient reaches, with the full-page cache off
(as for a page rendered the first time, or with PAGE_CACHE_SECONDS=0).

Three figures each: the data cache off (PAGE_DATA_CACHE=False, every shared piece
computed), the data cache cold (the first request after a publish started a new
content generation) and warm (every later request until the next change). The warm
figure is what a patient's request costs; the budgets are exact, so a change that
adds a query has to say so here."""

import re
from pathlib import Path

import pytest
from django.db import connection

from tests.performance.conftest import measure, page_urls

pytestmark = pytest.mark.django_db

# page type: (data cache warm, data cache cold, data cache off)
# Pages not translated into every language pay two queries cold for the switcher's
# links to their fallback pages (localization/fallback.py); warm figures are unchanged.
# Data cache off, a request computes each shared piece once, as cold does.
BUDGETS = {
    "home": (0, 8, 8),
    "condition index": (0, 14, 14),
    "condition page": (0, 15, 15),
    "location index": (0, 14, 14),
    "finder ?zip=": (0, 14, 14),
    "location page": (0, 20, 20),
    # On PostgreSQL a search also sets its time bound (SET LOCAL statement_timeout).
    "search": tuple(n + (connection.vendor == "postgresql") for n in (2, 12, 12)),
    "language assistance": (0, 9, 9),
    # One more than the English page when cold: is this translation behind its source,
    # and where did its text come from (one query for both notices)? One for the
    # English segments it may show, to mark them (localization/marking.py). And one for
    # its body area's translation in the JSON-LD (conditions/jsonld.py).
    "Spanish condition page": (0, 20, 20),
}


README = Path(__file__).resolve().parents[2] / "README.md"
# The README's table (page | before | data cache warm | cold data | data cache off) names
# a few rows differently; its search row is SQLite's (PostgreSQL adds one, as it says).
README_NAMES = {"finder `?zip=`": "finder ?zip=", "search `?q=neck`": "search"}


def readme_budgets():
    text = README.read_text(encoding="utf-8")
    table = re.search(
        r"\| page \| before \| data cache warm \| cold data \| data cache off \|\n"
        r"\| --- (?:\| ---: )+\|\n((?:\|.*\|\n)+)",
        text,
    )
    assert table, "the README lost its table of query counts per page"
    rows = {}
    for line in table[1].splitlines():
        name, _before, *counts = (cell.strip() for cell in line.strip("|").split("|"))
        rows[README_NAMES.get(name, name)] = tuple(int(count) for count in counts)
    return rows


def test_the_readme_states_the_budgets_asserted_here():
    on_postgres = connection.vendor == "postgresql"
    expected = {
        name: tuple(n - (on_postgres and name == "search") for n in budget)
        for name, budget in BUDGETS.items()
    }
    assert readme_budgets() == expected


@pytest.mark.parametrize("name", list(BUDGETS))
def test_query_budget(client, name):
    url = page_urls()[name]
    counts = measure(client, url)
    warm, cold, off = BUDGETS[name]
    assert (counts["warm"], counts["cold"], counts["off"]) == (warm, cold, off), (name, url)


def test_condition_and_location_pages_render_within_ten_queries(client):
    """The issue's bound for a page the full-page cache does not hold."""
    urls = page_urls()
    for name in ("condition page", "location page", "Spanish condition page"):
        assert measure(client, urls[name])["warm"] <= 10, name
