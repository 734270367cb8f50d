"""Site search: the current language's live condition and clinic pages.

- Wagtail's search backend (the database backend by default: PostgreSQL full-text
  search in production, SQLite FTS5 for the demo; OpenSearch/Elasticsearch by
  configuration) over the fields the page models declare in `search_fields`.
- Every word must match; when nothing does, pages matching any word are offered.
- Marketing pins pages for a query with search promotions; each search (its first
  page) is counted in the promotions app's daily query log.
- A five-digit ZIP code also lists the nearest clinics (locations/geo.py).
- Hostile input is harmless: the query is capped, control characters dropped, and
  only letters and digits reach the backend; a bad page number gets a real page.

Responses to a query say `Cache-Control: private, no-store`: the full-page cache and
shared caches never keep them, so every search is counted, and what a patient looked
for (often a health condition) is not stored on the way.
"""

import logging
import re
from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import DatabaseError
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from conditions.models import ConditionIndexPage, ConditionPage
from locations import geo
from locations.models import LocationIndexPage, LocationPage
from search.query import clean_query, search_terms

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
NEAREST_CLINICS = 3
EXCERPT_CHARS = 220
KINDS = {
    ConditionPage: ("condition", gettext_lazy("Condition")),
    LocationPage: ("clinic", gettext_lazy("Clinic")),
}


@dataclass
class Hit:
    page: Page
    kind: str
    kind_label: str
    url: str
    title: str
    excerpt: list = field(default_factory=list)  # [(text, is_match)]
    detail: str = ""


def _highlight(text, terms):
    """[(text, is_match)] pieces of `text` with the query's words marked."""
    if not text:
        return []
    pattern = re.compile("|".join(re.escape(term) for term in sorted(terms, key=len)[::-1]), re.I)
    pieces, position = [], 0
    for match in pattern.finditer(text):
        if match.start() > position:
            pieces.append((text[position : match.start()], False))
        pieces.append((match.group(), True))
        position = match.end()
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces


def _shorten(text, limit=EXCERPT_CHARS):
    text = " ".join(str(text or "").split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "\u2026"


def _window(text, terms, limit=EXCERPT_CHARS):
    """About `limit` characters of `text` around the first of the query's words."""
    text = " ".join(text.split())
    lowered = text.lower()
    found = [lowered.find(term.lower()) for term in terms]
    found = [position for position in found if position >= 0]
    if not found:
        return None
    start = max(0, min(found) - limit // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    snippet = text[start : start + limit]
    if start + limit < len(text):
        snippet = snippet.rsplit(" ", 1)[0] + "\u2026"
    return ("\u2026" if start else "") + snippet


def _block_text(page):
    body = page.body
    return " ".join(str(piece) for piece in body.stream_block.get_searchable_content(body))


def _excerpt(page, terms):
    """The page's description or intro; when the words are only found further down,
    the passage of the body (causes, symptoms, treatment...) where they are."""
    summary = _shorten(page.search_description or getattr(page, "intro", ""))
    lowered = summary.lower()
    if terms and not any(term.lower() in lowered for term in terms) and hasattr(page, "body"):
        passage = _window(_block_text(page), terms)
        if passage:
            summary = passage
    return _highlight(summary, terms)


def _hit(page, terms, request):
    kind, label = KINDS.get(type(page), ("page", _("Page")))
    hit = Hit(page, kind, str(label), page.get_url(request), page.title)
    if isinstance(page, LocationPage):
        hit.detail = f"{page.neighborhood}, {page.get_borough_display()} \u00b7 {page.full_address}"
    hit.excerpt = _excerpt(page, terms)
    return hit


def _promotions(query_object, locale, request):
    """Marketing's pinned pages for this query, in the visitor's language (a pinned
    page shows as its live translation; untranslated pins are left out), and pinned
    external links."""
    if query_object is None:
        return []
    promotions = list(
        SearchPromotion.objects.filter(query=query_object)
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    keys = {p.page.translation_key for p in promotions if p.page_id is not None}
    localized = {}
    if keys:
        pages = Page.objects.live().public().filter(locale=locale, translation_key__in=keys)
        localized = {page.translation_key: page for page in pages}
    items = []
    for promotion in promotions:
        if promotion.page_id is not None:
            page = localized.get(promotion.page.translation_key)
            if page is not None:
                description = promotion.description or page.search_description
                items.append(
                    {
                        "url": page.get_url(request),
                        "title": page.title,
                        "description": description,
                        "page": page,
                    }
                )
        elif promotion.external_link_url:
            items.append(
                {
                    "url": promotion.external_link_url,
                    "title": promotion.external_link_text or promotion.external_link_url,
                    "description": promotion.description,
                    "page": None,
                }
            )
    return items


def _in_locale_or_default(queryset, locale):
    found = queryset.filter(locale=locale)
    if found.exists() or locale.pk == Locale.get_default().pk:
        return found
    return queryset.filter(locale=Locale.get_default())


def _nearest_clinics(query, locale, request):
    """For a five-digit ZIP code: the nearest clinics (in the visitor's language where
    the clinics are translated) and the finder's URL for the full list."""
    if not geo.ZIP_RE.match(query):
        return None
    centre = geo.zip_centre(query)
    if centre is None:
        return None
    clinics = list(_in_locale_or_default(LocationPage.objects.live().public(), locale))
    for clinic in clinics:
        clinic.distance = geo.miles_between(centre, clinic.coordinates)
    clinics.sort(key=lambda clinic: (clinic.distance, clinic.title))
    finder = _in_locale_or_default(LocationIndexPage.objects.live().public(), locale).first()
    finder_url = f"{finder.get_url(request)}?zip={query}" if finder is not None else ""
    return {"zip": query, "clinics": clinics[:NEAREST_CLINICS], "finder_url": finder_url}


def _starting_points(locale, request):
    """What an empty search offers: conditions by body area and the clinic finder."""
    conditions = _in_locale_or_default(ConditionIndexPage.objects.live().public(), locale).first()
    locations = _in_locale_or_default(LocationIndexPage.objects.live().public(), locale).first()
    return {
        "conditions_index": conditions,
        "conditions_index_url": conditions.get_url(request) if conditions else "",
        "body_areas": conditions.body_areas() if conditions else [],
        "locations_index_url": locations.get_url(request) if locations else "",
    }


def _page_number(raw):
    """The requested page number as text, trimmed (bad ones are fixed by _paginate)."""
    return str(raw or "1").strip()[:20] or "1"


def _paginate(results, number, messages):
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        messages.append(
            _("“%(page)s” is not a page number. Showing the first page.") % {"page": number}
        )
        return paginator.page(1)
    except EmptyPage:
        below_one = number.lstrip("-").isdigit() and int(number) < 1
        target = 1 if below_one else paginator.num_pages
        if paginator.count:
            messages.append(
                _("There is no page %(page)s. Showing page %(last)s.")
                % {"page": number, "last": target}
            )
        return paginator.page(target)


def _count(query):
    """Count the search in the daily query log; returns its Query row."""
    query_object = Query.get(query)
    query_object.add_hit()
    return query_object


def _run_search(base, terms, operator):
    return base.search(" ".join(terms), operator=operator)


def search(request):
    query = clean_query(request.GET.get("q", ""))
    locale = Locale.get_active()
    messages = []
    context = {"search_query": query, "listing_messages": messages}

    if not query:
        context.update(_starting_points(locale, request))
        return render(request, "search/search.html", context)

    number = _page_number(request.GET.get("page"))
    first_page = number == "1"
    terms = search_terms(query)
    if first_page:
        query_object = _count(query)
    else:
        query_object = Query.objects.filter(query_string=normalise_query_string(query)).first()
    promotions = _promotions(query_object, locale, request) if first_page else []

    base = (
        Page.objects.live()
        .public()
        .filter(locale=locale)
        .type(ConditionPage, LocationPage)
        .specific()
    )
    results, matched_some = Page.objects.none(), False
    if terms:
        try:
            results = _run_search(base, terms, "and")
            if len(terms) > 1 and not results.count():
                results, matched_some = _run_search(base, terms, "or"), True
        except DatabaseError:  # a query the engine could not parse: never a 500
            logger.warning("Search backend rejected the query %r", query, exc_info=True)
            results = Page.objects.none()
    listing = _paginate(results, number, messages)

    context.update(
        search_results=listing,
        hits=[_hit(page, terms, request) for page in listing],
        result_count=listing.paginator.count,
        matched_some_words=matched_some and listing.paginator.count > 0,
        promotions=promotions,
        nearby=_nearest_clinics(query, locale, request) if first_page else None,
    )
    if not listing.paginator.count:
        context.update(_starting_points(locale, request))
    response = render(request, "search/search.html", context)
    response["Cache-Control"] = "private, no-store"
    return response
