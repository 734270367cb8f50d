"""The API's ?search= filter (registered with cms.api.endpoints in search/apps.py):
Wagtail's search filter, except that only words reach the search engine (no query
syntax) and the operator must be "and" or "or"."""

from django.conf import settings
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from search.query import clean_query, search_terms

SEARCH_OPERATORS = ("and", "or")


def search_words(raw):
    """The words of `raw` that may reach the backend (no query syntax, capped length,
    no control characters); empty when it has none."""
    return search_terms(clean_query(raw))


class WordsSearchFilter(BaseFilterBackend):
    """?search=: Wagtail's search filter, except that only words reach the search
    engine (no query syntax) and the operator must be "and" or "or"."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if not getattr(settings, "WAGTAILAPI_SEARCH_ENABLED", True):
            raise BadRequestError("search is disabled")
        # Wagtail's field filter marks a tag-filtered queryset so (private; checked by
        # tests/cms/test_private_api.py).
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("filtering by tag with a search query is not supported")
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        words = search_words(request.GET["search"])
        if not words:
            return queryset.none()
        try:
            return get_search_backend().search(
                " ".join(words),
                queryset,
                operator=operator,
                order_by_relevance="order" not in request.GET,
            )
        except FilterFieldError as error:
            raise BadRequestError(
                f"cannot filter by '{error.field_name}' while searching (field is not indexed)"
            ) from error
        except OrderByFieldError as error:
            raise BadRequestError(
                f"cannot order by '{error.field_name}' while searching (field is not indexed)"
            ) from error
