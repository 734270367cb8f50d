"""What a clinic's page shows beside its own fields (LocationPage.get_context).

Built for a chain: the page's HTML is rendered once per site, language and day and
kept (the `{% kept %}` blocks of location_page.html, cms/caching/fragments.py), with
the clinic's page and the page tree as dependencies. A request then works out only
what may differ from one request to the next, from small kept values: the "open now"
sentence (from the clinic's schedule) and the conditions it treats (plain links,
which the language fallback may point at the reader's language:
localization/fallback.py). The rest (the week's hours, the locator, team, photos,
structured data) is worked out by ClinicDetails only when a block is rendered afresh,
and always in a preview, which renders from the page object and keeps nothing."""

import copy
from dataclasses import dataclass
from functools import cached_property

from django.utils.translation import get_language
from wagtail.models import Site

from cms.caching.dependencies import TREE, page_tag
from cms.caching.fragments import Kept, renders_from_memory
from cms.caching.page_cache import cached_data, origin_key
from locations import hours, jsonld
from locations.locator import locator, other_clinics


@dataclass
class ConditionLink:
    """A condition the clinic treats, as its page links it. Plain values, relinked
    like a page by the language fallback (it has a page's pk, locale and label)."""

    pk: int
    locale_id: int
    page_label: str
    title: str
    url: str


def kept(page, request, today):
    """Where the page's rendered blocks are kept, or None for a preview."""
    if renders_from_memory(page, request):
        return None
    site = Site.find_for_request(request)
    fallback = "fallback" if getattr(request, "language_fallback", None) else "own"
    key = ":".join(
        [
            "clinic-page",
            str(page.pk),
            str(site.pk if site else 0),
            origin_key(request),  # the structured data's absolute URLs
            get_language() or "",
            fallback,
            today.isoformat(),  # the next seven days, the closures of the next 30
        ]
    )
    # The page's fields and rows, and what it shows of other pages and snippets (the
    # tree, site-wide changes): the same as its rows kept by prefetch_for_render.
    return Kept(key, (TREE, page_tag(page.translation_key)))


def _unlinked(instance, **related):
    """A copy of a model instance with only the `related` objects cached on it (and
    its own prefetched rows): kept alone, without the page a prefetch hung on it."""
    clone = copy.copy(instance)
    clone._state.fields_cache = dict(related)
    return clone


def _facts(page, request):
    page.prefetch_for_render()
    # The photos with their images and renditions, for the page's sharing image
    # (templates/includes/social_meta.html).
    photos = [_unlinked(photo, image=_unlinked(photo.image)) for photo in page.photos.all()]
    conditions = [
        ConditionLink(
            condition.pk,
            condition.locale_id,
            condition._meta.label_lower,
            condition.title,
            condition.get_url(request),
        )
        for condition in page.conditions_treated()
    ]
    return page.schedule, conditions, photos


def request_facts(page, request, kept_in):
    """(the clinic's schedule, its ConditionLinks), kept as plain values unless the
    page is a preview (`kept_in` None). The page object gets its photos, which the
    page's sharing image is taken from."""
    if kept_in is None:
        schedule, conditions, _photos = _facts(page, request)
        return schedule, conditions
    site = Site.find_for_request(request)
    key = f"clinic-facts:{page.pk}:{site.pk if site else 0}:{get_language() or ''}"
    schedule, conditions, photos = cached_data(
        request, key, lambda: _facts(page, request), depends_on=kept_in.depends_on
    )
    # As a prefetch would leave them (an ordered queryset with its rows), so that
    # `page.photos.first` is answered without a query.
    rows = page.photos.model.objects.all()
    rows._result_cache, rows._prefetch_done = photos, True
    page._prefetched_objects_cache = {
        **getattr(page, "_prefetched_objects_cache", {}),
        "photos": rows,
    }
    return schedule, conditions


class ClinicDetails:
    """What the kept blocks show beside the page's fields, worked out when read."""

    def __init__(self, page, request, now, schedule):
        self.page, self.request, self.now, self.schedule = page, request, now, schedule

    @cached_property
    def rows(self):
        self.page.prefetch_for_render()
        return self.page

    @cached_property
    def hours(self):
        """The week, regular hours, closures to come and the browser script's data."""
        return hours.page_hours(self.schedule, self.now)

    @cached_property
    def locator(self):
        return locator(self.page, other_clinics(self.request, self.page))

    @cached_property
    def insurance(self):
        return self.rows.insurance_list()

    @cached_property
    def team(self):
        return self.rows.team()

    @cached_property
    def photos(self):
        return list(self.rows.photos.all())

    @cached_property
    def subway_stations(self):
        return list(self.rows.subway_stations.all())

    @cached_property
    def json_ld(self):
        today = self.now.astimezone(hours.NEW_YORK).date()
        return jsonld.clinic(self.rows, self.request, self.schedule, today)
