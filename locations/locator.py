"""The locator on a clinic's page: a self-drawn SVG map of the city's bounds with
borough names, the other clinics as dots and this one as a marker. No tiles, no
third-party request."""

from cms.caching.page_cache import cached_data
from locations import geo

LOCATOR_WIDTH = 300

# Rough label positions for orientation, not boundaries.
BOROUGH_LABELS = [
    ("Manhattan", 40.790, -73.985),
    ("Bronx", 40.850, -73.875),
    ("Queens", 40.715, -73.800),
    ("Brooklyn", 40.640, -73.950),
    ("Staten Island", 40.575, -74.150),
]


def _project(lat, lng):
    """x, y in the locator's SVG box (an equirectangular view of the city's bounds)."""
    lat0, lat1 = map(float, geo.NYC_LAT)
    lng0, lng1 = map(float, geo.NYC_LNG)
    scale = LOCATOR_WIDTH / ((lng1 - lng0) * 0.758)  # cos(40.7 deg) keeps the shape
    return round((float(lng) - lng0) * 0.758 * scale, 1), round((lat1 - float(lat)) * scale, 1)


def other_clinics(request, page):
    """(latitude, longitude) of the clinic's live siblings in its language: one query,
    kept for the content generation."""
    return cached_data(
        request,
        f"locator-others:{page.pk}",
        lambda: list(
            type(page)
            .objects.live()
            .sibling_of(page, inclusive=False)
            .filter(locale_id=page.locale_id)
            .values_list("latitude", "longitude")
        ),
    )


def locator(page, others):
    """What templates/locations/includes/locator.html draws for `page` among `others`
    ((latitude, longitude) pairs)."""
    height = _project(float(geo.NYC_LAT[0]), float(geo.NYC_LNG[0]))[1]
    x, y = _project(page.latitude, page.longitude)
    return {
        "width": LOCATOR_WIDTH,
        "height": height,
        "x": x,
        "y": y,
        "others": [_project(latitude, longitude) for latitude, longitude in others],
        "labels": [(name, *_project(lat, lng)) for name, lat, lng in BOROUGH_LABELS],
    }
