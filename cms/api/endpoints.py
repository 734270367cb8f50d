"""The read-only API at /api/v2/ (Wagtail's API v2): pages and images, so an app or a
clinic kiosk can list clinics and conditions.

    /api/v2/pages/?type=locations.LocationPage&locale=es&fields=*
    /api/v2/pages/?type=conditions.ConditionPage&fields=intro,body_area,last_reviewed
    /api/v2/pages/<id>/            /api/v2/images/

On top of Wagtail's endpoints:
- JSON only, anonymous, GET/HEAD/OPTIONS only (no sessions, so no CSRF and the
  responses are the same for everyone and cacheable by the page cache).
- Bad parameters get a 400 with a message, never a 500: an unknown locale (Wagtail
  answers 404), null characters, numbers too large for the database, values a field
  cannot hold (e.g. ?last_reviewed=yesterday), and search text is reduced to words.
- Location pages come with their hours prefetched; every listing selects the locale.
"""

from django.conf import settings
from django.core.exceptions import FieldError, ValidationError
from django.db import DataError
from django.http import Http404
from rest_framework.filters import BaseFilterBackend
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    OrderingFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import TagsField
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer as WagtailImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from search.query import clean_query, search_terms

MAX_ID = 2**31 - 1  # the largest id every supported database's integer column holds
NUMERIC_PARAMETERS = (
    "limit",
    "offset",
    "id",
    "child_of",
    "ancestor_of",
    "descendant_of",
    "translation_of",
)
SEARCH_OPERATORS = ("and", "or")


class StrictLocaleFilter(BaseFilterBackend):
    """?locale=es: the pages of one site language; an unknown code is a 400 that lists
    the known ones (Wagtail's own filter answers 404)."""

    def filter_queryset(self, request, queryset, view):
        if "locale" not in request.GET:
            return queryset
        code = request.GET["locale"]
        known = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        if code not in known:
            raise BadRequestError(f"locale must be one of: {', '.join(known)} (got '{code[:20]}')")
        locale = Locale.objects.filter(language_code=code).first()
        # By the locale itself: it is a filter field of the search index, so ?search works.
        return queryset.filter(locale=locale) if locale is not None else queryset.none()


class WordsSearchFilter(BaseFilterBackend):
    """?search=: Wagtail's search filter, except that only words reach the search
    engine (no query syntax) and the operator must be "and" or "or"."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if not getattr(settings, "WAGTAILAPI_SEARCH_ENABLED", True):
            raise BadRequestError("search is disabled")
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("filtering by tag with a search query is not supported")
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        words = search_terms(clean_query(request.GET["search"]))
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


class ReadOnlyAPIMixin:
    renderer_classes = [JSONRenderer]
    authentication_classes = []
    permission_classes = [AllowAny]
    http_method_names = ["get", "head", "options"]

    def initial(self, request, *args, **kwargs):
        for name, value in request.GET.items():
            if "\x00" in name or "\x00" in value:
                raise BadRequestError("null characters are not allowed in parameters")
        if request.GET.get("format", "json") != "json":
            raise BadRequestError("format must be 'json'")
        for name in NUMERIC_PARAMETERS:
            value = request.GET.get(name, "")
            if value.isdigit() and int(value) > MAX_ID:
                raise BadRequestError(f"{name} is too large (at most {MAX_ID})")
        if "id" in request.GET and not request.GET["id"].isdigit():
            raise BadRequestError("id must be a positive integer")
        super().initial(request, *args, **kwargs)

    def detail_view(self, request, pk):
        if int(pk) > MAX_ID:
            raise Http404("not found")
        return super().detail_view(request, pk)

    def handle_exception(self, exc):
        # Values the database or a model field cannot take are the caller's mistake.
        if isinstance(exc, ValidationError):
            message = "; ".join(exc.messages) if hasattr(exc, "messages") else str(exc)
            return Response({"message": f"invalid value: {message}"}, status=400)
        if isinstance(exc, FieldError | OverflowError | DataError):
            return Response({"message": "invalid parameter value"}, status=400)
        return super().handle_exception(exc)


class PagesEndpoint(ReadOnlyAPIMixin, PagesAPIViewSet):
    filter_backends = [
        FieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        StrictLocaleFilter,
        WordsSearchFilter,  # last: search results cannot be filtered further
    ]

    def get_base_queryset(self):
        try:
            return super().get_base_queryset()
        except Http404 as error:  # ?site= names no site
            raise BadRequestError("site does not match any site") from error

    def get_queryset(self):
        from conditions.models import ConditionPage
        from locations.models import LocationPage, upcoming_exceptions_prefetch

        queryset = super().get_queryset().select_related("locale")
        if queryset.model is LocationPage:
            queryset = queryset.prefetch_related(
                "opening_hours", upcoming_exceptions_prefetch(), "subway_stations"
            )
        elif queryset.model is ConditionPage:
            queryset = queryset.select_related("body_area")
        return queryset


class PrefetchedTagsField(TagsField):
    """Tag names from the prefetched tags (Wagtail's field queries once per image)."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class ImageSerializer(WagtailImageSerializer):
    tags = PrefetchedTagsField(read_only=True)


class ImagesEndpoint(ReadOnlyAPIMixin, ImagesAPIViewSet):
    base_serializer_class = ImageSerializer
    filter_backends = [FieldsFilter, OrderingFilter, WordsSearchFilter]

    def get_queryset(self):
        return super().get_queryset().prefetch_related("tags")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesEndpoint)
api_router.register_endpoint("images", ImagesEndpoint)
