"""Whatever a visitor types, the search answers 200 with the query shown as text."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.query import MAX_QUERY_LENGTH, clean_query
from tests.search.conftest import search_page
from text_analysis import query_terms

pytestmark = pytest.mark.django_db

HOSTILE = [
    '"',
    "'",
    '"unterminated',
    "NEAR(neck, back)",
    "neck AND OR NOT",
    "*",
    "neck*",
    "-neck",
    "^neck",
    "title:neck",
    "a:b:c",
    "((((",
    "%",
    "_",
    "\\",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }}{% debug %}",
    "\x00neck",
    "\x1b[31mneck",
    "\u202eneck",  # right-to-left override
    "😀🦴",
    "颈部痉挛",
    "ألم الرقبة",
    "ঘাড় ব্যথা",
    "x" * 4_000,  # just under MAX_URL_LENGTH with the path
    "neck " * 500,
    "!!!",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_are_harmless(client, query):
    html = search_page(client, "/search/", {"q": query})
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html


def test_a_query_past_the_url_limit_gets_the_sites_own_414(client):
    response = client.get("/es/search/", {"q": "x" * 10_000})
    assert response.status_code == 414
    html = response.content.decode()
    assert '<html lang="es"' in html and "Traceback" not in html


@pytest.mark.parametrize("raw", ["%ED%A0%80", "%FF%FE", "%C0%AF", "%25%00", "neck&q=back"])
def test_invalid_utf8_and_odd_encodings(client, raw):
    search_page(client, f"/search/?q={raw}")


@pytest.mark.parametrize("prefix", ["", "/ar", "/zh-hans"])
def test_hostile_queries_in_other_languages(client, prefix):
    for query in ('"', "NEAR(", "<b>neck</b>", "\x00"):
        search_page(client, f"{prefix}/search/", {"q": query}, language=prefix[1:] or "en")


def test_long_queries_are_capped():
    assert len(clean_query("neck " * 1000)) <= MAX_QUERY_LENGTH
    assert clean_query("  neck\x00\n\tpain\u202e ") == "neck pain"


def test_only_words_reach_the_search_engine():
    assert query_terms('"neck" NEAR(back) title:knee * -hip', "en") == [
        "neck",
        "near",
        "back",
        "titl",
        "knee",
        "hip",
    ]
    assert query_terms("ঘাড় ব্যথা", "bn") == ["ঘাড়", "ব্যথা"]  # marks stay in words
    assert query_terms("!!! ??? ***", "en") == []


def test_the_query_is_echoed_as_text(client):
    html = client.get("/search/", {"q": "<b>neck</b>"}).content.decode()
    assert "&lt;b&gt;neck&lt;/b&gt;" in html
    assert "<b>neck</b>" not in html


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=300), page=st.text(max_size=12))
def test_any_text_gets_a_page(client, query, page):
    search_page(client, "/search/", {"q": query, "page": page})
