"""Every subway route's bullet, also those no demo clinic shows (the browser's
computed-style check, tests/browser/test_contrast.py, sees only the demo's): a rule in
locations.css whose text meets WCAG's 4.5:1 on its colour, and the bullet an unknown
route falls back to as well."""

import re

import pytest

from locations import subway
from tests.conftest import ROOT

CSS = (ROOT / "locations/static/locations/locations.css").read_text()
RULE = re.compile(r"(?P<selectors>[^{}]*\.route-bullet[^{}]*)\{(?P<body>[^}]*)\}")


def luminance(hex_colour):
    """WCAG 2.1 relative luminance of #rgb or #rrggbb."""
    digits = hex_colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first, second):
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def bullet_colours():
    """{route or None (the plain bullet): (background, text)} from the stylesheet."""
    found = {}
    for rule in RULE.finditer(CSS):
        declarations = dict(
            (name.strip(), value.strip())
            for name, _sep, value in (d.partition(":") for d in rule["body"].split(";"))
            if value
        )
        colours = (declarations.get("background"), declarations.get("color"))
        for selector in rule["selectors"].split(","):
            route = re.search(r'data-route="([^"]+)"', selector)
            found[route[1] if route else None] = colours
    return found


def test_contrast_formula_matches_wcags_examples():
    assert contrast("#000", "#fff") == pytest.approx(21)
    assert contrast("#777777", "#fff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("route", [*subway.ROUTES, None])
def test_every_routes_bullet_is_readable(route):
    colours = bullet_colours()
    assert route in colours, f"no .route-bullet rule for {route!r} in locations.css"
    background, text = colours[route]
    assert background and text, f"{route!r}: background {background}, text {text}"
    assert contrast(background, text) >= 4.5, f"{route!r}: {text} on {background}"


def test_the_stylesheet_names_only_known_routes():
    assert set(bullet_colours()) - {None} == set(subway.ROUTES)
