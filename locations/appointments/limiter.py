"""How many appointment requests one client may send: a few an hour
(LOCATIONS_APPOINTMENT_RATE_LIMIT = (requests, seconds)), counted in the shared cache.

One counter per client for every worker and machine (the cache every process shares,
see the README's Caching section). A submission counts itself first and then looks at
the count it got back, in one atomic step on every backend (Redis INCR, an SQLite
transaction on the disk cache, a lock in local memory): a burst of requests on several
workers gets no more than the limit through, where "check, then count" let each
worker's requests pass the check before any of them counted."""

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache

from cms.security.client_address import client_network

DEFAULT_LIMIT = (5, 3600)


def _limit():
    return getattr(settings, "LOCATIONS_APPOINTMENT_RATE_LIMIT", DEFAULT_LIMIT)


def _rate_key(request):
    # Per client (behind the proxy too), never per proxy: see cms/security/.
    digest = hashlib.sha256(client_network(request).encode()).hexdigest()[:32]
    return f"locations:appointment-rate:{digest}"


def take_slot(request):
    """Count this submission, then say whether it is within the limit. The window
    starts at the client's first counted submission."""
    limit, window = _limit()
    key = _rate_key(request)
    for _attempt in range(3):
        if cache.add(key, 1, timeout=window):
            cache.set(key + ":since", time.time(), timeout=window)
            return True
        try:
            return cache.incr(key) <= limit
        except ValueError:  # the window ended between the two steps: start a new one
            continue
    return False


def retry_after(request):
    """Whole seconds until the client's window ends (for the Retry-After header)."""
    _limit_count, window = _limit()
    since = cache.get(_rate_key(request) + ":since")
    if since is None:
        return window
    return max(1, math.ceil(since + window - time.time()))
