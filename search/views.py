"""Site search: the current language's live condition and clinic pages.

- Wagtail's search backend (the database backend by default: PostgreSQL full-text
  search in production, SQLite FTS5 for the demo; OpenSearch/Elasticsearch by
  configuration) over the fields the page models declare in `search_fields`.
- The query goes through the same language-aware analysis as the pages' text
  (text_analysis/, in the visitor's language), plus marketing's lay terms for that
  language (search/lay_terms.py). Every word must match; when nothing does, pages
  matching any word are offered.
- A results page costs a fixed number of queries: the ranked ids in one
  (search/ranking.py); what each hit shows comes from the data cache, else from a query
  per page type (search/results.py).
- Marketing pins pages for a query with search promotions (kept in the data cache);
  each search (its first page) is counted in the promotions app's daily query log
  (search/promotions.py).
- A five-digit ZIP code also lists the nearest clinics (locations/geo.py).
- Hostile input is harmless: the query is capped, control characters dropped, and
  only letters and digits reach the backend; a bad page number gets a real page.

Responses to a query say `Cache-Control: private, no-store`: the full-page cache and
shared caches never keep them, so every search is counted, and what a patient looked
for (often a health condition) is not stored on the way.
"""

import logging

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import DatabaseError
from django.db.models import Q
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Locale, Page, PageViewRestriction

from cms.caching.dependencies import TREE
from cms.caching.page_cache import cached_data
from conditions.listing import CONDITIONS
from conditions.models import ConditionIndexPage, ConditionPage
from locations import geo
from locations.models import LocationIndexPage, LocationPage
from search import lay_terms, promotions, ranking, results
from search.query import MAX_TERMS, clean_query
from text_analysis import query_terms

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
NEAREST_CLINICS = 3


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


def _draft_titles(request, locale):
    """[(English page pk, content type id, draft title)] of the condition pages drafted
    in `locale` whose English page is live and not translated there yet (kept until a
    condition page or the tree changes)."""

    def load():
        translated = ConditionPage.objects.filter(locale=locale, live=True)
        english = _source_conditions().exclude(
            translation_key__in=translated.values("translation_key")
        )
        drafts = dict(
            ConditionPage.objects.filter(locale=locale, live=False).values_list(
                "translation_key", "draft_title"
            )
        )
        rows = english.filter(translation_key__in=list(drafts)).values_list(
            "pk", "content_type_id", "translation_key"
        )
        return [(pk, content_type, drafts[key]) for pk, content_type, key in rows]

    return cached_data(
        request, f"draft-condition-titles:{locale.pk}", load, depends_on=(CONDITIONS, TREE)
    )


def _source_conditions():
    return ConditionPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)


def _untranslated_conditions(request, locale, terms, code):
    """The live English condition pages not translated into `locale` yet that the query
    finds, through the language's lay terms ("dolor lumbar" → "low back pain") or the
    title a translator has drafted for them: ([(pk, content type id)], their pks, the
    English terms searched, "en"). A reader of any language finds every condition."""
    source = settings.LANGUAGE_CODE
    rules = lay_terms.load(request, locale)
    english_variants = lay_terms.source_variants(terms, rules, code, source)
    found = []
    if english_variants:
        translated = Page.objects.filter(locale=locale, live=True).values("translation_key")
        base = _public(
            Page.objects.live()
            .filter(locale__language_code=source)
            .type(ConditionPage)
            .exclude(translation_key__in=translated)
            .only("pk", "content_type"),
            request,
        )
        found = ranking.ranked(base, english_variants, "and", [ConditionPage])
    wanted = set(terms)
    for pk, content_type, title in _draft_titles(request, locale):
        if wanted and wanted <= set(query_terms(title, code)) and (pk, content_type) not in found:
            found.append((pk, content_type))
    english_terms = {term for variant in english_variants for term in variant}
    return found, frozenset(pk for pk, _content_type in found), english_terms, source


def _lead_to_reader_pages(request, found_hits, code):
    """A page found in English leads to its page in the reader's language (for a
    condition: "not yet available in <language>", with the English page one click on)."""
    for hit in found_hits:
        if not hit.lang:
            continue
        for hook in hooks.get_hooks("language_fallback_urls"):
            url = hook(request, hit.pk, [code]).get(code)
            if url:
                hit.url = url
                break


def search(request):
    query = clean_query(request.GET.get("q", ""))
    code = get_language()
    locale = cached_data(request, f"locale:{code}", Locale.get_active)
    messages = []
    context = {
        "search_query": query,
        "listing_messages": messages,
        "meta_description": _(
            "Search our pages about conditions and our clinics, in your language."
        ),
    }

    if not query:
        context.update(_starting_points(locale, request))
        return render(request, "search/search.html", context)

    number = _page_number(request.GET.get("page"))
    first_page = number == "1"
    if first_page:
        promotions.count(query)
    pinned = promotions.promotions(request, query, locale) if first_page else []

    terms = query_terms(query, code)[:MAX_TERMS]
    variants = lay_terms.variants(terms, lay_terms.load(request, locale), code) if terms else []
    base = _public(
        Page.objects.live().filter(locale=locale).type(*results.KINDS).only("pk", "content_type"),
        request,
    )
    ranked, matched_some, too_broad, untranslated = [], False, False, None
    if variants:
        try:
            ranked = ranking.ranked(base, variants, "and", results.KINDS)
            if code != settings.LANGUAGE_CODE:
                # Conditions not translated into the reader's language yet, after theirs.
                untranslated = _untranslated_conditions(request, locale, terms, code)
                ranked += [found for found in untranslated[0] if found not in ranked]
            if not ranked and any(len(variant) > 1 for variant in variants):
                ranked, matched_some = ranking.ranked(base, variants, "or", results.KINDS), True
        except ranking.SearchTooBroadError:
            logger.warning("Search over its time bound: %r", query)
            too_broad = True
            messages.append(
                _("This search took too long to answer. Add a word or two to narrow it down.")
            )
        except DatabaseError:  # a query the engine could not parse: never a 500
            logger.warning("Search backend rejected the query %r", query, exc_info=True)
            ranked = []
    if len(ranked) >= ranking.MAX_MATCHES:
        messages.append(
            _("Showing the %(count)s best matches. Add a word to narrow your search.")
            % {"count": len(ranked)}
        )
    listing = _paginate(ranked, number, messages)
    terms = {term for variant in variants for term in variant}

    found_hits = results.hits(
        request,
        listing.object_list,
        terms,
        code,
        untranslated=untranslated[1:] if untranslated else None,
    )
    _lead_to_reader_pages(request, found_hits, code)
    context.update(
        search_results=listing,
        hits=found_hits,
        result_count=listing.paginator.count,
        matched_some_words=matched_some and listing.paginator.count > 0,
        promotions=pinned,
        nearby=_nearest_clinics(query, locale, request) if first_page else None,
    )
    if not listing.paginator.count:
        context.update(_starting_points(locale, request))
    # Over its time bound the server is busy or the query too broad: 503 tells a proxy
    # or crawler to come back later; the patient gets the page with a way forward.
    response = render(request, "search/search.html", context, status=503 if too_broad else 200)
    response["Cache-Control"] = "private, no-store"
    if too_broad:
        response["Retry-After"] = "10"
    return response
