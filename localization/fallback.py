"""Every language a patient picks leads somewhere useful, before a translator gets there.

A new clinic or condition reaches English first. Where the reader's language has no
live page at a path but the English tree has one at the corresponding path (the deepest
page that exists in the reader's language is mapped to English by its translation_key,
and the rest of the path is read in the English tree), the reader gets:

- for clinic facts (the clinic list and finder, every clinic page, and the list of
  conditions): the English page rendered with the reader's language active. Labels,
  hours, directions and the appointment form speak the reader's language; prose nobody
  has translated stays English, marked `lang="en"`, under a short note. Nothing is
  created or saved: a translator's draft is never touched, and the day a translation
  goes live routing finds it first, so it takes over by itself.
- for a condition (clinical text): an honest page in the reader's language saying it
  is not translated yet, with the English page, the interpreter line and the
  language-assistance page. No unreviewed clinical text under a translated URL.

Both answer 200 with `noindex`; their canonical URL is the English page's, and they
are in neither the sitemap nor any hreflang list (both list live pages only).
"""

import hashlib
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from cms.caching.dependencies import TREE
from cms.caching.page_cache import cached_data
from cms.i18n.languages import native_name
from cms.seo.links import language_assistance_url, site_locales

# The English page rendered in the reader's language (facts and lists, no clinical text).
FACTS_PAGES = frozenset(
    {"locations.locationindexpage", "locations.locationpage", "conditions.conditionindexpage"}
)
# Clinical pages: only the "not yet in your language" page.
CLINICAL_PAGES = frozenset({"conditions.conditionpage"})
MAX_COMPONENTS = 12
TRAIL_START_DEPTH = 2  # the home page


def _model(content_type_id):
    return ContentType.objects.get_for_id(content_type_id).model_class()


def _label(content_type_id):
    model = _model(content_type_id)
    return model._meta.label_lower if model is not None else ""


def _source_locale_id(request):
    """The English locale's pk, from the site's locales kept in the data cache."""
    return dict((code, pk) for pk, code in site_locales(request)).get(settings.LANGUAGE_CODE)


def kind_of(label):
    if label in FACTS_PAGES:
        return "facts"
    if label in CLINICAL_PAGES:
        return "clinical"
    return None


def _chain(base, components):
    """Pages from `base` (a row with path, depth, url_path) down `components`, as far
    as the tree has them: [(id, depth, translation_key, content_type_id, live)]."""
    prefixes = [base["url_path"]]
    for component in components:
        prefixes.append(prefixes[-1] + component + "/")
    rows = (
        Page.objects.filter(path__startswith=base["path"], url_path__in=prefixes)
        .order_by("depth")
        .values("id", "depth", "path", "url_path", "translation_key", "content_type_id", "live")
    )
    chain = []
    for index, row in enumerate(rows):
        if row["depth"] != base["depth"] + index:
            break
        chain.append(row)
    return chain


def _version(translation_key, locale, **filters):
    """The row of a page's version in `locale` (what _chain starts from), or None."""
    return (
        Page.objects.filter(translation_key=translation_key, locale=locale, **filters)
        .values("id", "depth", "path", "url_path", "translation_key")
        .first()
    )


def _locate(site, language, components):
    """Where a path in `language` leads in English: {"page": English page id,
    "rest": the components left for the page's own routes, "kind"} or {"redirect":
    URL} when the English page has a live translation after all; None: a real 404."""
    locale = Locale.objects.filter(language_code=language).first()
    source_locale = Locale.get_default()
    if locale is None or locale.pk == source_locale.pk:
        return None
    home = _version(site.root_page.translation_key, locale, live=True)
    if home is None:
        return None
    chain = _chain(home, components)
    if not chain:
        return None
    deepest = chain[-1]
    rest = components[len(chain) - 1 :]
    source = _version(deepest["translation_key"], source_locale)
    if source is None:
        return None
    english = _chain(source, rest)
    if not english:
        return None
    target = english[-1]
    rest = rest[len(english) - 1 :]
    kind = kind_of(_label(target["content_type_id"]))
    if kind is None or not target["live"] or (kind == "clinical" and rest):
        return None
    if rest and _model(target["content_type_id"]).route is Page.route:
        # A plain page has no sub-routes: a name left over names no page there.
        return None
    translation = (
        Page.objects.filter(translation_key=target["translation_key"], locale=locale, live=True)
        .only("id", "url_path", "path", "depth", "locale_id")
        .first()
    )
    if translation is not None:
        if translation.pk == deepest["id"]:
            # The reader's own tree reached the page and its route refused the rest:
            # a 404, not a redirect to the same URL.
            return None
        # Reached through another path (an English slug under the reader's prefix):
        # the real translation is the answer.
        url = translation.get_url()
        return {"redirect": url + "".join(f"{part}/" for part in rest)} if url else None
    return {"page": target["id"], "rest": rest, "kind": kind}


def locate(request, path):
    """_locate for this request's site and language, kept for the content generation
    when the path leads somewhere (a mistyped URL fills no cache entry)."""
    language = get_language()
    if not language or language == settings.LANGUAGE_CODE:
        return None
    site = Site.find_for_request(request)
    components = [component for component in path.split("/") if component]
    if site is None or len(components) > MAX_COMPONENTS:
        return None
    digest = hashlib.sha256("/".join(components).encode()).hexdigest()[:32]
    return cached_data(
        request,
        f"language-fallback:{site.pk}:{language}:{digest}",
        lambda: _locate(site, language, components),
        keep=lambda found: found is not None,
        depends_on=(TREE,),  # which pages exist where, live or not: the page tree
    )


# -- the reader's URL of an English page ------------------------------------------------


def _reader_urls(request, page_ids, languages):
    """{(page id, language): URL} of each page in each language: its live translation,
    else (for the page types above) its fallback URL: the deepest ancestor live in that
    language, followed by the English slugs below it. Two queries."""
    # Each given page with its live English version's fields, in one query.
    english = Page.objects.filter(
        translation_key=OuterRef("translation_key"),
        locale_id=_source_locale_id(request),
        live=True,
    )
    fields = ("path", "depth", "url_path", "content_type_id")
    rows = (
        Page.objects.filter(pk__in=page_ids)
        .annotate(**{f"source_{name}": Subquery(english.values(name)[:1]) for name in fields})
        .values("id", "translation_key", *(f"source_{name}" for name in fields))
    )
    key_of, sources = {}, {}
    for row in rows:
        key_of[row["id"]] = row["translation_key"]
        if row["source_path"] is not None:
            sources[row["translation_key"]] = {name: row[f"source_{name}"] for name in fields}
    ancestor_paths = set()
    for source in sources.values():
        for depth in range(TRAIL_START_DEPTH, source["depth"] + 1):
            ancestor_paths.add(source["path"][: depth * Page.steplen])
    # The live versions of those ancestors in the languages asked for, each with the
    # tree path of the English ancestor it translates: one query.
    ancestors = Page.objects.filter(path__in=ancestor_paths)
    versions = (
        Page.objects.filter(
            translation_key__in=ancestors.values("translation_key"),
            locale__language_code__in=languages,
            live=True,
        )
        .annotate(
            source_path=Subquery(
                ancestors.filter(translation_key=OuterRef("translation_key")).values("path")[:1]
            )
        )
        .select_related("locale")
        .only("id", "url_path", "path", "depth", "locale_id", "translation_key", "locale")
    )
    translated = {}
    for version in versions:
        url = version.get_url(request)
        if url:
            translated[(version.source_path, version.locale.language_code)] = url
    urls = {}
    for page_id, translation_key in key_of.items():
        source = sources.get(translation_key)
        if source is None:
            continue
        fallback_allowed = kind_of(_label(source["content_type_id"])) is not None
        slugs = source["url_path"].strip("/").split("/")
        for language in languages:
            for depth in range(source["depth"], TRAIL_START_DEPTH - 1, -1):
                url = translated.get((source["path"][: depth * Page.steplen], language))
                if url is None:
                    continue
                if depth == source["depth"]:
                    urls[(page_id, language)] = url
                elif fallback_allowed:
                    # The English slugs below the deepest ancestor the language has.
                    urls[(page_id, language)] = url + "".join(
                        f"{slug}/" for slug in slugs[depth - 1 :]
                    )
                break
    return urls


def reader_urls(request, page_ids, languages):
    """_reader_urls, kept for the content generation."""
    page_ids, languages = sorted(set(page_ids)), sorted(set(languages))
    if not page_ids or not languages:
        return {}
    site = Site.find_for_request(request) if request is not None else None
    digest = hashlib.sha256(f"{page_ids}{languages}".encode()).hexdigest()[:32]
    return cached_data(
        request,
        f"reader-urls:{site.pk if site else 0}:{digest}",
        lambda: _reader_urls(request, page_ids, languages),
        depends_on=(TREE,),  # URLs and which translations are live: the page tree
    )


def switcher_urls(request, page_id, languages):
    """For cms.seo's language switcher (wagtail hook "language_fallback_urls"): where a
    page not translated into `languages` leads in each of them."""
    return {
        language: url for (_pk, language), url in reader_urls(request, [page_id], languages).items()
    }


# -- rendering an English page for a reader of another language --------------------------


@dataclass
class ReaderFallback:
    """What the templates need to know about a fallback render (request.language_fallback)."""

    language: str
    source: Page
    kind: str
    english_url: str
    pages: list = field(default_factory=list)


# What a fallback render sets on one page object; never pickled with it (the data
# cache may store objects that point at it), so no cached copy carries them.
OVERRIDES = (
    "get_url_parts",
    "get_full_url",
    "get_context",
    "reader_url",
    "breadcrumb_override",
    "language_fallback",
    "__getstate__",
)


def _override(page, **attributes):
    """Set instance attributes that shadow the class's (for this object only) and keep
    them out of pickles."""
    page.__dict__.update(attributes)
    if "__getstate__" not in page.__dict__:

        def getstate():
            state = type(page).__getstate__(page)
            for name in OVERRIDES:
                state.pop(name, None)
            return state

        page.__getstate__ = getstate


def _point_at(page, url):
    """Make this page object's links (`.url`, `pageurl`, `get_url`) lead to `url`; the
    class and every other object of it are untouched."""
    if not isinstance(page, Page):  # a plain card of a page's values (locations.finder)
        page.url = page.reader_url = url
        return
    original = type(page).get_url_parts

    def get_url_parts(request=None):
        parts = original(page, request)
        if parts is None or parts[2] is None:
            return parts
        return (parts[0], parts[1], url)

    _override(page, get_url_parts=get_url_parts, reader_url=url)


def _pages_in(value, depth=0):
    """Page objects inside a context value (lists, dicts, tuples, paginator pages)."""
    if isinstance(value, Page) or hasattr(value, "page_label"):  # a page, or its card
        yield value
        return
    if depth > 3 or isinstance(value, (str, bytes)):
        return
    if isinstance(value, dict):
        items = value.values()
    elif hasattr(value, "object_list"):
        items = value.object_list
    elif isinstance(value, (list, tuple)):
        items = value
    else:
        return
    for item in items:
        yield from _pages_in(item, depth + 1)


def _model_label(page):
    return page._meta.label_lower if isinstance(page, Page) else page.page_label


def relink(request, pages, language, types=FACTS_PAGES | CLINICAL_PAGES):
    """Point each English page object of a fallback type at its reader's URL."""
    source_locale_id = _source_locale_id(request)
    wanted = [
        page
        for page in pages
        if page.locale_id == source_locale_id
        and _model_label(page) in types
        and getattr(page, "reader_url", None) is None
    ]
    urls = reader_urls(request, [page.pk for page in wanted], [language])
    for page in wanted:
        url = urls.get((page.pk, language))
        if url:
            _point_at(page, url)


def relink_context(page, language):
    """On a translated page: English clinics it lists (not translated yet) lead to their
    pages in the reader's language. Links to English conditions stay English, marked
    as such by the templates."""
    original_get_context = page.get_context

    def get_context(request, *args, **kwargs):
        context = original_get_context(request, *args, **kwargs)
        relink(request, list(_pages_in(context)), language, types=FACTS_PAGES)
        return context

    _override(page, get_context=get_context)


def untranslated_children(index, children):
    """For a translated index page (wagtail hook "untranslated_children"): its live
    children plus the live English children not translated into its language yet, so
    a translator publishing the index never hides a clinic from its readers."""
    if index.locale_id == _source_locale_id(None):
        return children
    source = Page.objects.filter(
        translation_key=index.translation_key, locale=Locale.get_default(), live=True
    ).first()
    if source is None:
        return children
    model = children.model
    translated = model.objects.filter(locale_id=index.locale_id, live=True).values(
        "translation_key"
    )
    english = (
        model.objects.child_of(source).live().exclude(translation_key__in=translated).values("pk")
    )
    return model.objects.filter(pk__in=children.values("pk")) | model.objects.filter(pk__in=english)


def breadcrumbs(request, page, language):
    """(depth, title, URL, full URL, title's language) from the reader's home page down
    to the page: each title in the reader's language where that page is live in it,
    else the English title, said to be English ("en"; "" for the reader's own)."""
    ancestors = list(
        Page.objects.ancestor_of(page, inclusive=True)
        .filter(depth__gte=TRAIL_START_DEPTH)
        .only("id", "title", "url_path", "path", "depth", "locale_id", "translation_key")
        .order_by("depth")
    )
    urls = reader_urls(request, [crumb.pk for crumb in ancestors], [language])
    translated = dict(
        Page.objects.filter(
            translation_key__in=[crumb.translation_key for crumb in ancestors],
            locale__language_code=language,
            live=True,
        ).values_list("translation_key", "title")
    )
    trail = []
    for crumb in ancestors:
        url = urls.get((crumb.pk, language)) or crumb.get_url(request)
        title = translated.get(crumb.translation_key)
        lang = "" if title is not None else settings.LANGUAGE_CODE
        trail.append(
            (crumb.depth, title or crumb.title, url, request.build_absolute_uri(url), lang)
        )
    return trail


def prepare(request, page, found, language):
    """Ready the English page object to be served to a reader of `language`."""
    english_full_url = page.get_full_url(request)
    english_url = page.get_url(request)
    urls = reader_urls(request, [page.pk], [language])
    _point_at(page, urls.get((page.pk, language)) or request.path)
    # The canonical URL (and structured data) stay the English page's.
    original_get_context = page.get_context

    def get_context(request, *args, **kwargs):
        context = original_get_context(request, *args, **kwargs)
        relink(request, list(_pages_in(context)), language)
        return context

    _override(
        page,
        get_full_url=lambda request=None: english_full_url,
        breadcrumb_override=breadcrumbs(request, page, language),
        language_fallback=True,
        get_context=get_context,
    )
    request.language_fallback = ReaderFallback(language, page, found["kind"], english_url)


def route(request, path):
    """A Wagtail RouteResult, a redirect URL (str), ("clinical", page) or None."""
    found = locate(request, path)
    if found is None:
        return None
    if "redirect" in found:
        return found["redirect"]
    page = Page.objects.filter(pk=found["page"]).first()
    if page is None:
        return None
    page = page.specific
    if page.get_view_restrictions().exists():
        return None  # restricted pages keep their own rules; no name leaks here
    language = get_language()
    prepare(request, page, found, language)
    if found["kind"] == "clinical":
        return ("clinical", page)
    try:
        return page.route(request, found["rest"])
    except Http404:
        return None


def not_yet_translated(request, page):
    """The honest page for a condition not translated into the reader's language."""
    fallback = request.language_fallback
    context = {
        "page": page,
        "self": page,
        "request": request,
        "language_name": native_name(fallback.language),
        "english_url": fallback.english_url,
        "assistance_url": language_assistance_url(request),
    }
    return TemplateResponse(request, "localization/not_yet_translated.html", context)
