"""The entries of a results page: each condition or clinic page found, with what it is,
its link and an excerpt that marks the words searched.

What a page shows in the results (title, URL, summary, the text of its blocks, a
clinic's address) is the same for every search: it is kept in the data cache per page
(a "card", dropped when the page or the page tree changes) and read for all the hits
at once, so a warm results page loads no page. Only the excerpt depends on the words
searched; it is cut and marked per request."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy

from cms.caching.dependencies import TREE, page_tag
from cms.caching.page_cache import cached_data_many
from cms.caching.routing import find_site
from conditions.models import ConditionPage
from locations.models import LocationPage
from text_analysis.highlight import first_match, matching_spans

EXCERPT_CHARS = 220
# The page's own fields a card shows.
_PAGE_FIELDS = ("title", "url_path", "translation_key", "search_description")
# Page type: (kind, label, the fields of the type its card shows).
KINDS = {
    ConditionPage: ("condition", gettext_lazy("Condition"), ("intro", "body")),
    LocationPage: (
        "clinic",
        gettext_lazy("Clinic"),
        ("intro", "body", "neighborhood", "borough")
        + ("street_address", "address_line_2", "postal_code"),
    ),
}
_LABELS = {kind: label for kind, label, _fields in KINDS.values()}


@dataclass
class Hit:
    kind: str
    kind_label: str
    url: str
    title: str
    excerpt: str = ""  # HTML: the summary or passage, the words met in <mark>
    detail: str = ""
    pk: int = 0
    lang: str = ""  # set when the page is in another language than the reader's


def _shorten(text, limit=EXCERPT_CHARS):
    text = " ".join(str(text or "").split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "\u2026"


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
    return " ".join(strip_tags(" ".join(_raw_strings(list(page.body.raw_data)))).split())


def _card(page, kind, request):
    """What the results show of `page`, whatever was searched (plain data, cached)."""
    detail = ""
    if kind == "clinic":
        detail = f"{page.neighborhood}, {page.get_borough_display()} \u00b7 {page.full_address}"
    return {
        "kind": kind,
        "key": str(page.translation_key),
        "url": page.get_url(request),
        "title": page.title,
        "detail": detail,
        "summary": _shorten(page.search_description or page.intro),
        "text": _block_text(page),
    }


def _cards(request, ranked):
    """{pk: card} for the (pk, content type id) pairs of `ranked`: from the data cache,
    the missing ones loaded with a query per page type."""
    site = find_site(request)
    prefix = f"search-card:{site.pk if site else 0}:{get_language()}"
    wanted = {f"{prefix}:{pk}": (pk, content_type) for pk, content_type in ranked}

    def load(names):
        by_type = {}
        for name in names:
            pk, content_type = wanted[name]
            by_type.setdefault(content_type, []).append(pk)
        loaded = {}
        for model, (kind, _label, fields) in KINDS.items():
            pks = by_type.get(ContentType.objects.get_for_model(model).pk)
            if pks:
                for page in model.objects.filter(pk__in=pks).only(*_PAGE_FIELDS, *fields):
                    loaded[f"{prefix}:{page.pk}"] = _card(page, kind, request)
        return loaded

    # The URL changes with the tree (a parent's new slug); the rest with the page.
    found = cached_data_many(list(wanted), load, lambda card: (TREE, page_tag(card["key"])))
    return {wanted[name][0]: card for name, card in found.items()}


def _passage(text, terms, language, limit=EXCERPT_CHARS):
    """About `limit` characters of `text` around the first word the query meets."""
    first = first_match(text, language, terms)
    if first is None:
        return None
    start = max(0, first - limit // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    snippet = text[start : start + limit]
    if start + limit < len(text):
        snippet = snippet.rsplit(" ", 1)[0] + "\u2026"
    return ("\u2026" if start else "") + snippet


def _marked(text, spans):
    """`text` as HTML, the spans in <mark>."""
    pieces, position = [], 0
    for start, end in spans:
        pieces.append(escape(text[position:start]))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece escaped above


def _excerpt(card, terms, language):
    """The page's description or intro; when the words are only found further down,
    the passage of its text (causes, symptoms, treatment...) where they are."""
    text = card["summary"]
    spans = matching_spans(text, language, terms) if terms else []
    if terms and not spans and card["text"]:
        passage = _passage(card["text"], terms, language)
        if passage:
            text, spans = passage, matching_spans(passage, language, terms)
    return _marked(text, spans) if text else ""


def hits(request, ranked, terms, language, untranslated=None):
    """The Hit of each (pk, content type id) of `ranked`, in order; `terms` (a set) are
    the analysed words searched, marked in the excerpts. `untranslated`: (pks, terms,
    language) of the pages found in their source language (not translated yet)."""
    cards = _cards(request, ranked)
    other_pks, other_terms, other_language = untranslated or (frozenset(), set(), "")
    found = []
    for pk, _content_type in ranked:
        card = cards.get(pk)
        if card is not None:
            label = str(_LABELS[card["kind"]])
            hit = Hit(card["kind"], label, card["url"], card["title"], detail=card["detail"])
            hit.pk = pk
            if pk in other_pks:
                hit.lang = other_language
                hit.excerpt = _excerpt(card, other_terms, other_language)
            else:
                hit.excerpt = _excerpt(card, terms, language)
            found.append(hit)
    return found
