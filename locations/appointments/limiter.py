"""How many appointment requests one client may send: a few an hour
(LOCATIONS_APPOINTMENT_RATE_LIMIT = (requests, seconds)), counted in the cache."""

import hashlib

from django.conf import settings
from django.core.cache import cache

from cms.security.client_address import client_network

DEFAULT_LIMIT = (5, 3600)


def _rate_key(request):
    # Per client (behind the proxy too), never per proxy: see cms/security/.
    digest = hashlib.sha256(client_network(request).encode()).hexdigest()[:32]
    return f"locations:appointment-rate:{digest}"


def rate_limited(request):
    limit, _window = getattr(settings, "LOCATIONS_APPOINTMENT_RATE_LIMIT", DEFAULT_LIMIT)
    return (cache.get(_rate_key(request)) or 0) >= limit


def count_submission(request):
    _limit, window = getattr(settings, "LOCATIONS_APPOINTMENT_RATE_LIMIT", DEFAULT_LIMIT)
    key = _rate_key(request)
    if not cache.add(key, 1, timeout=window):
        try:
            cache.incr(key)
        except ValueError:  # expired in between
            cache.add(key, 1, timeout=window)
