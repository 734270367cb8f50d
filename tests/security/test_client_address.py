"""The one client-address function: which hop of the proxy header is the client,
and that nobody but a trusted proxy gets a say in it."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from cms.security.client_address import (
    UNKNOWN,
    client_address,
    client_network,
    parse_trusted_proxies,
    resolve,
)

PROXIES = parse_trusted_proxies(["127.0.0.1", "10.0.0.0/8", "::1", "fd00::/8"])

# (REMOTE_ADDR, X-Forwarded-For or None, hops, expected client)
XFF_CASES = [
    # No proxy header: the peer is the client, trusted or not.
    ("203.0.113.7", None, 1, "203.0.113.7"),
    ("10.0.0.2", None, 1, "10.0.0.2"),
    # An untrusted peer's header is ignored, however plausible.
    ("203.0.113.7", "198.51.100.1", 1, "203.0.113.7"),
    ("203.0.113.7", "198.51.100.1, 10.0.0.2", 2, "203.0.113.7"),
    # A trusted proxy: the hop it appended is the client.
    ("10.0.0.2", "198.51.100.1", 1, "198.51.100.1"),
    ("127.0.0.1", "198.51.100.1", 1, "198.51.100.1"),
    # The client wrote the left part itself: only the proxy's own entry counts.
    ("10.0.0.2", "1.1.1.1, 2.2.2.2, 198.51.100.1", 1, "198.51.100.1"),
    ("10.0.0.2", "1.1.1.1, 2.2.2.2, 198.51.100.1", 5, "198.51.100.1"),
    # Two proxies in a row, both trusted, two hops allowed.
    ("10.0.0.2", "198.51.100.1, 10.0.0.3", 2, "198.51.100.1"),
    # ... but only one hop allowed: the inner proxy is all we can vouch for.
    ("10.0.0.2", "198.51.100.1, 10.0.0.3", 1, "10.0.0.3"),
    # Hop count of zero: never read the header.
    ("10.0.0.2", "198.51.100.1", 0, "10.0.0.2"),
    # A forged "trusted" entry left of an untrusted hop gains nothing.
    ("10.0.0.2", "10.0.0.9, 198.51.100.1", 3, "198.51.100.1"),
    # Ports, IPv6 with and without brackets, IPv4-mapped IPv6.
    ("10.0.0.2", "198.51.100.1:4711", 1, "198.51.100.1"),
    ("10.0.0.2", "2001:db8::1", 1, "2001:db8::1"),
    ("10.0.0.2", "[2001:db8::1]", 1, "2001:db8::1"),
    ("10.0.0.2", "[2001:db8::1]:4711", 1, "2001:db8::1"),
    ("10.0.0.2", "2001:DB8:0:0::1", 1, "2001:db8::1"),
    ("10.0.0.2", "::ffff:198.51.100.1", 1, "198.51.100.1"),
    ("::1", "198.51.100.1", 1, "198.51.100.1"),
    ("10.0.0.2", "fe80::1%eth0", 1, "fe80::1"),
    ("fd00::5", "2001:db8::9", 1, "2001:db8::9"),
    ("::ffff:10.0.0.2", "198.51.100.1", 1, "198.51.100.1"),
    # Malformed: the walk stops at the last address we trust, never a 500.
    ("10.0.0.2", "", 1, "10.0.0.2"),
    ("10.0.0.2", "   ", 1, "10.0.0.2"),
    ("10.0.0.2", ",", 1, "10.0.0.2"),
    ("10.0.0.2", "not-an-address", 1, "10.0.0.2"),
    ("10.0.0.2", "unknown", 1, "10.0.0.2"),
    ("10.0.0.2", "_hidden", 1, "10.0.0.2"),
    ("10.0.0.2", "198.51.100.1, garbage", 2, "10.0.0.2"),
    ("10.0.0.2", "[2001:db8::1", 1, "10.0.0.2"),
    ("10.0.0.2", "999.1.1.1", 1, "10.0.0.2"),
    ("10.0.0.2", "\x00\xff<script>", 1, "10.0.0.2"),
    ("10.0.0.2", "1" * 5000, 1, "10.0.0.2"),
    ("10.0.0.2", ", ".join(["198.51.100.1"] * 2000) + ", 203.0.113.9", 1, "203.0.113.9"),
    # No readable peer at all (a UNIX socket, a broken server).
    ("", "198.51.100.1", 1, None),
    ("garbage", "198.51.100.1", 1, None),
]


@pytest.mark.parametrize(("peer", "header", "hops", "expected"), XFF_CASES)
def test_x_forwarded_for(peer, header, hops, expected):
    meta = {"REMOTE_ADDR": peer}
    if header is not None:
        meta["HTTP_X_FORWARDED_FOR"] = header
    assert resolve(meta, PROXIES, hops) == expected


FORWARDED_CASES = [
    ("10.0.0.2", "for=198.51.100.1", 1, "198.51.100.1"),
    ("10.0.0.2", 'for="198.51.100.1:4711";proto=https', 1, "198.51.100.1"),
    ("10.0.0.2", 'For="[2001:db8:cafe::17]:4711"', 1, "2001:db8:cafe::17"),
    ("10.0.0.2", "proto=https;for=198.51.100.1;by=10.0.0.2", 1, "198.51.100.1"),
    ("10.0.0.2", "for=1.1.1.1, for=198.51.100.1;proto=https", 1, "198.51.100.1"),
    ("10.0.0.2", "for=198.51.100.1, for=10.0.0.3", 2, "198.51.100.1"),
    ("10.0.0.2", "for=unknown", 1, "10.0.0.2"),
    ("10.0.0.2", "for=_hidden", 1, "10.0.0.2"),
    ("10.0.0.2", "proto=https", 1, "10.0.0.2"),
    ("10.0.0.2", 'for="', 1, "10.0.0.2"),
    ("203.0.113.7", "for=198.51.100.1", 1, "203.0.113.7"),
]


@pytest.mark.parametrize(("peer", "header", "hops", "expected"), FORWARDED_CASES)
def test_rfc_7239_forwarded(peer, header, hops, expected):
    meta = {"REMOTE_ADDR": peer, "HTTP_FORWARDED": header}
    assert resolve(meta, PROXIES, hops, header="forwarded") == expected


def test_the_other_header_is_not_read():
    meta = {"REMOTE_ADDR": "10.0.0.2", "HTTP_FORWARDED": "for=198.51.100.1"}
    assert resolve(meta, PROXIES, 1) == "10.0.0.2"
    meta = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.1"}
    assert resolve(meta, PROXIES, 1, header="forwarded") == "10.0.0.2"


def test_no_trusted_proxies_means_the_header_is_never_read():
    meta = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.1"}
    assert resolve(meta, (), 3) == "127.0.0.1"


@pytest.mark.parametrize("bad", ["10.0.0.0/33", "localhost", "10.0.0.", "*"])
def test_a_misconfigured_proxy_list_stops_the_start(bad):
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        parse_trusted_proxies(["127.0.0.1", bad])


def test_request_level_function_reads_the_settings(settings):
    settings.TRUSTED_PROXIES = parse_trusted_proxies(["192.0.2.0/24"])
    settings.TRUSTED_PROXY_HOPS = 1
    factory = RequestFactory()
    behind = factory.get("/", REMOTE_ADDR="192.0.2.10", HTTP_X_FORWARDED_FOR="198.51.100.4")
    direct = factory.get("/", REMOTE_ADDR="203.0.113.8", HTTP_X_FORWARDED_FOR="198.51.100.4")
    assert client_address(behind) == "198.51.100.4"
    assert client_address(direct) == "203.0.113.8"
    settings.TRUSTED_PROXY_HEADER = "forwarded"
    assert client_address(behind) == "192.0.2.10"


def test_rate_limits_count_an_ipv6_client_by_its_slash_64(settings):
    settings.TRUSTED_PROXIES = parse_trusted_proxies(["192.0.2.0/24"])
    factory = RequestFactory()
    a = factory.get("/", REMOTE_ADDR="192.0.2.10", HTTP_X_FORWARDED_FOR="2001:db8:1:2::a")
    b = factory.get("/", REMOTE_ADDR="192.0.2.10", HTTP_X_FORWARDED_FOR="2001:db8:1:2:ffff::b")
    c = factory.get("/", REMOTE_ADDR="192.0.2.10", HTTP_X_FORWARDED_FOR="2001:db8:1:3::a")
    v4 = factory.get("/", REMOTE_ADDR="192.0.2.10", HTTP_X_FORWARDED_FOR="198.51.100.4")
    scoped = factory.get("/", REMOTE_ADDR="fe80::1%eth0")
    unreadable = factory.get("/", REMOTE_ADDR="")
    assert client_network(a) == client_network(b) == "2001:db8:1:2::/64"
    assert client_network(c) != client_network(a)
    assert client_network(v4) == "198.51.100.4"
    assert client_network(scoped) == "fe80::/64"
    assert client_address(unreadable) is None
    assert client_network(unreadable) == UNKNOWN
