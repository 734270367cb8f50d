"""The browser matrix's pages and how to find each one in another language.

Adding a page type is one line in PAGES (the browser tests, the Nu HTML Checker's pages
and `make audit` all read it). Every page listed must be there: a missing
page or translation skips locally and fails under CI (tests/require.py)."""

import re
from dataclasses import dataclass
from html import unescape
from urllib.parse import urlsplit

from tests.servers import fetch

RTL_LANGUAGES = {"ar", "ur"}


@dataclass(frozen=True)
class PageCase:
    id: str
    path: str  # the English URL (path and query)
    status: int = 200
    # "page": a Wagtail page, found in other languages through its hreflang alternate;
    # "view": a Django view, found under the language prefix.
    kind: str = "page"
    # The tail of `path` that a routable page serves below its own URL (e.g. its
    # appointment form): the translation is the translated page's URL plus this tail.
    route: str = ""
    # An element only the right page has, so a redirect or a wrong page cannot pass.
    selector: str = "main h1"

    def __str__(self):
        return self.id


PAGES = [
    PageCase("home", "/"),
    PageCase("condition-index", "/conditions/"),
    PageCase("condition", "/conditions/neck-spasms/"),
    PageCase("location-index", "/locations/"),
    PageCase("location", "/locations/midtown/"),
    PageCase("finder", "/locations/?zip=10018"),
    PageCase("search", "/search/?q=neck", kind="view"),
    PageCase("not-found", "/no-such-page/", status=404, kind="view"),
    PageCase(
        "appointment",
        "/locations/midtown/appointment/",
        route="appointment/",
        selector="main form.appointment-form[method=post]",
    ),
    PageCase("language-assistance", "/language-assistance/"),
]

ALTERNATE = re.compile(
    r'<link rel="alternate" hreflang="(?P<code>[^"]+)" href="(?P<href>[^"]+)"', re.IGNORECASE
)


def split_path(path):
    parts = urlsplit(path)
    return parts.path, (f"?{parts.query}" if parts.query else "")


def over_http(base_url):
    """A `get` for localized_path: (status, body) of a path on a live server."""
    return lambda path: fetch(base_url + path)


def localized_path(get, case, language):
    """The case's URL path in `language`, or None when there is no live translation.
    `get(path)` answers (status, body): over_http(base_url), or a test client's."""
    if language == "en":
        return case.path
    path, query = split_path(case.path)
    if case.kind == "view":
        return f"/{language}{path}{query}"
    page_path = path.removesuffix(case.route)
    status, body = get(page_path)
    if status != 200:
        return None
    for match in ALTERNATE.finditer(body.decode("utf-8", "replace")):
        if match["code"] == language:
            return urlsplit(unescape(match["href"])).path + case.route + query
    return None
