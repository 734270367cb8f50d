"""Turning what a visitor typed into something safe to show, store and search."""

import unicodedata

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12  # words (or Chinese bigrams) of a query that reach the backend
# A word: letters (any script), combining marks (Bengali, Arabic vowel signs...), digits.
_TERM_CHARS = ("L", "M", "N")


def clean_query(raw):
    """The query as typed, made safe to show and store: at most MAX_QUERY_LENGTH
    characters, no control or invisible format characters, single spaces."""
    text = "".join(
        " " if unicodedata.category(char) in ("Cc", "Zl", "Zp") else char
        for char in str(raw or "")[: MAX_QUERY_LENGTH * 2]
        if unicodedata.category(char) not in ("Cf", "Cs", "Co", "Cn")
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def search_terms(query):
    """The words of a query, for the backend: everything that is not a letter, mark or
    digit becomes a space, so no query syntax (quotes, NEAR, *, field:value) reaches
    the full-text engine."""
    text = "".join(char if unicodedata.category(char)[0] in _TERM_CHARS else " " for char in query)
    return text.split()[:MAX_TERMS]
