"""The condition index's listing: body areas, conditions by page, as plain values.

Built for a chain of hundreds of conditions: the areas with how many conditions each
has, and each page of cards (name, URL, intro, language), are kept in the data cache
until a condition page or the tree changes, so a steady request reads no rows beside
the index page itself. A card is a plain value with the fields the language fallback
relinks (localization/fallback.py: pk, locale_id, page_label, url)."""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import get_language

from cms.caching.dependencies import TREE, list_tag
from cms.caching.page_cache import cached_data
from cms.caching.routing import find_site
from conditions.areas import BodyArea

# The list of every condition: what a change to any condition page touches
# (conditions/caching.py), and what the index and search read.
CONDITIONS = list_tag("conditions")
# Every condition, whatever its area (the key of the whole listing's count).
ALL_AREAS = ""


@dataclass
class ConditionLink:
    """A link to a condition page: what a card or a related-conditions list shows."""

    pk: int
    locale_id: int  # the page's language (lang marks, "(English)" notes)
    page_label: str  # "conditions.conditionpage" (the language fallback's relinking)
    name: str
    url: str
    intro: str = ""
    reader_url: str | None = None  # set by the language fallback when it relinks


@dataclass
class AreaLink:
    """A body area of the index's filter, in the page's language where translated."""

    slug: str
    name: str
    locale_id: int
    sort_order: int = 0


def condition_link(page, request=None, intro=False):
    return ConditionLink(
        pk=page.pk,
        locale_id=page.locale_id,
        page_label=page._meta.label_lower,
        name=page.name,
        url=page.get_url(request) or "",
        intro=page.intro if intro else "",
    )


def _from_cache(request):
    """Whether the listing may come from the data cache (never in a preview)."""
    return not getattr(request, "is_preview", False)


def _key(index, request, *parts):
    site = find_site(request) if request is not None else None
    return ":".join(
        str(part) for part in (index.pk, site.pk if site else 0, get_language() or "", *parts)
    )


def area_counts(index, request=None):
    """([AreaLink], {area slug or ALL_AREAS: number of live conditions}) for `index`:
    three queries, kept until a condition page or the tree changes."""

    def load():
        rows = (
            index.conditions()
            .order_by()
            .values("body_area__slug")
            .annotate(number=models.Count("pk"))
        )
        counts = {ALL_AREAS: 0}
        for row in rows:
            counts[ALL_AREAS] += row["number"]
            if row["body_area__slug"] is not None:
                counts[row["body_area__slug"]] = row["number"]
        slugs = set(counts) - {ALL_AREAS}
        areas = list(BodyArea.objects.filter(locale_id=index.locale_id, slug__in=slugs))
        missing = slugs - {area.slug for area in areas}
        if missing:
            areas += BodyArea.objects.filter(
                locale__language_code=settings.LANGUAGE_CODE, slug__in=missing
            )
        areas.sort(key=lambda area: (area.sort_order, area.name))
        links = [AreaLink(area.slug, area.name, area.locale_id, area.sort_order) for area in areas]
        return links, counts

    if not _from_cache(request):
        return load()
    key = f"condition-areas:{_key(index, request)}"
    return cached_data(request, key, load, depends_on=(CONDITIONS, TREE))


def condition_cards(index, request, area_slug, number, per_page):
    """The cards of page `number` (a valid one) of the listing, for `area_slug` or
    every area (ALL_AREAS): one query, kept until a condition page or the tree changes."""

    def load():
        conditions = index.conditions()
        if area_slug != ALL_AREAS:
            conditions = conditions.filter(body_area__slug=area_slug)
        start = (number - 1) * per_page
        fields = ("id", "title", "condition_name", "intro", "url_path", "path", "depth")
        rows = conditions.only(*fields, "slug", "locale_id")[start : start + per_page]
        cards = [condition_link(page, request, intro=True) for page in rows]
        index_url = None
        for card, page in zip(cards, rows, strict=True):
            if page.locale_id != index.locale_id:
                # Not translated into the index's language yet: its URL there leads to
                # the honest "not yet available" page (localization/fallback.py).
                index_url = index_url or index.get_url(request)
                card.url = card.reader_url = f"{index_url}{page.slug}/"
        return cards

    if not _from_cache(request):
        return load()
    key = f"condition-cards:{_key(index, request, area_slug, number, per_page)}"
    return cached_data(request, key, load, depends_on=(CONDITIONS, TREE))
