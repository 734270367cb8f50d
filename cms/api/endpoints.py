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
- Every listing selects the locale; each feature app registers what its pages prefetch
  (`register_page_queryset`), the search app the ?search= filter.
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
        # + the search app's ?search= filter (register_search_filter): last, as search
        # results cannot be filtered further
    ]

    def get_base_queryset(self):
        try:
            return super().get_base_queryset()
        except Http404 as error:  # ?site= names no site
            raise BadRequestError("site does not match any site") from error

    def get_queryset(self):
        queryset = super().get_queryset().select_related("locale")
        prepare = _page_querysets.get(queryset.model)
        return prepare(queryset) if prepare is not None else queryset


class PrefetchedTagsField(TagsField):
    """Tag names from the prefetched tags (Wagtail's field queries once per image)."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class ImageSerializer(WagtailImageSerializer):
    tags = PrefetchedTagsField(read_only=True)


class ImagesEndpoint(ReadOnlyAPIMixin, ImagesAPIViewSet):
    base_serializer_class = ImageSerializer
    filter_backends = [FieldsFilter, OrderingFilter]  # + register_search_filter

    def get_queryset(self):
        return super().get_queryset().prefetch_related("tags")


# --- What the feature apps register (from their apps.py) ---------------------------

_page_querysets = {}  # page model -> function(queryset) -> queryset


def register_page_queryset(model, prepare):
    """Listings and details of `model` pages go through `prepare(queryset)`: the
    app's select_related/prefetch_related for the fields its pages expose."""
    _page_querysets[model] = prepare


def register_search_filter(backend):
    """The filter behind ?search= on pages and images (the search app's), run last."""
    for endpoint in (PagesEndpoint, ImagesEndpoint):
        if backend not in endpoint.filter_backends:
            endpoint.filter_backends.append(backend)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesEndpoint)
api_router.register_endpoint("images", ImagesEndpoint)
