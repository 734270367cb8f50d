"""What every public page's <head> and frame carry: canonical URL, hreflang alternates,
the language switcher's links, the breadcrumb trail, the navigation's index URLs and
the footer's clinics (from cms.seo.navigation).

Each is derived from live content and kept in the data cache for the current content
generation (`cms.caching.page_cache.cached_data`), so it is never stale and a warm page pays no
query for it; computing one costs a single query whatever the number of clinics,
conditions or languages."""

import functools
from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.models import Page

from cms.caching.dependencies import TREE
from cms.caching.page_cache import cached_data
from cms.caching.routing import find_site, site_facts
from cms.i18n.languages import SOURCE_LANGUAGE, native_name
from cms.seo.navigation import landmarks, language


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    is_translation: bool  # False when the link leads to a fallback (or the home page)


def _site_id(request):
    if request is None:
        return 0
    site = find_site(request)
    return site.pk if site is not None else 0


def site_locales(request=None):
    """(pk, language code) of every locale, in creation order (cms.caching.routing.site_facts)."""
    return site_facts(request)["locales"]


def landmark_url(request, kind, fallback):
    """URL of the landmark page `kind` in the active language, else in any language."""
    site = find_site(request) if request is not None else None
    found = landmarks(request, site)
    urls = found["urls"]
    current = language()
    url = urls.get((kind, current))
    if url is None and kind in found.get("ids", {}):
        url = fallback_urls(request, found["ids"][kind], [current]).get(current)
    return url or urls.get((kind, None)) or fallback


def fallback_urls(request, page_id, languages):
    """{language: URL} where a page not translated into `languages` still leads in
    them, from the feature apps registered for the wagtail hook "language_fallback_urls"
    (a function of request, page id and languages); empty when none answers."""
    urls = {}
    for hook in hooks.get_hooks("language_fallback_urls"):
        for code, url in hook(request, page_id, languages).items():
            urls.setdefault(code, url)
    return urls


def live_translations(page):
    """The page's live versions in every locale, itself included, keyed by language code."""
    versions = page.get_translations(inclusive=True).live().select_related("locale")
    return {version.locale.language_code: version for version in versions}


def translation_urls(page, request):
    """{language code: (URL, full URL)} of the page's live translations, itself
    included. One query (by translation key), cached per content generation."""
    translation_key = getattr(page, "translation_key", None)
    if translation_key is None or not page.pk:
        return {}

    def load():
        return {
            code: (version.get_url(request), version.get_full_url(request))
            for code, version in live_translations(page).items()
        }

    key = f"translations:{_site_id(request)}:{page._meta.label_lower}:{translation_key}"
    return _kept_on_page(page, "_translation_urls", request, key, load)


def _kept_on_page(page, attr, request, key, load):
    """`load()` from the data cache (kept until the tree changes), remembered on the
    page object too, so a page asking twice in one request reads the cache once."""
    memo = getattr(page, attr, None)
    if memo is None or memo[0] != key:
        memo = (key, cached_data(request, key, load, depends_on=(TREE,)))
        setattr(page, attr, memo)
    return memo[1]


def hreflang_alternates(page, request):
    """(hreflang, absolute URL) pairs for every live translation plus x-default."""
    versions = translation_urls(page, request)
    alternates = [(code, full) for code, (_url, full) in sorted(versions.items()) if full]
    default = versions.get(SOURCE_LANGUAGE)
    if default is not None:
        alternates.append(("x-default", default[1]))
    return alternates


def home_urls(request):
    """{locale pk: URL} of the live home page in each locale."""
    site = find_site(request)
    return landmarks(request, site)["home_urls"] if site is not None else {}


@functools.lru_cache(maxsize=1024)
def _view_in_language(path, code):
    """translate_url for a view's path (no query), remembered: it changes only with the
    URL configuration, i.e. with a deploy."""
    return translate_url(path, code)


def language_links(request, page=None):
    """One link per site language: the page's translation where it is live, else that
    language's home page (or, outside Wagtail pages, the same view in that language)."""
    current = get_language()
    versions = translation_urls(page, request) if page is not None else {}
    locales = site_locales(request)
    missing = len(versions) < len(locales)
    homes = home_urls(request) if page is not None and missing else {}
    fallbacks = {}
    if page is not None and missing and page.pk:
        wanted = [code for _pk, code in locales if code not in versions]
        fallbacks = fallback_urls(request, page.pk, wanted)
    links = []
    for locale_pk, code in locales:
        version = versions.get(code)
        if version is not None:
            url, is_translation = version[0], True
        elif page is None:
            url, is_translation = _view_in_language(request.path, code), True
        else:
            url = fallbacks.get(code) or homes.get(locale_pk)
            if url is None:
                continue
            is_translation = False
        links.append(LanguageLink(code, native_name(code), url, code == current, is_translation))
    return links


def breadcrumb_ancestors(page, request):
    """(depth, title, URL, full URL) of the page and its ancestors from the home page
    down. One query, cached per content generation. A page object may carry its own
    trail (`breadcrumb_override`: a page served in another language)."""
    override = getattr(page, "breadcrumb_override", None)
    if override is not None:
        return override

    def load():
        ancestors = (
            Page.objects.ancestor_of(page, inclusive=True)
            .filter(depth__gte=2)
            .only("id", "title", "url_path", "path", "depth", "locale_id")
            .order_by("depth")
        )
        return [
            (crumb.depth, crumb.title, crumb.get_url(request), crumb.get_full_url(request))
            for crumb in ancestors
        ]

    key = f"trail:{_site_id(request)}:{page.pk}"
    return _kept_on_page(page, "_breadcrumb_ancestors", request, key, load)


def language_assistance_url(request):
    """URL of the live language-assistance page in the active language (else the
    English one), or "" while there is none."""
    site = find_site(request) if request is not None else None
    urls = landmarks(request, site)["urls"]
    return urls.get(("assistance", language())) or urls.get(
        ("assistance", settings.LANGUAGE_CODE), ""
    )
