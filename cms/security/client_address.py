"""The address of the client a request speaks for: one answer for the whole site
(the appointment rate limit, the admin lockout, anything that logs who asked).

Behind a reverse proxy every request arrives from the proxy, and the client's own
address is in a header the proxy adds. That header is only worth reading when the
peer that sent it is one of our proxies: anyone else can write what they like in it.
So the walk starts at the TCP peer (REMOTE_ADDR) and steps left through the proxy
header only while the address in hand is a trusted proxy (TRUSTED_PROXIES), at most
TRUSTED_PROXY_HOPS steps. The first address that is not a trusted proxy is the client
(the rightmost untrusted one); entries further left are the client's own words and
are never read. Anything unreadable stops the walk at the last address we trust.
"""

import ipaddress
import re

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# What a rate limit counts when no address can be read at all (only a broken server
# or a UNIX-socket peer leaves REMOTE_ADDR empty or unreadable).
UNKNOWN = "unknown"

# RFC 7239: `for=` inside one forwarded-element (elements split by commas, pairs by
# semicolons); the value may be quoted.
_FORWARDED_FOR = re.compile(r'(?:^|;)\s*for\s*=\s*("[^"]*"|[^;,\s]*)', re.IGNORECASE)


def parse_trusted_proxies(values):
    """Networks from strings such as "127.0.0.1", "10.0.0.0/8", "::1"; a typo is a
    configuration error at start-up, never a silently trusted (or ignored) proxy."""
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES: {value!r} is not an IP address or network"
            ) from error
    return tuple(networks)


def parse_address(text):
    """An ip_address from one hop as proxies write it: "203.0.113.5",
    "203.0.113.5:4711", "2001:db8::1", "[2001:db8::1]:4711", quoted or not.
    None for anything else (garbage, "unknown", RFC 7239 "_obfuscated" names)."""
    text = text.strip().strip('"').strip()
    if text.startswith("["):
        text = text[1 : text.find("]")] if "]" in text else ""
    elif text.count(":") == 1:  # IPv4 with a port; bare IPv6 has two or more colons
        text = text.split(":", 1)[0]
    text = text.split("%", 1)[0]  # an IPv6 zone index means nothing off this host
    if not text or len(text) > 64:
        return None
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _hops(header, value, limit):
    """The last `limit` hops of the proxy header, nearest proxy last."""
    if limit <= 0 or not value:
        return []
    elements = value.rsplit(",", limit)[-limit:]
    if header == "forwarded":
        hops = []
        for element in elements:
            match = _FORWARDED_FOR.search(element)
            hops.append(match.group(1) if match else "")
        return hops
    return elements


def resolve(meta, trusted, hops=1, header="x-forwarded-for"):
    """The client's address (a string) from a WSGI environ, or None when not even
    the peer's address can be read (as django-axes expects: its database column holds
    IP addresses only)."""
    peer = parse_address(meta.get("REMOTE_ADDR") or "")
    if peer is None:
        return None
    meta_key = "HTTP_FORWARDED" if header == "forwarded" else "HTTP_X_FORWARDED_FOR"
    address = peer
    chain = _hops(header, meta.get(meta_key, ""), hops) if trusted else []
    for _step in range(hops):
        if not chain or not any(address in network for network in trusted):
            break
        previous = parse_address(chain.pop())
        if previous is None:
            break
        address = previous
    return str(address)


def client_address(request):
    """The address of the client behind `request` (see the module's docstring)."""
    return resolve(
        request.META,
        settings.TRUSTED_PROXIES,
        settings.TRUSTED_PROXY_HOPS,
        settings.TRUSTED_PROXY_HEADER,
    )


def client_network(request):
    """What a rate limit should count: the address, or for IPv6 its /64, since one
    IPv6 subscriber routinely holds a whole /64 and could rotate through it."""
    address = client_address(request)
    if address is None:
        return UNKNOWN
    if ":" in address:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return address


# What a proxy in front says about the request beside the client's address. Django's
# SECURE_PROXY_SSL_HEADER believes X-Forwarded-Proto from anyone; only our proxies may
# say the connection was HTTPS.
PROXY_ONLY_HEADERS = ("HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST", "HTTP_X_FORWARDED_PORT")


class ProxyHeadersMiddleware:
    """First in the chain: a request whose TCP peer is not a trusted proxy loses the
    headers only a proxy may set, so a client reaching the app directly cannot claim
    HTTPS (and with it Secure cookies, HSTS and CSRF's HTTPS referer rules)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not from_trusted_proxy(request.META, settings.TRUSTED_PROXIES):
            for name in PROXY_ONLY_HEADERS:
                request.META.pop(name, None)
        return self.get_response(request)


def from_trusted_proxy(meta, trusted):
    peer = parse_address(meta.get("REMOTE_ADDR") or "")
    return peer is not None and any(peer in network for network in trusted)
