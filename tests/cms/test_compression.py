"""Public responses go out compressed (brotli when asked, else gzip) with
`Vary: Accept-Encoding`; a response that carries a secret never does (BREACH); the
page cache keeps the encodings it serves (cms/compression.py)."""

import gzip

import pytest
from django.http import HttpResponse
from django.test import override_settings
from wagtail.models import Page

from cms import compression
from tests.require import require

pytestmark = pytest.mark.django_db

BROWSER = "gzip, deflate, br, zstd"


def decoded(response):
    coding = response.get("Content-Encoding")
    if coding == "gzip":
        return gzip.decompress(response.content)
    if coding == "br":
        return compression.brotli.decompress(response.content)
    assert coding is None, coding
    return response.content


def require_brotli():
    require(compression.brotli is not None, "brotli is missing (pip install -r requirements.lock)")


def vary(response):
    return {part.strip().lower() for part in response.get("Vary", "").split(",")}


@pytest.mark.parametrize(
    ("header", "chosen", "without_brotli"),
    [
        ("gzip, deflate, br, zstd", "br", "gzip"),
        ("gzip, deflate", "gzip", "gzip"),
        ("br;q=0, gzip", "gzip", "gzip"),
        ("gzip;q=0.5, br;q=0.8", "br", "gzip"),
        ("gzip;q=1, br;q=0.5", "gzip", "gzip"),
        ("*", "br", "gzip"),
        ("*;q=0, gzip", "gzip", "gzip"),
        ("br", "br", None),
        ("gzip;q=0, br;q=0", None, None),
        ("identity", None, None),
        ("GZIP", "gzip", "gzip"),
        ("gzip;q=nonsense, , ;;, br;q=", None, None),
    ],
)
def test_the_clients_weights_choose_the_coding(header, chosen, without_brotli):
    expected = chosen if compression.brotli is not None else without_brotli
    assert compression.choose(header) == expected


def test_a_long_header_is_read_no_further_than_its_start(rf):
    request = rf.get("/", HTTP_ACCEPT_ENCODING="x" * 5000 + ", gzip")
    assert compression.chosen_coding(request) is None


@pytest.mark.parametrize("path", ["/conditions/neck-spasms/", "/search/?q=neck", "/no-such/"])
def test_public_pages_are_gzipped_for_a_client_that_asks(client, path):
    plain = client.get(path)
    packed = client.get(path, HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert decoded(packed) == plain.content
    assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content) / 3
    assert "accept-encoding" in vary(plain) and "accept-encoding" in vary(packed)


def test_brotli_when_the_client_accepts_it(client):
    require_brotli()
    plain = client.get("/locations/midtown/")
    packed = client.get("/locations/midtown/", HTTP_ACCEPT_ENCODING=BROWSER)
    assert packed["Content-Encoding"] == "br"
    assert decoded(packed) == plain.content
    gzipped = client.get("/locations/midtown/", HTTP_ACCEPT_ENCODING="gzip")
    assert len(packed.content) < len(gzipped.content)


def test_a_form_with_a_csrf_token_is_never_compressed(client):
    location = Page.objects.get(url_path="/home/locations/midtown/").specific
    response = client.get(location.appointment_url(), HTTP_ACCEPT_ENCODING=BROWSER)
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "Content-Encoding" not in response


def test_signed_in_visitors_and_the_admin_are_never_compressed(admin_client):
    for path in ["/conditions/neck-spasms/", "/admin/", "/admin/pages/"]:
        response = admin_client.get(path, HTTP_ACCEPT_ENCODING=BROWSER)
        assert response.status_code == 200, path
        assert "Content-Encoding" not in response, path


def test_a_response_that_sets_a_cookie_is_never_compressed(client):
    """The admin's sign-in form: a CSRF token and its cookie, for an anonymous visitor."""
    response = client.get("/admin/login/", HTTP_ACCEPT_ENCODING=BROWSER)
    assert response.status_code == 200
    assert response.cookies
    assert "Content-Encoding" not in response


def test_small_bodies_and_binary_types_are_sent_as_they_are(rf):
    request = rf.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert compression.encodings(b"<p>short</p>") == {"": b"<p>short</p>"}
    small = compression.compress(request, HttpResponse(b"<p>short</p>"))
    assert "Content-Encoding" not in small
    image = HttpResponse(b"\x89PNG" * 1000, content_type="image/png")
    assert not compression.may_compress(request, image, anonymous=True)
    page = HttpResponse(b"<p>a page</p>" * 100)
    assert compression.may_compress(request, page, anonymous=True)
    assert not compression.may_compress(request, page, anonymous=False)


@override_settings(PAGE_CACHE_SECONDS=600)
def test_the_page_cache_keeps_and_serves_the_encodings(client):
    first = client.get("/conditions/", HTTP_ACCEPT_ENCODING="gzip")
    assert first["X-Page-Cache"] == "miss" and first["Content-Encoding"] == "gzip"
    plain = client.get("/conditions/")
    assert plain["X-Page-Cache"] == "hit" and "Content-Encoding" not in plain
    again = client.get("/conditions/", HTTP_ACCEPT_ENCODING="gzip")
    assert again["X-Page-Cache"] == "hit" and again["Content-Encoding"] == "gzip"
    assert again.content == first.content  # the kept bytes, not compressed again
    assert decoded(again) == plain.content
    assert int(again["Content-Length"]) == len(again.content)
    assert "accept-encoding" in vary(plain) and "accept-encoding" in vary(again)
    head = client.head("/conditions/", HTTP_ACCEPT_ENCODING="gzip")
    assert head["Content-Encoding"] == "gzip" and head["Content-Length"] == again["Content-Length"]
    assert head.content == b""


@override_settings(PAGE_CACHE_SECONDS=600)
def test_the_page_cache_serves_brotli_from_its_entry(client):
    require_brotli()
    client.get("/conditions/")
    hit = client.get("/conditions/", HTTP_ACCEPT_ENCODING=BROWSER)
    assert hit["X-Page-Cache"] == "hit" and hit["Content-Encoding"] == "br"
    assert decoded(hit) == client.get("/conditions/").content
