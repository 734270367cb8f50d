"""What the read-only API (cms/api.py) takes from site search, so the core needs no
import of this app's internals: the words of a visitor's ?search= text that may
reach the search backend (no query syntax, capped length, no control characters)."""

from search.query import clean_query, search_terms


def search_words(raw):
    """The words of `raw` for the backend; empty when it has none."""
    return search_terms(clean_query(raw))
