"""Site search: the current language's live condition and clinic pages.

- Wagtail's search backend (the database backend by default: PostgreSQL full-text
  search in production, SQLite FTS5 for the demo; OpenSearch/Elasticsearch by
  configuration) over the fields the page models declare in `search_fields`.
- The query goes through the same language-aware analysis as the pages' text
  (search/analysis/, in the visitor's language), plus marketing's lay terms for that
  language (search/lay_terms.py). Every word must match; when nothing does, pages
  matching any word are offered.
- A results page costs a fixed number of queries: ranked ids in one, the shown pages
  in one per page type, excerpts from their stored block JSON.
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
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import DatabaseError
from django.db.models import F, Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.search.query import Or, PlainText
from wagtail.search.utils import normalise_query_string

from cms.caching.page_cache import cached_data
from conditions.models import ConditionIndexPage, ConditionPage
from locations import geo
from locations.models import LocationIndexPage, LocationPage
from search import lay_terms
from search.analysis import query_terms
from search.analysis.highlight import matching_spans
from search.query import MAX_TERMS, clean_query

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


def _highlight(text, terms, language):
    """[(text, is_match)] pieces of `text` with the words the query meets marked."""
    if not text:
        return []
    pieces, position = [], 0
    for start, end in matching_spans(text, language, terms):
        if start > position:
            pieces.append((text[position:start], False))
        pieces.append((text[start:end], True))
        position = end
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces


def _shorten(text, limit=EXCERPT_CHARS):
    text = " ".join(str(text or "").split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "\u2026"


def _window(text, terms, language, limit=EXCERPT_CHARS):
    """About `limit` characters of `text` around the first word the query meets."""
    text = " ".join(text.split())
    spans = matching_spans(text, language, terms)
    if not spans:
        return None
    start = max(0, spans[0][0] - limit // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    snippet = text[start : start + limit]
    if start + limit < len(text):
        snippet = snippet.rsplit(" ", 1)[0] + "\u2026"
    return ("\u2026" if start else "") + snippet


def _raw_strings(value):
    """The strings inside a StreamField's stored JSON (ids, numbers and keys left out)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("id", "type"):
                yield from _raw_strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _raw_strings(item)


def _block_text(page):
    """The text of every block, from the stored JSON: turning it into block values
    would fetch the pages and snippets the blocks link to, a query per result."""
    return strip_tags(" ".join(_raw_strings(list(page.body.raw_data))))


def _excerpt(page, terms, language):
    """The page's description or intro; when the words are only found further down,
    the passage of the body (causes, symptoms, treatment...) where they are."""
    summary = _shorten(page.search_description or getattr(page, "intro", ""))
    if terms and not matching_spans(summary, language, terms) and hasattr(page, "body"):
        passage = _window(_block_text(page), terms, language)
        if passage:
            summary = passage
    return _highlight(summary, terms, language)


def _hit(page, terms, language, request):
    kind, label = KINDS.get(type(page), ("page", _("Page")))
    hit = Hit(page, kind, str(label), page.get_url(request), page.title)
    if isinstance(page, LocationPage):
        hit.detail = f"{page.neighborhood}, {page.get_borough_display()} \u00b7 {page.full_address}"
    hit.excerpt = _excerpt(page, terms, language)
    return hit


def _promotions(normalised_query, locale, request):
    """Marketing's pinned pages for this query, in the visitor's language (a pinned
    page shows as its live translation; untranslated pins are left out), and pinned
    external links."""
    promotions = list(
        SearchPromotion.objects.filter(query__query_string=normalised_query)
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
    """Count the search in the daily query log: one UPDATE when the query was already
    searched today, the promotions app's own get-or-create otherwise."""
    counted = QueryDailyHits.objects.filter(
        query__query_string=normalise_query_string(query), date=timezone.now().date()
    ).update(hits=F("hits") + 1)
    if not counted:
        Query.get(query).add_hit()


def _backend_query(variants, operator):
    """The analysed query for the backend: each variant (the query, and the query with
    a lay phrase replaced) is one plain-text query of its terms, all of which must
    match (operator "and") or any of them ("or"). One plain text per variant keeps
    one relevance score per match on SQLite's FTS5 (nested And/Or multiply scores)."""
    if operator == "or":
        terms = dict.fromkeys(term for variant in variants for term in variant)
        return PlainText(" ".join(terms), operator="or")
    built = [PlainText(" ".join(variant), operator="and") for variant in variants]
    return built[0] if len(built) == 1 else Or(built)


def _public(queryset, request):
    """Like PageQuerySet.public(), with the restricted sections from the data cache."""

    def restricted():
        return list(PageViewRestriction.objects.values_list("page__path", flat=True))

    paths = cached_data(request, "view-restricted-paths", restricted)
    if not paths:
        return queryset
    private = Q()
    for path in paths:
        private |= Q(path__startswith=path)
    return queryset.exclude(private)


def _ranked(base, variants, operator):
    """(pk, content type id) of every match, best first: one query."""
    results = base.search(_backend_query(variants, operator))
    return [(page.pk, page.content_type_id) for page in results]


def _specific(ranked):
    """The condition and clinic pages of `ranked` (pks), in that order: a query per type."""
    by_type = {}
    for pk, content_type_id in ranked:
        by_type.setdefault(content_type_id, []).append(pk)
    pages = {}
    for model in KINDS:
        pks = by_type.get(ContentType.objects.get_for_model(model).pk)
        if pks:
            pages.update((page.pk, page) for page in model.objects.filter(pk__in=pks))
    return [pages[pk] for pk, _type in ranked if pk in pages]


def search(request):
    query = clean_query(request.GET.get("q", ""))
    code = get_language()
    locale = cached_data(request, f"locale:{code}", Locale.get_active)
    messages = []
    context = {"search_query": query, "listing_messages": messages}

    if not query:
        context.update(_starting_points(locale, request))
        return render(request, "search/search.html", context)

    number = _page_number(request.GET.get("page"))
    first_page = number == "1"
    if first_page:
        _count(query)
    promotions = _promotions(normalise_query_string(query), locale, request) if first_page else []

    terms = query_terms(query, code)[:MAX_TERMS]
    variants = lay_terms.variants(terms, lay_terms.load(request, locale), code) if terms else []
    base = _public(
        Page.objects.live().filter(locale=locale).type(*KINDS).only("pk", "content_type"),
        request,
    )
    ranked, matched_some = [], False
    if variants:
        try:
            ranked = _ranked(base, variants, "and")
            if not ranked and any(len(variant) > 1 for variant in variants):
                ranked, matched_some = _ranked(base, variants, "or"), True
        except DatabaseError:  # a query the engine could not parse: never a 500
            logger.warning("Search backend rejected the query %r", query, exc_info=True)
            ranked = []
    listing = _paginate(ranked, number, messages)
    terms = {term for variant in variants for term in variant}

    context.update(
        search_results=listing,
        hits=[_hit(page, terms, code, request) for page in _specific(listing.object_list)],
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
