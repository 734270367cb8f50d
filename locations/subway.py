"""New York City subway routes and their bullet colours (the MTA's trunk-line colours)."""

ROUTE_COLOURS = {
    **dict.fromkeys(["A", "C", "E"], ("#0039A6", "#FFFFFF")),
    **dict.fromkeys(["B", "D", "F", "M"], ("#FF6319", "#FFFFFF")),
    "G": ("#6CBE45", "#FFFFFF"),
    **dict.fromkeys(["J", "Z"], ("#996633", "#FFFFFF")),
    "L": ("#A7A9AC", "#FFFFFF"),
    **dict.fromkeys(["N", "Q", "R", "W"], ("#FCCC0A", "#000000")),
    **dict.fromkeys(["1", "2", "3"], ("#EE352E", "#FFFFFF")),
    **dict.fromkeys(["4", "5", "6"], ("#00933C", "#FFFFFF")),
    "7": ("#B933AD", "#FFFFFF"),
    "S": ("#808183", "#FFFFFF"),
    "SIR": ("#0039A6", "#FFFFFF"),  # Staten Island Railway
}
ROUTES = list(ROUTE_COLOURS)


def parse_routes(text):
    """ "A C E" / "A, C, E" / "a,c,e" -> ["A", "C", "E"] (unknown names kept, upper-cased)."""
    return [part.upper() for part in str(text or "").replace(",", " ").split() if part]


def unknown_routes(text):
    return [route for route in parse_routes(text) if route not in ROUTE_COLOURS]


def bullets(text):
    """[(route, background, foreground)] for display."""
    return [
        (route, *ROUTE_COLOURS.get(route, ("#808183", "#FFFFFF"))) for route in parse_routes(text)
    ]
