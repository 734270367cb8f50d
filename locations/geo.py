"""Where things are: New York City's bounds and boroughs, ZIP-code centres from the
offline `zipcodes` package (with corrections), and straight-line distances.
Nothing here calls a web service."""

import math
import re
from collections import Counter
from decimal import Decimal
from functools import lru_cache

import zipcodes
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# A box around the five boroughs (Tottenville to Wakefield, Ward Hill to Glen Oaks).
NYC_LAT = (Decimal("40.4774"), Decimal("40.9176"))
NYC_LNG = (Decimal("-74.2591"), Decimal("-73.7004"))

BOROUGHS = [
    ("manhattan", _("Manhattan")),
    ("brooklyn", _("Brooklyn")),
    ("queens", _("Queens")),
    ("bronx", _("The Bronx")),
    ("staten-island", _("Staten Island")),
]
COUNTY_BOROUGH = {
    "New York County": "manhattan",
    "Kings County": "brooklyn",
    "Queens County": "queens",
    "Bronx County": "bronx",
    "Richmond County": "staten-island",
}

# The package places some NYC ZIPs on a shared stand-in point (City Hall for 10004
# and other downtown ZIPs, one East Flatbush point for several Brooklyn ZIPs, one
# Upper West Side point for many Midtown building ZIPs) or rounds them to two
# decimals. These ZIPs get a corrected centre (approximate centre of the ZIP's
# populated area or the building/site it serves); the other stand-ins are treated
# as unplaceable rather than measured from the wrong point.
ZIP_CORRECTIONS = {
    "10004": (40.7037, -74.0123),  # Bowling Green / Battery Park, not City Hall
    "11249": (40.7155, -73.9622),  # Williamsburg waterfront, not East Flatbush
    "11202": (40.6966, -73.9900),  # Brooklyn main post office, Cadman Plaza
    "11241": (40.6936, -73.9899),  # Downtown Brooklyn (Cadman Plaza, Borough Hall)
    "11242": (40.6936, -73.9899),
    "11243": (40.6936, -73.9899),
    "11245": (40.6936, -73.9899),
    "11251": (40.7017, -73.9712),  # Brooklyn Navy Yard
    "11252": (40.6092, -74.0307),  # Fort Hamilton
    "10119": (40.7507, -73.9929),  # One Penn Plaza
    "10048": (40.7127, -74.0134),  # the World Trade Center site
}
PLACEHOLDER_MIN_SHARED = 3  # a point shared by this many NYC ZIPs is a stand-in

# ASCII digits only: \d also matches other scripts' digits, which the zipcodes
# package cannot handle (it panics), and $ would let a trailing newline through.
ZIP_RE = re.compile(r"^[0-9]{5}\Z")
EARTH_RADIUS_MILES = 3958.7613


def validate_latitude(value):
    if not NYC_LAT[0] <= Decimal(str(value)) <= NYC_LAT[1]:
        raise ValidationError(
            _("That latitude is outside New York City (between %(low)s and %(high)s)."),
            params={"low": NYC_LAT[0], "high": NYC_LAT[1]},
            code="outside_nyc",
        )


def validate_longitude(value):
    if not NYC_LNG[0] <= Decimal(str(value)) <= NYC_LNG[1]:
        raise ValidationError(
            _("That longitude is outside New York City (between %(low)s and %(high)s)."),
            params={"low": NYC_LNG[0], "high": NYC_LNG[1]},
            code="outside_nyc",
        )


@lru_cache(maxsize=1)
def _nyc_records():
    records = {}
    for record in zipcodes.filter_by(state="NY"):
        if record["county"] in COUNTY_BOROUGH:
            records[record["zip_code"]] = record
    return records


@lru_cache(maxsize=1)
def placeholder_points():
    counts = Counter((r["lat"], r["long"]) for r in _nyc_records().values())
    return {point for point, count in counts.items() if count >= PLACEHOLDER_MIN_SHARED}


def _imprecise(record):
    return any(len(record[key].partition(".")[2]) < 3 for key in ("lat", "long"))


def nyc_zip_borough(code):
    """The borough slug of a New York City ZIP, or None."""
    record = _nyc_records().get(str(code))
    return COUNTY_BOROUGH[record["county"]] if record else None


@lru_cache(maxsize=4096)
def zip_centre(code):
    """(lat, lng) of a ZIP code's centre, or None when unknown or unplaceable.
    `code` must already be five digits (the package raises on anything else)."""
    code = str(code)
    if not ZIP_RE.match(code):
        return None
    if code in ZIP_CORRECTIONS:
        return ZIP_CORRECTIONS[code]
    try:
        matches = zipcodes.matching(code)
    except (TypeError, ValueError):
        return None
    if not matches:
        return None
    record = matches[0]
    if code in _nyc_records():
        if (record["lat"], record["long"]) in placeholder_points() or _imprecise(record):
            return None
    try:
        return float(record["lat"]), float(record["long"])
    except (TypeError, ValueError):
        return None


def zip_is_known(code):
    try:
        return bool(ZIP_RE.match(str(code)) and zipcodes.matching(str(code)))
    except (TypeError, ValueError):
        return False


def miles_between(a, b):
    """Great-circle (straight-line) distance in miles between two (lat, lng) points."""
    lat1, lng1, lat2, lng2 = map(math.radians, (*map(float, a), *map(float, b)))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(h))
