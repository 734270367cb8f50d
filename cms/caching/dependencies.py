"""Invalidation by dependency: what a change touches, and what a cached entry depends on.

Every cached page and every piece of shared data records the *tags* it was built from,
with each tag's version at the time. A change bumps only the tags it touches; an
entry whose recorded version of any tag is no longer current is a miss. Tags:

- `site`: site-wide parts (site settings, sites, locales, view restrictions, images,
  unregistered snippets). Every entry depends on it, so bumping it drops everything.
- `tree`: the shape of the page tree: a page created, deleted, moved, (un)published,
  renamed or given a new slug. Routes, index URLs, breadcrumbs, the navigation, the
  footer and each page's language links depend on it, so it drops every page too.
- `page:<translation_key>`: a page and all its translations (they share the key).
- `list:<name>`: a collection feature apps declare (e.g. `list:conditions`), which the
  pages that list it (an index, the finder) read.
- `content`: bumped by every change. Entries that declare nothing depend on it (the
  sitemap, the API, any view that does not say what it shows), so they behave as the
  old single content generation did. It doubles as the guard against a change landing
  while an entry is being computed (`changed_since`).

Feature apps plug in through `on_change(model, touches)` (what else a change to their
model touches) and `page_reads(model, *tags)` (what a page of that type shows beside
itself); cms never imports them. Versions are random tokens kept in the configured
cache without expiry, so a lost or evicted token only ever makes entries miss.
"""

import contextvars
import os

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from wagtail.models import Page

SITE = "site"
TREE = "tree"
CONTENT = "content"
_PREFIX = "cache-tag:"
# Fields of a page whose change alters the tree as other pages see it.
TREE_FIELDS = ("title", "slug", "url_path", "path", "live", "show_in_menus", "locale_id")

_touches = {}  # model -> [callable(instance) -> iterable of tags]
_tree_fields = {}  # model -> extra field names whose change bumps the tree
_page_reads = {}  # page model -> tags its page shows beside itself
_request_state = contextvars.ContextVar("cache_dependencies", default=None)


def page_tag(translation_key):
    return f"page:{translation_key}"


def list_tag(name):
    return f"list:{name}"


def on_change(model, touches=None, tree_fields=()):
    """Declare what saving or deleting a `model` instance touches besides itself:
    `touches(instance, event)` returns tags (event: "created", "saved" or "deleted");
    `tree_fields` are fields whose change also reshapes the tree as every page sees it
    (e.g. what the footer shows)."""
    if touches is not None:
        _touches.setdefault(model, []).append(touches)
    if tree_fields:
        _tree_fields[model] = tuple(_tree_fields.get(model, ())) + tuple(tree_fields)


def page_reads(model, *tags):
    """Declare what a page of type `model` shows beside itself and the shared chrome."""
    _page_reads[model] = tuple(tags)


def registered_touches(instance, event):
    tags = set()
    for model, functions in _touches.items():
        if isinstance(instance, model):
            for touches in functions:
                tags.update(touches(instance, event))
    return tags


def is_registered(model):
    return any(issubclass(model, registered) for registered in _touches)


def extra_tree_fields(model):
    fields = ()
    for registered, names in _tree_fields.items():
        if issubclass(model, registered):
            fields += names
    return fields


def reads_of(page):
    """The tags a served page depends on: itself and its translations, plus what its
    type declares; a page type that declares nothing depends on every change."""
    tags = {page_tag(page.translation_key)}
    declared = next(
        (tags for model, tags in _page_reads.items() if type(page) is model),
        None,
    )
    tags.update((CONTENT,) if declared is None else declared)
    return tags


def readers_of(tags):
    """The page models whose pages depend on any of `tags` beside their own tag."""

    found = set()
    for model in apps.get_models():
        if not issubclass(model, Page) or model is Page:
            continue
        declared = _page_reads.get(model)
        if declared is None:
            if CONTENT in tags:
                found.add(model)
        elif set(declared) & set(tags):
            found.add(model)
    return found


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _token():
    return os.urandom(6).hex()


# A process's memo of the versions it has read, valid while the shared clock (a token
# every bump renews, after the tags) is the one it was read under. A request then reads
# one key, the clock, instead of every tag its page recorded (each a file read on the
# disk cache, dozens for a page listing clinics); any bump, from any process, renews the
# clock and so retires every process's memo at its next request.
_CLOCK = _PREFIX + "~clock"
_memo = (None, {})  # (clock, {tag: version})


def _process_memo():
    """The memo valid now, read against the shared clock (one cache round trip)."""
    global _memo
    cache = _cache()
    clock = cache.get(_CLOCK)
    if clock is None:  # never set, evicted or cleared: start a new one
        cache.add(_CLOCK, _token(), timeout=None)
        clock = cache.get(_CLOCK)
        if clock is None:
            return {}
    current = _memo
    if current[0] != clock:
        current = (clock, {})
        _memo = current
    return current[1]


def read_versions(tags):
    """{tag: current version} in one cache round trip at most (none for tags the request
    or the process's memo already holds); a tag without a version gets one (a fresh
    token, so nothing recorded before it was lost can match)."""
    tags = list(tags)
    if not tags:
        return {}
    state = _request_state.get()
    known = state.versions if state is not None else {}
    memo = state.memo if state is not None else {}
    missing = []
    for tag in tags:
        if tag not in known:
            if tag in memo:
                known[tag] = memo[tag]
            else:
                missing.append(tag)
    if missing:
        cache = _cache()
        found = cache.get_many([_PREFIX + tag for tag in missing])
        fresh = {}
        for tag in missing:
            version = found.get(_PREFIX + tag)
            if version is None:
                token = _token()
                cache.add(_PREFIX + tag, token, timeout=None)
                version = cache.get(_PREFIX + tag) or token
            fresh[tag] = version
        memo.update(fresh)  # the memo of the clock this request started under
        if state is None:
            known = fresh
        else:
            known.update(fresh)
    return {tag: known[tag] for tag in tags}


def _bump_now(tags):
    cache = _cache()
    cache.set_many({_PREFIX + tag: _token() for tag in tags}, timeout=None)
    # After the tags: a memo read under the new clock holds their new versions.
    cache.set(_CLOCK, _token(), timeout=None)


def bump(tags):
    """Give each tag (and `content`) a new version: every entry recorded with the old
    one misses from now on. Bumped at once and again when the surrounding transaction
    commits: a request that read the first new version before the commit may have
    stored what it saw of the old rows under it; the second bump retires that too."""
    tags = set(tags) | {CONTENT}
    _bump_now(tags)
    transaction.on_commit(lambda: _bump_now(tags))
    _notify(tags)


_listeners = []


def on_bump(listener):
    """Call `listener(tags)` when tags are bumped (the CDN purge listens)."""
    _listeners.append(listener)


def _notify(tags):
    for listener in _listeners:
        listener(tags)


class RequestState:
    """What one request has read: the versions (read once each) and the tags its
    response depends on."""

    def __init__(self):
        self.versions = {}
        self.depends_on = set()
        self.declared = False
        self.memo = _process_memo()
        # What cached_data gave this request, by name: {name: (recorded, value)}.
        self.data = {}

    def record(self, tags):
        self.depends_on.update(tags)


def start_request():
    state = RequestState()
    token = _request_state.set(state)
    read_versions((SITE, TREE, CONTENT))  # one round trip for the common tags, first
    return state, token


def end_request(token):
    _request_state.reset(token)


def current_state():
    return _request_state.get()


def record(tags):
    """The current response depends on `tags` (no-op outside a request)."""
    state = _request_state.get()
    if state is not None:
        state.record(tags)


def declare(*tags):
    """A view says what its response shows; without it a response depends on `content`."""
    state = _request_state.get()
    if state is not None:
        state.declared = True
        state.record(tags)


def changed_since(versions):
    """Whether any of `versions` ({tag: version}) is no longer current (read afresh,
    not from the request's memo)."""
    if not versions:
        return False
    found = _cache().get_many([_PREFIX + tag for tag in versions])
    return any(found.get(_PREFIX + tag) != version for tag, version in versions.items())


def still_current(versions):
    """Whether every recorded version is current (from the request's memo when in one)."""
    return read_versions(versions) == versions
