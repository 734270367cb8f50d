"""A full-page cache for anonymous GET requests that is never stale.

Every cached page is stored under the site's current *content generation*. Any
change to what a page can show (a page published, unpublished, moved or deleted,
a translation published by wagtail-localize, a snippet, an image or the site
settings saved) bumps the generation, so the next request renders afresh. The
generation lives in the configured cache, so with Redis every app server sees a
bump at once. Coarse but simple and safe: content changes are rare next to reads.

Responses that differ per visitor are never stored: anything for a visitor with a
session or messages cookie, anything that set a cookie or used a CSRF token, and
anything that says it is private. Those get `Cache-Control: private, no-store`.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse

GENERATION_KEY = "page-cache:generation"
_MISSING = object()
# Headers a cached response keeps; everything else is recomputed or irrelevant.
_KEEP_HEADERS = {
    "content-type",
    "content-language",
    "content-security-policy",
    "permissions-policy",
    "x-frame-options",
    "x-content-type-options",
    "referrer-policy",
    "cross-origin-opener-policy",
    "x-robots-tag",
    "cache-control",
    "vary",
}


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def current_generation():
    cache = _cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY) or 1
    return generation


def _bump():
    cache = _cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet (or evicted): any new value retires old keys
        cache.set(GENERATION_KEY, 2, timeout=None)


def invalidate_all(**_kwargs):
    """Start a new content generation: every cached page is stale from now on.

    Bumped at once and again when the surrounding transaction commits: a request that
    read the first new generation before the commit may have stored what it saw of
    the old rows under it; the second bump retires that too."""
    _bump()
    transaction.on_commit(_bump)


def generation_for(request):
    """The content generation, read once per request (one cache read, not one per use)."""
    if request is None:
        return current_generation()
    generation = getattr(request, "_content_generation", None)
    if generation is None:
        generation = request._content_generation = current_generation()
    return generation


def cached_data(request, name, compute, keep=None):
    """`compute()`, kept in the cache for the current content generation under `name`
    (only when `keep(value)` says so, if given).

    For data derived from content that many pages share (the footer's clinics, the
    site's languages, index URLs, a page's translations): it is invalidated exactly
    like the page cache, so it is never stale. `PAGE_DATA_CACHE = False` turns it off
    (the test settings do, because the suite rolls the database back between tests
    without telling the cache)."""
    if not settings.PAGE_DATA_CACHE:
        return compute()
    key = f"page-data:{generation_for(request)}:{name}"
    cache = _cache()
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        if keep is None or keep(value):
            cache.set(key, value, settings.PAGE_DATA_CACHE_SECONDS)
    return value


def _key(request, generation):
    url = request.get_host() + request.get_full_path()
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"page-cache:{generation}:{digest}"


def _is_anonymous_visit(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path_info.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    return True


def _is_shareable(request, response):
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = settings.PAGE_CACHE_SECONDS
        anonymous = _is_anonymous_visit(request)
        key = None
        if timeout and anonymous:
            key = _key(request, current_generation())
            stored = _cache().get(key)
            if stored is not None:
                return self._rebuild(stored, request)

        response = self.get_response(request)

        if anonymous and _is_shareable(request, response):
            response.headers.setdefault("Cache-Control", settings.PUBLIC_CACHE_CONTROL)
            if key is not None:
                _cache().set(key, self._freeze(response), timeout)
                response["X-Page-Cache"] = "miss"
        else:
            response.headers.setdefault("Cache-Control", "private, no-store")
        return response

    @staticmethod
    def _freeze(response):
        headers = {k: v for k, v in response.items() if k.lower() in _KEEP_HEADERS}
        return (response.status_code, headers, response.content)

    @staticmethod
    def _rebuild(stored, request):
        status, headers, content = stored
        response = HttpResponse(b"" if request.method == "HEAD" else content, status=status)
        for name, value in headers.items():
            response[name] = value
        response["Content-Length"] = str(len(content))
        response["X-Page-Cache"] = "hit"
        return response


def content_models():
    """Models whose saving can change what a public page shows."""
    from django.apps import apps
    from wagtail.contrib.settings.registry import registry as settings_registry
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    # Locales feed the language switcher; view restrictions decide who may see a page.
    models = {Site, Locale, PageViewRestriction, get_image_model()}
    models.update(get_snippet_models(), settings_registry)
    models.update(m for m in apps.get_models() if issubclass(m, Page))
    excluded = {label.lower() for label in settings.PAGE_CACHE_IGNORED_MODELS}
    return {m for m in models if m._meta.label_lower not in excluded}


@functools.cache
def _content_model_set():
    return frozenset(content_models())


def _invalidate_on_content_change(sender, **_kwargs):
    if sender in _content_model_set():
        invalidate_all()


def connect_invalidation():
    """Bump the generation whenever content is saved or deleted. Page publishing,
    unpublishing, moving and deleting (including wagtail-localize publishing a
    translation, and `publish_scheduled`) all save or delete the page row; orderable
    rows such as opening hours are saved with their page. The receivers listen to
    every model and filter, because snippets register only once all apps are ready."""
    post_save.connect(_invalidate_on_content_change, dispatch_uid="page-cache-save")
    post_delete.connect(_invalidate_on_content_change, dispatch_uid="page-cache-delete")
