"""Purging a CDN in front of the site (`FRONTEND_CACHE_BACKEND`) by the same
dependencies as the page cache: the URLs of every live page, in every language, whose
cached copy a change drops here (cms/caching/dependencies.py).

- `page:<key>`: the page and all its translations;
- `list:<name>`: every page whose type reads that collection (an index, the finder);
- `site` or `tree`: every live page (site-wide, as in the page cache);
- any change: the sitemap.

The tags bumped during a transaction are collected and purged once, after it commits,
through the backends of Wagtail's frontend cache app (Cloudflare, CloudFront, HTTP
PURGE), called directly so each URL is sent once."""

import logging
import threading
from collections import defaultdict
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Page

from cms.caching import dependencies
from cms.caching.dependencies import SITE, TREE

logger = logging.getLogger(__name__)
_pending = threading.local()


def _backends():
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return {}

    return get_backends()


def affected_pages(tags):
    """The live pages whose cached copies depend on any of `tags`."""

    pages = Page.objects.live().filter(depth__gt=1)
    if SITE in tags or TREE in tags:
        return pages
    keys = [tag.split(":", 1)[1] for tag in tags if tag.startswith("page:")]
    wanted = Q(translation_key__in=keys)
    readers = dependencies.readers_of(tags)
    if readers:
        types = ContentType.objects.get_for_models(*readers).values()
        wanted |= Q(content_type__in=types)
    return pages.filter(wanted)


def affected_urls(tags, request=None):
    """Absolute URLs (every language) of what a change to `tags` drops."""

    urls = set()
    for page in affected_pages(tags).only("id", "url_path", "path", "depth", "locale_id"):
        url = page.get_full_url(request)
        if url:
            urls.add(url)
    roots = {f"{urlsplit(url).scheme}://{urlsplit(url).netloc}" for url in urls}
    try:
        sitemap = reverse("sitemap")
    except NoReverseMatch:
        sitemap = None
    if sitemap:
        urls.update(root + sitemap for root in roots)
    return urls


def purge(tags):
    backends = _backends()
    if not backends:
        return
    by_host = defaultdict(list)
    for url in sorted(affected_urls(tags)):
        by_host[urlsplit(url).netloc].append(url)
    for host, urls in by_host.items():
        for name, backend in backends.items():
            if backend.invalidates_hostname(host):
                logger.info("[%s] purging %d URLs on %s", name, len(urls), host)
                backend.purge_batch(urls)


def _flush():
    tags, _pending.tags = getattr(_pending, "tags", set()), set()
    if tags:
        try:
            purge(tags)
        except Exception:  # a CDN outage must not fail a publish; copies expire anyway
            logger.exception("Could not purge the frontend cache")


def _collect(tags):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    if not hasattr(_pending, "tags"):
        _pending.tags = set()
    _pending.tags.update(tags)
    transaction.on_commit(_flush)  # the first flush after the commit purges them all


def connect():
    dependencies.on_bump(_collect)
