"""Marketing's pinned results (Wagtail's search promotions) and the daily query log.

The promotions of every query, resolved to links in the visitor's language, are one
data-cache entry per language, dropped when a promotion or a promoted page changes: a
search pays no query for them."""

from datetime import timedelta

from django.db import connection
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from cms.caching.dependencies import TREE, list_tag, page_tag
from cms.caching.page_cache import cached_data
from cms.caching.routing import find_site, public

PROMOTIONS = list_tag("search-promotions")


def _items(request, locale):
    """{normalised query: [{url, title, description, key}]}: for each promoted query
    its pinned pages (as their live translation in `locale`; untranslated pins are left
    out) and external links, in marketing's order."""
    rows = list(
        SearchPromotion.objects.order_by("sort_order", "pk").values_list(
            "query__query_string",
            "page__translation_key",
            "external_link_url",
            "external_link_text",
            "description",
        )
    )
    keys = {key for _query, key, *_rest in rows if key is not None}
    pages = {}
    if keys:
        found = public(Page.objects.live().filter(locale=locale, translation_key__in=keys))
        found = found.only("title", "url_path", "translation_key", "search_description")
        pages = {page.translation_key: page for page in found}
    items = {}
    for query, key, url, text, description in rows:
        if key is not None:
            page = pages.get(key)
            if page is None:
                continue
            item = {
                "url": page.get_url(request),
                "title": page.title,
                "description": description or page.search_description,
                "key": str(key),
            }
        elif url:
            item = {"url": url, "title": text or url, "description": description, "key": None}
        else:
            continue
        items.setdefault(query, []).append(item)
    return items


def _tags(items):
    """A promoted page's title and URL change with the tree, its description with it."""
    keys = {item["key"] for found in items.values() for item in found if item["key"]}
    return {PROMOTIONS, TREE, *map(page_tag, keys)}


def promotions(request, query, locale):
    """The pinned results for `query` (as typed) in `locale`."""
    site = find_site(request)
    name = f"search-promotions:{site.pk if site else 0}:{get_language()}:{locale.pk}"
    items = cached_data(request, name, lambda: _items(request, locale), depends_on=_tags)
    return items.get(normalise_query_string(query), [])


def count(query):
    """Count the search in the daily query log: one UPDATE when the query was already
    searched today (written by hand: the ORM's UPDATE through a join costs more to
    build than to run), the promotions app's own get-or-create otherwise."""
    quote = connection.ops.quote_name
    hits, queries = QueryDailyHits._meta.db_table, Query._meta.db_table
    today = connection.ops.adapt_datefield_value(timezone.now().date())
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {quote(hits)} SET hits = hits + 1 WHERE date = %s AND query_id = "  # noqa: S608 - names from models
            f"(SELECT id FROM {quote(queries)} WHERE query_string = %s)",
            [today, normalise_query_string(query)],
        )
        counted = cursor.rowcount
    if not counted:
        Query.get(query).add_hit()


def forget_searches(days, dry_run=False):
    """Drop the daily counts of every day on which a search is `days` old or older
    (`days=0`: all of them), and the words no count or promotion still needs: what
    patients typed is kept no longer than the retention period. Returns a line for
    the purge's output."""
    cutoff = timezone.now().date() - timedelta(days=days)
    old = QueryDailyHits.objects.filter(date__lte=cutoff)
    if dry_run:
        return f"Would delete {old.count()} daily search count(s) older than {days} days."
    _total, per_model = old.delete()
    Query.garbage_collect()
    deleted = per_model.get(QueryDailyHits._meta.label, 0)
    return f"Deleted {deleted} daily search count(s) older than {days} days."
