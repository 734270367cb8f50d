"""New York City subway routes. Their bullets' colours are the MTA's trunk-line colours,
in locations/static/locations/locations.css (the content policy allows no inline style),
with black text wherever white would fall below WCAG's 4.5:1, as the MTA prints black on
its yellow line (tests/locations/test_route_bullets.py checks every route there)."""

ROUTES = [
    *("A", "C", "E"),
    *("B", "D", "F", "M"),
    "G",
    *("J", "Z"),
    "L",
    *("N", "Q", "R", "W"),
    *("1", "2", "3"),
    *("4", "5", "6"),
    "7",
    "S",
    "SIR",  # Staten Island Railway
]


def parse_routes(text):
    """ "A C E" / "A, C, E" / "a,c,e" -> ["A", "C", "E"] (unknown names kept, upper-cased)."""
    return [part.upper() for part in str(text or "").replace(",", " ").split() if part]


def unknown_routes(text):
    return [route for route in parse_routes(text) if route not in ROUTES]
