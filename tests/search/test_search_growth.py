"""A search costs no more queries on grown content than on the demo content: more
clinics, more condition pages (so "neck" has pages of results instead of a few), more
languages. Counted with the data cache off, cold (after a publish) and warm."""

import re

import pytest
from django.core.management import call_command

from tests.performance.conftest import HTTPS, measure

pytestmark = pytest.mark.django_db

SEARCHES = {
    "many hits": "/search/?q=neck",
    "second page": "/search/?q=neck&page=2",
    "every word or some": "/search/?q=neck+zzyzzx",
    "lay term": "/search/?q=crick+in+the+neck",
    "clinic": "/search/?q=Astoria",
    "Spanish": "/es/search/?q=cuello",
    "Chinese": "/zh-hans/search/?q=%E9%A2%88%E9%83%A8",  # 颈部
    "Arabic": "/ar/search/?q=%D8%A7%D9%84%D8%B1%D9%82%D8%A8%D8%A9",  # الرقبة
}
# Every page seeded is a copy of a demo clinic or of the neck-spasms page.
GROWTH = {"clinics": 12, "conditions": 30, "languages": "es,zh-hans,ar"}


def hits(client, url):
    html = client.get(url, **HTTPS).content.decode()
    return int(re.search(r"(\d+) results? for", html).group(1))


def test_a_search_costs_the_same_queries_on_grown_content(client):
    counts_before = {name: measure(client, url) for name, url in SEARCHES.items()}
    hits_before = hits(client, SEARCHES["many hits"])

    call_command("seed_scale_content", verbosity=0, **GROWTH)

    hits_after = hits(client, SEARCHES["many hits"])
    assert hits_after >= hits_before + GROWTH["conditions"], (hits_before, hits_after)
    for name, url in SEARCHES.items():
        before, after = counts_before[name], measure(client, url)
        # A page of results costs a query per kind of page it shows: grown content may
        # show fewer kinds (all conditions), never more queries.
        # (The budgets themselves: test_search_cost.py and tests/performance/.)
        assert all(after[mode] <= before[mode] for mode in before), (name, before, after)
