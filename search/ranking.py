"""The best matches of a search, in one bounded query.

Wagtail's database backend (django-modelsearch) ranks a search over a page queryset
by annotating every matching page with a correlated subquery that runs the full-text
match again for that page (SQLite), or by matching `title || body` concatenated per
row, which no index serves (PostgreSQL); and it ranks every match, however many. At
chain scale one search took 0.8 s on SQLite. Here the full-text index is asked once:
the match (served by FTS5 / the GIN indexes), restricted to the pages the visitor may
see, ordered by the backend's own score, cut at `limit`. Search servers keep Wagtail's
query, cut at `limit` too.

The query may also run at most `SEARCH_QUERY_TIMEOUT_MS` (PostgreSQL's
statement_timeout for this statement alone; on SQLite a progress handler that
interrupts it): a search over the bound raises SearchTooBroad, which the view answers
with "too broad, please narrow it down", so a burst of searches cannot hold the
workers that pages need.
"""

import contextlib
import time

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, OperationalError, connection, transaction
from django.db.models import CharField
from django.db.models.functions import Cast
from modelsearch.conf import get_app_config
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Or, PlainText

MAX_MATCHES = 100  # ten pages of results: a patient refines long before


class SearchTooBroadError(Exception):
    """The search query ran over SEARCH_QUERY_TIMEOUT_MS."""


def _database_backend():
    backend = get_search_backend()
    return type(backend).__module__.startswith("modelsearch.backends.database"), backend


def ranked(base, variants, operator, models):
    """[(pk, content type id)] of the pages of `base` (a Page queryset) matching the
    analysed `variants` (lists of terms; all terms of a variant must match, or with
    operator "or" any term of any variant), best first, at most MAX_MATCHES."""
    limit = MAX_MATCHES
    is_database, backend = _database_backend()
    if is_database and connection.vendor in ("sqlite", "postgresql"):
        content_types = [ContentType.objects.get_for_model(model).pk for model in models]
        return _ranked_in_database(base, variants, operator, content_types, limit, backend)
    results = backend.search(_backend_query(variants, operator), base)[:limit]
    return [(page.pk, page.content_type_id) for page in results]


def _backend_query(variants, operator):
    """For a search server: one plain-text query per variant (Wagtail's query objects)."""
    if operator == "or":
        terms = dict.fromkeys(term for variant in variants for term in variant)
        return PlainText(" ".join(terms), operator="or")
    built = [PlainText(" ".join(variant), operator="and") for variant in variants]
    return built[0] if len(built) == 1 else Or(built)


def _groups(variants, operator):
    """The variants as groups of terms, each group's terms all required: with "or",
    every distinct term is a group of its own."""
    if operator == "or":
        return [[term] for term in dict.fromkeys(t for variant in variants for t in variant)]
    return [list(variant) for variant in variants if variant]


def _fts5_match(groups):
    """FTS5 query text: each term a quoted string (so no word is read as syntax), a
    group's terms joined by AND, groups by OR; over the title and body columns, as
    Wagtail's SQLite backend does."""

    def quoted(term):
        return '"' + term.replace('"', '""') + '"'

    joined = " OR ".join("(" + " AND ".join(map(quoted, group)) + ")" for group in groups)
    return "{title body} : (" + joined + ")"


def _tsquery(groups):
    """PostgreSQL tsquery text (to_tsquery): quoted lexemes, & within a group, | between."""

    def quoted(term):
        return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"

    return " | ".join("(" + " & ".join(map(quoted, group)) + ")" for group in groups)


def _index_model(name):
    """The backend's index tables (wagtail.search's models in a Wagtail project)."""
    return get_app_config().get_model(name)


def _visible_pks(base, *columns):
    """SQL (and params) of the text primary keys of `base`, as the index stores them
    (column `_text_pk`), and `columns`."""
    ids = base.order_by().annotate(_text_pk=Cast("pk", CharField())).values("_text_pk", *columns)
    return ids.query.sql_with_params()


def _ranked_in_database(base, variants, operator, content_types, limit, backend):
    groups = _groups(variants, operator)
    if not groups:
        return []
    entries = _index_model("IndexEntry")._meta.db_table
    types = ", ".join(["%s"] * len(content_types))
    if connection.vendor == "sqlite":
        fts = _index_model("SQLiteFTSIndexEntry")._meta.db_table
        pks_sql, pks_params = _visible_pks(base, "content_type_id")
        # The entries of the visible pages, by the index on (content type, object id):
        # a match in another language is set aside before it costs a row lookup or a
        # score ("+" keeps SQLite from probing the full-text index once per entry).
        visible = (
            f"SELECT v.id FROM ({pks_sql}) p JOIN {entries} v "  # noqa: S608 - names from models
            "ON v.content_type_id = p.content_type_id AND v.object_id = p._text_pk "
            f"WHERE v.content_type_id IN ({types})"
        )
        # bm25() is lower for better matches; Wagtail's score is bm25 × title_norm + bm25.
        sql = (
            f"SELECT e.object_id, e.content_type_id FROM {fts} "  # noqa: S608 - names from models
            f"JOIN {entries} e ON e.id = {fts}.rowid "
            f"WHERE {fts} MATCH %s AND +{fts}.rowid IN ({visible}) "
            f"ORDER BY bm25({fts}) * (e.title_norm + 1), CAST(e.object_id AS INTEGER) DESC "
            "LIMIT %s"
        )
        params = [_fts5_match(groups), *pks_params, *content_types, limit]
    else:
        pks_sql, pks_params = _visible_pks(base)
        # deferred: modelsearch's PostgreSQL module, imported only on PostgreSQL
        from modelsearch.backends.database.postgres.weights import get_sql_weights

        config = "%s::regconfig, " if backend.config else ""
        query = f"to_tsquery({config}%s)"
        # Wagtail's rank: ts_rank over title (× its norm) plus over body, its weights.
        sql = (
            f"SELECT e.object_id, e.content_type_id FROM {entries} e, {query} q "  # noqa: S608
            "WHERE (e.title @@ q OR e.body @@ q) "
            f"AND e.content_type_id IN ({types}) AND e.object_id IN ({pks_sql}) "
            "ORDER BY ts_rank(%s::float4[], e.title, q) * e.title_norm "
            "+ ts_rank(%s::float4[], e.body, q) DESC, CAST(e.object_id AS INTEGER) DESC "
            "LIMIT %s"
        )
        weights = get_sql_weights()
        params = [*([backend.config] if backend.config else []), _tsquery(groups)]
        params += [*content_types, *pks_params, weights, weights, limit]
    with _bounded():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
    return [(int(pk), content_type) for pk, content_type in rows]


@contextlib.contextmanager
def _bounded():
    """Run the search query under SEARCH_QUERY_TIMEOUT_MS, or raise SearchTooBroadError."""
    limit_ms = getattr(settings, "SEARCH_QUERY_TIMEOUT_MS", 0)
    if not limit_ms:
        yield
        return
    if connection.vendor == "postgresql":
        # Inside a transaction already (tests, ATOMIC_REQUESTS) SET LOCAL would outlive
        # the search: it is reset after. In autocommit the transaction ends with it.
        nested = connection.in_atomic_block
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL statement_timeout = %s", [int(limit_ms)])
                yield
                if nested:
                    with connection.cursor() as cursor:
                        cursor.execute("SET LOCAL statement_timeout = DEFAULT")
        except OperationalError as error:
            if "statement timeout" in str(error) or "canceling statement" in str(error):
                raise SearchTooBroadError from error
            raise
        return
    deadline = time.monotonic() + limit_ms / 1000
    connection.ensure_connection()
    raw = connection.connection

    def over_time():
        return 1 if time.monotonic() > deadline else 0  # non-zero interrupts the query

    raw.set_progress_handler(over_time, 10_000)
    try:
        yield
    except DatabaseError as error:
        if "interrupted" in str(error):
            raise SearchTooBroadError from error
        raise
    finally:
        raw.set_progress_handler(None, 0)
