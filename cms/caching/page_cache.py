"""A full-page cache for anonymous GET requests that is never stale.

Every cached page records what it was built from: the dependency tags of the page
itself and of every piece of shared data it used, with their versions
(cms/caching/dependencies.py). A change to content (a page published, unpublished,
moved or deleted, a translation published by wagtail-localize, a snippet, an image or
the site settings saved) bumps the tags it touches, and a page whose recorded version
of any tag is no longer current is rendered afresh. Versions live in the configured
cache, so with Redis every app server sees a bump at once.

Responses that differ per visitor are never stored: anything for a visitor with a
session or messages cookie, anything that set a cookie or used a CSRF token, and
anything that says it is private. Those get `Cache-Control: private, no-store`.

Every response it returns goes out compressed when it may (cms/compression.py: public
ones only, never one that carries a secret): a kept page is stored with its encodings,
made once, so a hit costs no compression.
"""

import functools
import hashlib
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import post_delete, post_save, pre_save
from django.http import HttpResponse, QueryDict
from wagtail import hooks
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import post_page_move
from wagtail.snippets.models import get_snippet_models

from cms import compression
from cms.caching import dependencies, frontend
from cms.caching.dependencies import CONTENT, SITE, TREE

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


def invalidate_all(**_kwargs):
    """Drop every cached page and every piece of shared data (a site-wide change)."""
    dependencies.bump({SITE})


def invalidate(*tags):
    """Drop what depends on `tags` (see cms/caching/dependencies.py)."""
    dependencies.bump(set(tags))


def cached_data(request, name, compute, keep=None, depends_on=None):
    """`compute()`, kept in the cache under `name` until one of the tags it depends on
    changes (only when `keep(value)` says so, if given).

    For data derived from content that many pages share (the footer, the site's
    languages, index URLs, a page's translations). `depends_on` names its tags, or is a
    function of the value returning them (for data whose sources are known only once
    computed, e.g. the clinics a condition page lists); without it the data depends on
    every change. The site-wide tag is always included. The tags also go into the
    current response's dependencies, so a cached page drops with the data it showed.
    `PAGE_DATA_CACHE = False` turns the cache off (the test settings do, because the
    suite rolls the database back between tests without telling the cache).

    A request asking again for the same name gets what it got the first time (a page
    asks for the landmarks from its header, footer, switcher and links): one cache read
    or one computation per request, as its versions are read once per request."""
    state = dependencies.current_state()
    if state is not None and name in state.data:
        recorded, value = state.data[name]
        dependencies.record(recorded)  # into whatever is recording now (a kept fragment)
        return value
    recorded, value = _read_or_compute(name, compute, keep, depends_on)
    dependencies.record(recorded)
    if state is not None and (keep is None or keep(value)):
        state.data[name] = (recorded, value)
    return value


def _read_or_compute(name, compute, keep, depends_on):
    """(what the response depends on, the value) for cached_data."""
    dynamic = callable(depends_on)
    tags = {SITE}
    if depends_on is None:
        tags.add(CONTENT)
    elif not dynamic:
        tags.update(depends_on)
    if not settings.PAGE_DATA_CACHE:
        value = compute()
        return tags | (set(depends_on(value)) if dynamic else set()), value
    key = f"page-data:{name}"
    cache = _cache()
    stored = cache.get(key)
    if stored is not None:
        versions, value = stored
        if dependencies.still_current(versions):
            return versions, value
    # Read before computing: a change landing meanwhile leaves the entry recorded with
    # an old version (for tags known only afterwards, the `content` check below).
    before = dependencies.read_versions(tags | {CONTENT})
    value = compute()
    if dynamic:
        tags |= set(depends_on(value))
    versions = dependencies.read_versions(tags)
    if keep is None or keep(value):
        if not dynamic or not dependencies.changed_since({CONTENT: before[CONTENT]}):
            cache.set(key, (versions, value), settings.PAGE_DATA_CACHE_SECONDS)
    return versions, value


def origin_key(request):
    """A short key for the scheme and host a request asked for: part of the cache key
    of kept data that holds absolute URLs (structured data, canonical links)."""
    return hashlib.sha256(request.build_absolute_uri("/").encode()).hexdigest()[:16]


def cached_data_many(names, compute, depends_on):
    """{name: value} for `names`, each kept as cached_data keeps one, for data shown
    per item of a list (e.g. one entry per search result) in two cache round trips,
    not two per item. `compute(missing)` gives {name: value} for the names not cached
    or no longer current, all at once (a query for many); `depends_on(value)` names a
    value's tags. Names `compute` leaves out are left out."""
    if not names:
        return {}
    if not settings.PAGE_DATA_CACHE:
        values = compute(list(names))
        dependencies.record({SITE}.union(*map(depends_on, values.values())))
        return values
    cache = _cache()
    stored = cache.get_many([f"page-data:{name}" for name in names])
    entries = {name: stored.get(f"page-data:{name}") for name in names}
    dependencies.read_versions(set().union(*(e[0] for e in entries.values() if e)))
    found = {}
    for name, entry in entries.items():
        if entry is not None and dependencies.still_current(entry[0]):
            dependencies.record(entry[0])
            found[name] = entry[1]
    missing = [name for name in names if name not in found]
    if missing:
        before = dependencies.read_versions({CONTENT})
        computed = compute(missing)
        tags = {name: {SITE, *depends_on(value)} for name, value in computed.items()}
        dependencies.read_versions(set().union(*tags.values()))
        fresh = {}
        for name, value in computed.items():
            versions = dependencies.read_versions(tags[name])
            dependencies.record(versions)
            fresh[f"page-data:{name}"] = (versions, value)
        if not dependencies.changed_since(before):
            cache.set_many(fresh, settings.PAGE_DATA_CACHE_SECONDS)
        found.update(computed)
    return found


class ReadTrackingQueryDict(QueryDict):
    """`request.GET` that remembers which parameters the view read, so the page cache
    can key a page on those alone: `/?utm_source=x` and `/?a=1`, `/?a=2`, … are the
    same page as `/`, and cannot fill the cache or get past it."""

    def __init__(self, *args, **kwargs):
        self.names_read = set()
        self.read_all = False
        super().__init__(*args, **kwargs)

    def _named(self, key):
        self.names_read.add(key)

    def __getitem__(self, key):
        self._named(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self._named(key)
        return super().__contains__(key)

    def get(self, key, default=None):
        self._named(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self._named(key)
        return super().getlist(key, default)

    def _everything(self):
        self.read_all = True

    def __iter__(self):
        self._everything()
        return super().__iter__()

    def __len__(self):
        self._everything()
        return super().__len__()

    def keys(self):
        self._everything()
        return super().keys()

    def items(self):
        self._everything()
        return super().items()

    def lists(self):
        self._everything()
        return super().lists()

    def values(self):
        self._everything()
        return super().values()

    def dict(self):
        self._everything()
        return super().dict()

    def copy(self):
        self._everything()
        return super().copy()

    def urlencode(self, safe=None):
        self._everything()
        return super().urlencode(safe)


def _keeps_whole_query(request):
    return request.path_info.startswith(settings.PAGE_CACHE_WHOLE_QUERY_PREFIXES)


def _key(request):
    """The host, the path and the query parameters a page may read (sorted): any other
    parameter does not change the page, so it does not change the key either."""
    if _keeps_whole_query(request):
        query = sorted(QueryDict(request.META.get("QUERY_STRING", "")).lists())
    else:
        allowed = settings.PAGE_CACHE_QUERY_PARAMETERS
        query = sorted((k, v) for k, v in request.GET.lists() if k in allowed)
    url = request.get_host() + request.path + "?" + urlencode(query, doseq=True)
    digest = hashlib.sha256(url.encode()).hexdigest()
    # v2: entries hold their encodings (entries of the version before are not read).
    return f"page-cache:v2:{digest}"


def _track_reads(request):
    """Swap in a `request.GET` that records what the view reads (after the key is made
    from the original, so the record holds the view's reads alone)."""
    tracked = ReadTrackingQueryDict(request.META.get("QUERY_STRING", ""), encoding=request.encoding)
    request.GET = tracked
    return tracked


def _read_only_keyed_parameters(request, tracked):
    """Whether the page read nothing but the parameters its key holds."""
    if _keeps_whole_query(request):
        return True
    if tracked.read_all:
        return False
    return tracked.names_read <= set(settings.PAGE_CACHE_QUERY_PARAMETERS)


def is_anonymous_visit(request):
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
        state, token = dependencies.start_request()
        try:
            return self._serve(request, state)
        finally:
            dependencies.end_request(token)

    def _serve(self, request, state):
        timeout = settings.PAGE_CACHE_SECONDS
        anonymous = is_anonymous_visit(request)
        key = None
        if timeout and anonymous:
            key = _key(request)
            tracked = _track_reads(request)
            stored = _cache().get(key)
            if stored is not None:
                versions, frozen = stored
                if dependencies.still_current(versions):
                    return self._rebuild(frozen, request)
        started = dict(state.versions)

        response = self.get_response(request)

        if anonymous and _is_shareable(request, response):
            response.headers.setdefault("Cache-Control", settings.PUBLIC_CACHE_CONTROL)
            if key is not None and _read_only_keyed_parameters(request, tracked):
                kept = self._store(key, response, state, started[CONTENT], timeout)
                response["X-Page-Cache"] = "miss"
                if kept is not None:
                    return compression.send_encoded(request, response, kept)
        else:
            response.headers.setdefault("Cache-Control", "private, no-store")
        if compression.may_compress(request, response, anonymous):
            compression.compress(request, response)
        return response

    def _store(self, key, response, state, content_version, timeout):
        """Keep the response with the versions of everything it showed: the site, the
        tree, what the view declared and the shared data it read (a view that declared
        nothing depends on every change); returns its kept encodings. Not kept (None)
        when any change landed while it was rendered: some of its versions were read
        after the rows."""
        tags = {SITE, TREE} | state.depends_on
        if not state.declared:
            tags.add(CONTENT)
        versions = dependencies.read_versions(tags)
        if dependencies.changed_since({CONTENT: content_version}):
            return None
        frozen = self._freeze(response)
        _cache().set(key, (versions, frozen), timeout)
        return frozen[2]

    @staticmethod
    def _freeze(response):
        """(status, headers, {coding: body}): the body in every coding worth sending
        (only as it is for a type not worth compressing). A shareable response may
        always be compressed (cms/compression.py)."""
        headers = {k: v for k, v in response.items() if k.lower() in _KEEP_HEADERS}
        if compression.is_compressible_type(response):
            found = compression.encodings(response.content)
        else:
            found = {"": response.content}
        return (response.status_code, headers, found)

    @staticmethod
    def _rebuild(stored, request):
        status, headers, found = stored
        response = HttpResponse(status=status)
        for name, value in headers.items():
            response[name] = value
        response["X-Page-Cache"] = "hit"
        if len(found) > 1:
            return compression.send_encoded(request, response, found)
        body = found[""]
        response.content = b"" if request.method == "HEAD" else body
        response["Content-Length"] = str(len(body))
        return response


def content_models():
    """Models whose saving can change what a public page shows."""
    # Locales feed the language switcher; view restrictions decide who may see a page.
    models = {Site, Locale, PageViewRestriction, get_image_model()}
    models.update(get_snippet_models(), settings_registry)
    models.update(m for m in apps.get_models() if issubclass(m, Page))
    models.update(m for m in apps.get_models() if dependencies.is_registered(m))
    excluded = {label.lower() for label in settings.PAGE_CACHE_IGNORED_MODELS}
    return {m for m in models if m._meta.label_lower not in excluded}


@functools.cache
def _content_model_set():
    return frozenset(content_models())


def _is_page(model):
    return issubclass(model, Page)


def _tree_fields(model):
    names = dependencies.TREE_FIELDS + dependencies.extra_tree_fields(model)
    return [name for name in names if any(f.attname == name for f in model._meta.concrete_fields)]


def _remember_tree_fields(sender, instance, **_kwargs):
    """Before a page is saved: its fields that other pages show (title, URL, live...)."""
    if sender not in _content_model_set() or not _is_page(sender) or instance.pk is None:
        return
    names = _tree_fields(sender)
    instance._tree_before = sender._base_manager.filter(pk=instance.pk).values(*names).first()


def _touched(sender, instance, event):
    """The tags a save or delete of `instance` touches.

    A page: itself and its translations, plus the whole tree when it is new, deleted,
    or changed a field other pages show (title, slug, URL, live, menus, what its type
    adds). Registered models: what their app declared. Anything else that can show on
    a page (site settings, sites, locales, view restrictions, images, snippets no app
    declared) is site-wide: it drops everything."""
    tags = dependencies.registered_touches(instance, event)
    if _is_page(sender):
        tags.add(dependencies.page_tag(instance.translation_key))
        before = getattr(instance, "_tree_before", None)
        if event != "saved" or before is None:
            tags.add(TREE)
        elif any(getattr(instance, name) != value for name, value in before.items()):
            tags.add(TREE)
        instance._tree_before = None
    elif not dependencies.is_registered(sender):
        tags.add(SITE)
    return tags


def _on_save(sender, instance, created=False, raw=False, **_kwargs):
    if sender in _content_model_set():
        dependencies.bump(_touched(sender, instance, "created" if created else "saved"))


def _on_delete(sender, instance, **_kwargs):
    if sender in _content_model_set():
        dependencies.bump(_touched(sender, instance, "deleted"))


def _on_page_moved(sender, **_kwargs):
    dependencies.bump({TREE})


def _declare_page(page, request, *args, **kwargs):
    """A served page depends on itself, its translations and what its type declares."""
    dependencies.declare(*dependencies.reads_of(page))


def connect_invalidation():
    """Bump the touched tags whenever content is saved or deleted. Page publishing,
    unpublishing, moving and deleting (including wagtail-localize publishing a
    translation, and `publish_scheduled`) all save or delete the page row; orderable
    rows such as opening hours are saved with their page. The receivers listen to
    every model and filter, because snippets register only once all apps are ready."""
    pre_save.connect(_remember_tree_fields, dispatch_uid="page-cache-before")
    post_save.connect(_on_save, dispatch_uid="page-cache-save")
    post_delete.connect(_on_delete, dispatch_uid="page-cache-delete")
    post_page_move.connect(_on_page_moved, dispatch_uid="page-cache-move")
    hooks.register("before_serve_page", _declare_page)
    frontend.connect()  # a CDN in front is purged by the same dependencies
