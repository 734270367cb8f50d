"""A clinic's page: what a patient sees, JSON-LD, the editor's rules, translations."""

import json
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils import WagtailPageTestCase

from cms.phone import format_phone, normalize_phone
from locations.models import LocationIndexPage, LocationPage
from locations.treating import clinics_treating
from tests.require import require

pytestmark = pytest.mark.django_db


def json_ld_blocks(html):
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def clinic_json_ld(html):
    return next(b for b in json_ld_blocks(html) if "Physiotherapy" in str(b.get("@type")))


def test_page_shows_what_a_patient_needs(client, midtown):
    html = client.get(midtown.url).content.decode()
    assert 'href="tel:+12125550101"' in html
    assert "(212) 555-0101" in html
    assert "350 West 38th Street" in html
    assert "data-open-status" in html and 'role="status"' in html
    assert 'id="hours-data" type="application/json"' in html
    assert re.search(r'<script src="[^"]*locations/locations\.js" defer>', html)
    assert 'data-route="A"' in html  # subway bullets
    assert "Accessibility" in html and "Insurance accepted" in html
    assert "Our team" in html and "PT, DPT" in html
    assert 'href="geo:40.755871,-73.993218' in html


def test_no_third_party_requests_on_load(client, midtown):
    html = client.get(midtown.url).content.decode()
    # Anything loaded automatically (src=, stylesheet links) is same-origin.
    for url in re.findall(r'\bsrc="([^"]+)"', html):
        assert not url.startswith(("http:", "https:", "//")), url
    assert "<iframe" not in html
    assert "<svg" in html  # the self-drawn locator
    # Inline executable scripts are not used (JSON data blocks only).
    for attrs in re.findall(r"<script([^>]*)>", html):
        assert "application/json" in attrs or "application/ld+json" in attrs or "src=" in attrs


def test_status_is_rendered_server_side(client, midtown):
    response = client.get(midtown.url)
    status_text = response.context["status_text"]
    assert status_text.startswith(("Open now", "Closed"))
    assert status_text in response.content.decode()


def test_upcoming_closure_within_30_days_is_listed(client, midtown):
    from datetime import timedelta

    from django.utils import timezone

    from locations.models import HoursException

    soon = timezone.localdate() + timedelta(days=3)
    HoursException.objects.create(page=midtown, date=soon, label="Water main repair", closed=True)
    html = client.get(midtown.url).content.decode()
    assert "Water main repair" in closures_list(html)
    far = timezone.localdate() + timedelta(days=45)
    HoursException.objects.create(page=midtown, date=far, label="Far away closure", closed=True)
    assert "Far away closure" not in closures_list(client.get(midtown.url).content.decode())


def closures_list(html):
    match = re.search(r'<ul class="closures">(.*?)</ul>', html, re.S)
    return match.group(1) if match else ""


def test_json_ld(client, midtown):
    data = clinic_json_ld(client.get(midtown.url).content.decode())
    assert set(data["@type"]) == {"Physiotherapy", "MedicalClinic"}
    assert data["name"] == midtown.title
    assert data["url"].endswith("/locations/midtown/")
    assert data["telephone"] == "+12125550101"
    address = data["address"]
    assert address["@type"] == "PostalAddress"
    assert address["postalCode"] == "10018" and address["addressRegion"] == "NY"
    for key in ("latitude", "longitude"):
        assert len(str(data["geo"][key]).split(".")[1]) >= 5
    specs = data["openingHoursSpecification"]
    weekly = [s for s in specs if "dayOfWeek" in s]
    # The demo's Midtown hours: weekdays 7:00-20:00, Saturday 8:00-14:00, closed Sunday.
    weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    assert [(s["dayOfWeek"], s["opens"], s["closes"]) for s in weekly] == [
        (weekdays, "07:00", "20:00"),
        (["Saturday"], "08:00", "14:00"),
    ]
    closures = [s for s in specs if "validFrom" in s and s["opens"] == s["closes"] == "00:00"]
    assert closures and all(s["validFrom"] == s["validThrough"] for s in closures)
    assert any(
        s.get("name") == "Thanksgiving" or s.get("name") == "Christmas Day" for s in closures
    )
    special = [s for s in specs if "validFrom" in s and s["opens"] != "00:00"]
    assert special
    # schema.org puts the languages on a ContactPoint, and the specialty is an
    # enumeration member (tests/seo/test_structured_data.py checks the vocabulary).
    assert "availableLanguage" not in data
    assert "Spanish" in data["contactPoint"]["availableLanguage"]
    assert data["medicalSpecialty"] == "https://schema.org/Physiotherapy"
    assert data["isAcceptingNewPatients"] is True
    assert data["image"].startswith("http")


def test_breadcrumbs_json_ld(client, midtown):
    blocks = json_ld_blocks(client.get(midtown.url).content.decode())
    assert any(b.get("@type") == "BreadcrumbList" for b in blocks)


def test_location_page_query_budget(client, midtown, django_assert_max_num_queries):
    client.get(midtown.url)
    with django_assert_max_num_queries(45):
        client.get(midtown.url)


def test_clinics_treating_follows_conditions_treated(midtown, page_by_path):
    rows = list(midtown.treated_conditions.select_related("condition"))
    require(rows, "no demo condition pages")
    condition = rows[0].condition
    clinics = list(clinics_treating(condition))
    assert midtown in clinics
    for clinic in clinics:
        keys = clinic.treated_conditions.values_list("condition__translation_key", flat=True)
        assert condition.translation_key in keys
    # A clinic that does not list it is left out.
    untreating = [
        c
        for c in LocationPage.objects.live()
        if not c.treated_conditions.filter(
            condition__translation_key=condition.translation_key
        ).exists()
    ]
    for clinic in untreating:
        assert clinic not in clinics


def test_clinics_treating_matches_translations_by_translation_key(midtown):
    """A clinic listing the English page treats the Spanish translation too."""
    from wagtail.models import Locale

    rows = list(midtown.treated_conditions.select_related("condition"))
    require(rows, "no demo condition pages")
    condition = rows[0].condition
    spanish, _ = Locale.objects.get_or_create(language_code="es")

    def translated(page):
        existing = page.get_translation_or_none(spanish)
        if existing is None:
            existing = page.copy_for_translation(spanish)
            existing.save_revision().publish()
        return existing.specific

    translated(midtown.get_parent().get_parent().specific)
    translated(condition.get_parent().specific)
    condition_es = translated(condition)
    translated(midtown.get_parent().specific)
    midtown_es = translated(midtown)
    assert midtown_es.treated_conditions.first().condition_id == condition.pk  # synchronized
    assert midtown_es.specific in list(clinics_treating(condition_es.specific))
    assert condition_es.pk in [c.pk for c in midtown_es.specific.conditions_treated()]


def test_every_clinic_when_none_lists_conditions():
    from conditions.models import ConditionPage
    from locations.models import LocationCondition

    condition = ConditionPage.objects.live().first()
    require(condition is not None, "no condition pages")
    LocationCondition.objects.all().delete()
    assert list(clinics_treating(condition)) == list(
        LocationPage.objects.live().filter(locale_id=condition.locale_id).order_by("title")
    )


def test_phone_normalization_and_display():
    assert normalize_phone("(212) 555-0101") == "+12125550101"
    assert normalize_phone("1-718-555-0104") == "+17185550104"
    assert normalize_phone("+1 212 555 0101") == "+12125550101"
    for bad in ["555-0101", "(012) 555-0101", "212-155-0101", "phone", "212 555 0101 x1", ""]:
        assert normalize_phone(bad) is None, bad
    assert format_phone("+12125550101") == "(212) 555-0101"


def test_model_validation_normalizes_phone_and_checks_place(midtown):
    midtown.phone = "212.555.0199"
    midtown.full_clean()
    assert midtown.phone == "+12125550199"
    for field, value in [
        ("latitude", Decimal("41.500000")),
        ("longitude", Decimal("-75.000000")),
        ("phone", "12345"),
        ("postal_code", "1001"),
        ("postal_code", "90210"),
        ("postal_code", "11201"),  # a Brooklyn ZIP on a Manhattan clinic
    ]:
        original = getattr(midtown, field)
        setattr(midtown, field, value)
        with pytest.raises(ValidationError) as error:
            midtown.full_clean()
        assert field in error.value.message_dict, (field, value)
        setattr(midtown, field, original)


def test_hours_rows_validate():
    from datetime import time

    from locations.models import HoursException, OpeningHours, SubwayStation

    with pytest.raises(ValidationError):
        OpeningHours(weekday=0, opens=time(18), closes=time(8)).clean()
    with pytest.raises(ValidationError):
        HoursException(label="x", closed=False, opens=time(9)).clean()
    with pytest.raises(ValidationError):
        SubwayStation(station="x", routes="A X9").clean()
    station = SubwayStation(station="x", routes="a, c,e")
    station.clean()
    assert station.routes == "A C E"


class TestEditorRules(WagtailPageTestCase):
    def test_tree_is_locked(self):
        from home.models import HomePage

        self.assertCanCreateAt(HomePage, LocationIndexPage)
        self.assertCanCreateAt(LocationIndexPage, LocationPage)
        self.assertCanNotCreateAt(LocationPage, LocationPage)
        self.assertAllowedSubpageTypes(LocationPage, {})


def test_synchronized_and_translatable_fields():
    from wagtail_localize.fields import (
        SynchronizedField,
        TranslatableField,
        get_translatable_fields,
    )

    fields = {f.field_name: type(f) for f in get_translatable_fields(LocationPage)}
    for name in ("title", "slug", "intro", "body", "search_description", "parking"):
        assert fields[name] is TranslatableField, name
    for name in (
        "phone",
        "email",
        "street_address",
        "postal_code",
        "latitude",
        "longitude",
        "opening_hours",
        "hours_exceptions",
        "team_members",
        "insurance_plans",
    ):
        assert fields[name] is SynchronizedField, name
