"""search.api.search_words: what the read-only API's ?search= may send to the backend."""

from search.api import search_words
from search.query import MAX_QUERY_LENGTH, MAX_TERMS


def test_only_words_reach_the_backend():
    assert search_words('neck "pain" NEAR(x, y) body:spasm* -back\x00 颈部') == [
        "neck",
        "pain",
        "NEAR",
        "x",
        "y",
        "body",
        "spasm",
        "back",
        "颈部",
    ]


def test_nothing_but_syntax_gives_no_words():
    assert search_words('"" * () :-') == []
    assert search_words(None) == []


def test_length_and_word_count_are_capped():
    words = search_words("ab " * MAX_QUERY_LENGTH)
    assert len(words) == MAX_TERMS
    assert all(word == "ab" for word in words)
