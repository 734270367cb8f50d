"""Compressed responses from the app itself, for when gunicorn serves alone: brotli
when the client asks for it, else gzip, for what any anonymous visitor may see; never
for a response that carries a secret.

BREACH reads a secret out of the compressed size of responses into which an attacker
reflects guesses of it, so what decides is whether the body holds a secret: a CSRF
token or anything of a signed-in visitor. Only an anonymous visit (the page cache's
test: a GET or HEAD without a session or messages cookie, not the admin) whose
response sets no cookie and used no CSRF token is compressed; everything else goes out
as it is, with no padding to rely on. A search query the results page reflects is the
sender's own input, not a secret.

The page cache middleware, which already tells the anonymous visit from the rest,
applies this to every response it returns (cms/caching/page_cache.py): a page it keeps
is stored with its encodings, made once, so a hit costs no compression; anything else
(search results, the 404 page, pages read with other parameters) is compressed as it
goes out. Static files are whitenoise's, compressed when collected."""

import functools
import gzip
import re

from django.utils.cache import patch_vary_headers

try:
    import brotli
except ImportError:  # pinned in requirements.lock; without it the site sends gzip only
    brotli = None

# Bodies smaller than this gain less than the encoding's header costs.
MIN_SIZE = 200
GZIP_LEVEL = 6
# Brotli's quality 5 is smaller than gzip's 6 at about the same speed (bench/compression.py).
BROTLI_QUALITY = 5
COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/ld+json",
    "application/xml",
    "application/javascript",
    "image/svg+xml",
)
# Preferred first when the client weighs them the same.
CODINGS = ("br", "gzip") if brotli is not None else ("gzip",)

_ITEM = re.compile(r"^\s*([a-z0-9*_.+-]+)\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*$", re.IGNORECASE)


@functools.lru_cache(maxsize=64)
def choose(accept_encoding):
    """The coding to send for an Accept-Encoding header ("br", "gzip" or None), by the
    client's weights (RFC 9110 12.5.3): `q=0` refuses a coding, `*` stands for any
    coding not named."""
    weights = {}
    for item in accept_encoding.split(","):
        match = _ITEM.match(item)
        if not match:
            continue
        try:
            weight = float(match[2]) if match[2] is not None else 1.0
        except ValueError:
            continue
        weights[match[1].lower()] = weight
    best, best_weight = None, 0.0
    for coding in CODINGS:
        weight = weights.get(coding, weights.get("*", 0.0))
        if weight > best_weight:
            best, best_weight = coding, weight
    return best


def chosen_coding(request):
    header = request.META.get("HTTP_ACCEPT_ENCODING", "")
    return choose(header[:200]) if header else None


def encode(body, coding):
    if coding == "br":
        return brotli.compress(body, mode=brotli.MODE_TEXT, quality=BROTLI_QUALITY)
    return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)


def encodings(body):
    """{coding: body} of every coding worth sending for `body` ("" is the body as it
    is), for the page cache to keep; only the identity when compressing does not pay."""
    found = {"": body}
    if len(body) >= MIN_SIZE:
        for coding in CODINGS:
            encoded = encode(body, coding)
            if len(encoded) < len(body):
                found[coding] = encoded
    return found


def is_compressible_type(response):
    content_type = response.get("Content-Type", "").lower()
    return content_type.startswith(COMPRESSIBLE_TYPES)


def may_compress(request, response, anonymous):
    """Whether `response` may go out compressed: a body of a compressible type, for an
    anonymous visit (`anonymous`: the page cache's test), with no cookie set and no
    CSRF token used (see the module's docstring)."""
    return (
        anonymous
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and is_compressible_type(response)
    )


def send_encoded(request, response, found):
    """Give `response` the best body of `found` (from `encodings()`) for this client,
    with its Content-Encoding and Content-Length (an empty body for HEAD) and
    `Vary: Accept-Encoding`."""
    patch_vary_headers(response, ("Accept-Encoding",))
    coding = chosen_coding(request)
    if coding not in found:
        coding = ""
    body = found[coding]
    if coding:
        response["Content-Encoding"] = coding
    response.content = b"" if request.method == "HEAD" else body
    response["Content-Length"] = str(len(body))
    return response


def compress(request, response):
    """Compress `response` for this client when it may be (`may_compress`) and it pays."""
    body = response.content
    if response.has_header("Content-Encoding") or len(body) < MIN_SIZE:
        return response
    coding = chosen_coding(request)
    found = {"": body}
    if coding is not None:
        encoded = encode(body, coding)
        if len(encoded) < len(body):
            found[coding] = encoded
    send_encoded(request, response, found)
    etag = response.get("ETag")
    if coding in found and etag and etag.startswith('"'):
        response["ETag"] = "W/" + etag  # the bytes differ from the identity's
    return response
