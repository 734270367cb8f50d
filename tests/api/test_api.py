"""The read-only API at /api/v2/: clinics with their facts, conditions, filters by
type and locale, images; bad parameters get a 400 with a message; no writes."""

import pytest
from django.test import override_settings

from tests.search.conftest import translate

pytestmark = pytest.mark.django_db

LOCATIONS = "/api/v2/pages/?type=locations.LocationPage"
CONDITIONS = "/api/v2/pages/?type=conditions.ConditionPage"
# Other languages may hold translations with the same slugs: ask for English.
EN_LOCATIONS = f"{LOCATIONS}&locale=en"
EN_CONDITIONS = f"{CONDITIONS}&locale=en"


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.content[:300])
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_location_pages_expose_their_facts(client, page_by_path):
    midtown = page_by_path("/locations/midtown/")
    data = get_json(client, f"{EN_LOCATIONS}&fields=*&slug=midtown")
    assert data["meta"]["total_count"] == 1
    item = data["items"][0]
    assert item["id"] == midtown.pk
    assert item["meta"]["html_url"] == "http://localhost/locations/midtown/"
    assert item["meta"]["locale"] == "en"
    assert item["title"] == "Midtown Manhattan"
    assert item["neighborhood"] == "Midtown"
    assert item["borough"] == "manhattan"
    assert item["address"]["street_address"] == midtown.street_address
    assert item["address"]["postal_code"] == "10018"
    assert item["address"]["formatted"] == midtown.full_address
    assert item["coordinates"] == {
        "latitude": float(midtown.latitude),
        "longitude": float(midtown.longitude),
    }
    assert item["phone"] == midtown.phone
    assert item["languages"] == ["English", "Spanish", "Mandarin"]
    assert item["accepting_new_patients"] is True
    hours = item["hours"]
    assert hours["timezone"] == "America/New_York"
    assert [day["weekday"] for day in hours["weekly"]] == list(range(7))
    monday = hours["weekly"][0]
    assert monday["day"] == "Monday"
    assert all(len(interval) == 2 for interval in monday["intervals"])
    for exception in hours["exceptions"]:
        assert set(exception) == {"date", "label", "intervals"}


def test_detail_view_shows_every_field(client, page_by_path):
    midtown = page_by_path("/locations/midtown/")
    item = get_json(client, f"/api/v2/pages/{midtown.pk}/")
    for name in ("address", "coordinates", "phone", "hours", "languages", "borough"):
        assert name in item
    assert item["meta"]["parent"]["id"] == midtown.get_parent().pk


def test_clinics_can_be_listed_by_borough_and_by_new_patients(client):
    data = get_json(client, f"{EN_LOCATIONS}&borough=manhattan&fields=borough")
    assert data["meta"]["total_count"] == 3
    assert {item["borough"] for item in data["items"]} == {"manhattan"}
    data = get_json(client, f"{EN_LOCATIONS}&accepting_new_patients=false")
    assert [item["meta"]["slug"] for item in data["items"]] == ["upper-east-side"]


def test_filter_by_type_and_locale(client, page_by_path):
    before = get_json(client, f"{LOCATIONS}&locale=pl&limit=50")
    assert all(item["meta"]["locale"] == "pl" for item in before["items"])
    polish = translate(page_by_path("/locations/astoria/"), "pl", slug="astoria-pl")
    data = get_json(client, f"{LOCATIONS}&locale=pl&fields=address,phone&limit=50")
    assert data["meta"]["total_count"] == before["meta"]["total_count"] + (
        polish.pk not in [item["id"] for item in before["items"]]
    )
    item = next(item for item in data["items"] if item["id"] == polish.pk)
    assert item["meta"]["locale"] == "pl"
    assert item["phone"] == polish.phone
    english = get_json(client, f"{LOCATIONS}&locale=en")
    assert english["meta"]["total_count"] == 8
    assert {item["meta"]["locale"] for item in english["items"]} == {"en"}


def test_condition_pages_expose_intro_body_area_and_review_date(client, page_by_path):
    neck = page_by_path("/conditions/neck-spasms/")
    data = get_json(
        client, f"{EN_CONDITIONS}&fields=intro,body_area,last_reviewed&slug=neck-spasms"
    )
    item = data["items"][0]
    assert item["intro"] == neck.intro
    assert item["body_area"] == {"slug": "neck", "name": neck.body_area.name}
    expected = neck.last_reviewed.isoformat() if neck.last_reviewed else None
    assert item["last_reviewed"] == expected


def test_search_within_the_api(client):
    data = get_json(client, f"{EN_CONDITIONS}&search=pillow")
    assert [item["meta"]["slug"] for item in data["items"]] == ["neck-spasms"]
    assert get_json(client, '/api/v2/pages/?search="NEAR(')["meta"]["total_count"] == 0


def test_images_endpoint(client):
    data = get_json(client, "/api/v2/images/?limit=2&fields=width,height")
    assert data["meta"]["total_count"] >= 1
    assert {"width", "height", "title"} <= set(data["items"][0])


def test_listing_query_budget(client, django_assert_max_num_queries):
    get_json(client, f"{LOCATIONS}&fields=*")
    with django_assert_max_num_queries(15):
        clinics = get_json(client, f"{LOCATIONS}&fields=*&limit=50")
    # The budget covers every clinic with its facts, not an error answer.
    assert len(clinics["items"]) == clinics["meta"]["total_count"] >= 8
    assert all({"address", "hours", "phone"} <= set(item) for item in clinics["items"])
    with django_assert_max_num_queries(10):
        images = get_json(client, "/api/v2/images/?limit=50")
    assert images["items"] and all(item["title"] for item in images["items"])


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("type=nope.Nope", "type doesn't exist"),
        ("type=auth.User", "type doesn't exist"),
        ("type=a.b.c", "type doesn't exist"),
        ("locale=xx", "locale must be one of"),
        ("locale=", "locale must be one of"),
        ("locale=%00", "null characters"),
        ("limit=abc", "limit must be a positive integer"),
        ("limit=-1", "limit must be a positive integer"),
        ("limit=1.5", "limit must be a positive integer"),
        ("limit=100000", "limit cannot be higher than"),
        ("limit=99999999999999999999999", "limit is too large"),
        ("offset=abc", "offset must be a positive integer"),
        ("offset=99999999999999999999999", "offset is too large"),
        ("fields=nope", "unknown fields"),
        ("fields=title(", "fields error"),
        ("fields=address", "unknown fields"),  # only on location pages
        ("unknown=1", "not an operation or a recognised field"),
        ("child_of=abc", "child_of must be a positive integer"),
        ("child_of=99999999999999999999", "child_of is too large"),
        ("descendant_of=2147483000", "doesn't exist"),
        ("translation_of=abc", "translation_of must be a positive integer"),
        ("order=nope", "cannot order by"),
        ("order=random&offset=2", "random ordering with offset"),
        ("search=neck&search_operator=xor", "search_operator"),
        ("site=nowhere.example", "site"),
        ("format=xml", "format must be"),
        ("rich_text_format=bogus", "rich_text_format"),
        ("type=conditions.ConditionPage&last_reviewed=yesterday", "invalid value"),
        ("type=locations.LocationPage&accepting_new_patients=maybe", "not a valid value"),
        ("type=locations.LocationPage&fields=hours(x)", "does not support nested fields"),
    ],
)
def test_bad_parameters_get_a_400_with_a_message(client, query, message):
    data = get_json(client, f"/api/v2/pages/?{query}", status=400)
    assert message in data["message"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/find/?id=abc",
        "/api/v2/pages/find/?html_path=%00",
        "/api/v2/images/?width=abc",
        "/api/v2/images/?title=%00",
        "/api/v2/images/?limit=1000",
    ],
)
def test_bad_parameters_elsewhere_get_a_400(client, url):
    assert "message" in get_json(client, url, status=400)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/99999999999999999999999/",
        "/api/v2/pages/2147483000/",
        "/api/v2/images/99999999999999/",
    ],
)
def test_unknown_objects_are_404s(client, url):
    assert "message" in get_json(client, url, status=404)


def test_find_by_path_redirects_to_the_detail(client, page_by_path):
    response = client.get("/api/v2/pages/find/?html_path=/locations/midtown/")
    assert response.status_code == 302
    assert response["Location"].startswith(
        f"http://localhost/api/v2/pages/{page_by_path('/locations/midtown/').pk}/"
    )


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_no_writes(admin_client, method):
    response = getattr(admin_client, method)("/api/v2/pages/", {}, content_type="application/json")
    assert response.status_code == 405


def test_api_is_json_only_and_needs_no_session(client):
    response = client.get("/api/v2/pages/", HTTP_ACCEPT="text/html")
    assert response.status_code == 406
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()
    assert not response.cookies


def test_api_responses_are_served_from_the_page_cache_and_never_stale(client, page_by_path):
    with override_settings(PAGE_CACHE_SECONDS=600):
        url = f"{EN_LOCATIONS}&fields=phone&slug=astoria"
        client.get(url)
        cached = client.get(url)
        assert cached["X-Page-Cache"] == "hit"
        astoria = page_by_path("/locations/astoria/")
        astoria.phone = "+17185550199"
        astoria.save_revision().publish()
        fresh = client.get(url)
    assert fresh.json()["items"][0]["phone"] == "+17185550199"
