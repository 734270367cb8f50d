"""The clinic finder at /locations/: grouping, ordering by ZIP, and bad input."""

import re

import pytest

from locations import geo
from locations.models import LocationPage

pytestmark = pytest.mark.django_db


def clinic_titles(html):
    return re.findall(r'<li class="clinic-card".*?<h3><a href="[^"]+">([^<]+)</a>', html, re.S)


def test_index_lists_every_clinic_grouped_by_borough(client):
    html = client.get("/locations/").content.decode()
    live = LocationPage.objects.live().filter(locale__language_code="en")
    assert live.count() >= 7
    assert len(set(live.values_list("borough", flat=True))) >= 4
    assert sorted(clinic_titles(html)) == sorted(live.values_list("title", flat=True))
    headings = re.findall(r'<h2 id="borough-([\w-]+)"', html)
    assert headings == [slug for slug, _ in geo.BOROUGHS if live.filter(borough=slug).exists()]


@pytest.mark.parametrize(
    ("zip_code", "nearest"),
    [
        ("10001", "Midtown Manhattan"),
        ("10005", "Financial District"),
        ("10004", "Financial District"),
        ("11201", "Downtown Brooklyn"),
        ("11375", "Forest Hills"),
        ("11105", "Astoria"),
        ("10471", "Riverdale"),
        ("10314", "St. George, Staten Island"),
    ],
)
def test_zip_orders_clinics_by_distance(client, zip_code, nearest):
    response = client.get("/locations/", {"zip": zip_code})
    assert response.status_code == 200
    titles = clinic_titles(response.content.decode())
    assert titles[0] == nearest
    assert len(titles) == LocationPage.objects.live().filter(locale__language_code="en").count()
    distances = [clinic.distance for clinic in response.context["nearest"]]
    assert distances == sorted(distances)


def test_zip_shows_distances_in_miles(client):
    html = client.get("/locations/?zip=10001").content.decode()
    first = re.search(r"([\d.]+) miles away", html)
    assert first and float(first.group(1)) < 1.0


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("abcde", "is not a ZIP code"),
        ("1000", "is not a ZIP code"),
        ("100011", "is not a ZIP code"),
        ("10 001", "is not a ZIP code"),
        ("<script>alert(1)</script>", "is not a ZIP code"),
        ("00000", "We do not know the ZIP code"),
        ("10265", "We cannot place ZIP code"),  # a package placeholder we cannot fix
    ],
)
def test_bad_zip_gets_a_message_and_the_full_list(client, raw, message):
    response = client.get("/locations/", {"zip": raw})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "<script>alert(1)</script>" not in html
    assert (
        len(clinic_titles(html))
        == LocationPage.objects.live().filter(locale__language_code="en").count()
    )
    assert 'aria-invalid="true"' in html


def test_echoed_markup_is_escaped(client):
    html = client.get("/locations/", {"zip": '"><b>x'}).content.decode()
    assert '"><b>x' not in html
    assert "&quot;&gt;&lt;b&gt;x" in html


def test_blank_zip_is_the_plain_list(client):
    response = client.get("/locations/?zip=%20")
    assert response.status_code == 200
    assert not response.context["zip_error"]
    assert not response.context["nearest"]


def test_far_away_zip_still_orders_and_says_so(client):
    response = client.get("/locations/?zip=90210")
    assert response.status_code == 200
    assert "far from New York City" in response.content.decode()


def test_zip_centre_corrections():
    city_hall = (40.7143, -74.006)
    assert geo.zip_centre("10004") != city_hall
    assert geo.miles_between(geo.zip_centre("10004"), (40.7047, -74.0140)) < 0.5  # Bowling Green
    williamsburg, flatbush = geo.zip_centre("11249"), (40.6451, -73.945)
    assert geo.miles_between(williamsburg, flatbush) > 4
    assert geo.miles_between(williamsburg, (40.7181, -73.9571)) < 1  # Bedford Av station
    # Stand-in points the package shares between many ZIPs are never measured from.
    for zip_code in ["10055", "10260", "11256"]:
        assert geo.zip_centre(zip_code) is None
    assert geo.zip_centre("abc") is None
    assert geo.zip_centre("10001") == (40.7484, -73.9967)


def test_miles_between_is_plausible():
    # Times Square to Grand Central is about 0.6 miles.
    assert 0.5 < geo.miles_between((40.7580, -73.9855), (40.7527, -73.9772)) < 0.7


def test_use_my_location_is_offered_only_by_script(client):
    html = client.get("/locations/").content.decode()
    assert re.search(r"<button[^>]*data-use-location[^>]*hidden", html)
    assert "geolocation" not in html  # the request lives in the script, behind a click


def test_finder_query_budget(client, django_assert_max_num_queries):
    client.get("/locations/?zip=10001")  # warm caches (site root paths, settings)
    with django_assert_max_num_queries(40):
        client.get("/locations/?zip=10001")


@pytest.mark.parametrize("code", ["en", "es", "fr", "ru", "pl", "ar", "bn", "zh-hans"])
def test_distances_read_as_the_floatformat_filter_shows_them(code):
    """The finder formats 68 distances per request without the filter (miles_text)."""
    from random import Random

    from django.template.defaultfilters import floatformat
    from django.utils import formats, translation

    from locations.finder import miles_text

    edges = [0.0, 0.04, 0.05, 0.15, 0.25, 1.45, 2.675, 9.95, 12.349999, 999.95, 1000.04, 2999.99]
    values = edges + [Random(code).uniform(0, 60) for _ in range(200)]
    with translation.override(code):
        separator = formats.get_format("DECIMAL_SEPARATOR")
        for value in values:
            assert miles_text(value, separator) == floatformat(value, 1), value
