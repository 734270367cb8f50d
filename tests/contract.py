"""The URL contract of the design brief and what each URL must carry: the right page
(its h1 or its format's own markers) in the right language, not merely a 200. Shared by
the Django-client test (tests/test_contract_urls.py) and the production-server test."""

import json

HTML_EN = '<html lang="en" dir="ltr">'

# path -> texts its body must contain (the demo site's content).
CONTRACT = {
    "/": [HTML_EN, "<h1>Physical therapy and rehabilitation in New York City</h1>"],
    "/conditions/": [HTML_EN, "<h1>Conditions we treat</h1>", 'href="/conditions/neck-spasms/"'],
    "/conditions/neck-spasms/": [
        HTML_EN,
        '<h1 id="page-title">Best Neck Spasms PT &amp; Rehab in NYC</h1>',
    ],
    "/locations/": [HTML_EN, "<h1>Our locations</h1>", 'href="/locations/midtown/"'],
    "/locations/midtown/": [HTML_EN, "<h1>Midtown Manhattan</h1>", "350 West 38th Street"],
    "/search/?q=neck": [
        HTML_EN,
        "<h1>Search</h1>",
        "for “neck”</h2>",
        '<a href="/conditions/neck-spasms/">Best Neck Spasms PT &amp; Rehab in NYC</a>',
    ],
    "/sitemap.xml": ["<urlset", "/conditions/neck-spasms/</loc>", 'hreflang="x-default"'],
    "/robots.txt": ["User-agent: *", "Disallow: /admin/", "/sitemap.xml"],
    "/admin/login/": ['name="username"', 'name="password"', 'action="/admin/login/"'],
}


def check_contract_page(path, body):
    """Assert that `body` (bytes or text) is the page the contract promises at `path`."""
    text = body.decode("utf-8") if isinstance(body, bytes) else body
    if path == "/healthz":
        assert json.loads(text) == {"status": "ok", "database": "ok"}, text
        return
    missing = [marker for marker in CONTRACT[path] if marker not in text]
    assert not missing, f"{path} lacks {missing}:\n{text[:800]}"
    assert "Traceback" not in text


CONTRACT_PATHS = [*CONTRACT, "/healthz"]
