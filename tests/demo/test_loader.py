"""The demo loader (demo/loader.py): data files in, the demo site out; rows found again
by their keys, holidays from today on, list items in Wagtail's block format."""

from datetime import date, time
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from conditions.models import ConditionPage
from demo import loader
from locations.models import LocationPage

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)


def test_no_feature_app_or_core_module_holds_demo_code():
    for app in ["cms", "home", "conditions", "locations", "search", "localization"]:
        assert not sorted((ROOT / app).rglob("demo*.py")), app
        assert not (ROOT / app / "demo_translations").exists(), app


def test_holidays_are_this_years_and_next_years_from_today_on():
    rows = loader.holidays(date(2026, 12, 2))
    dates = [row["date"] for row in rows]
    assert dates == sorted(dates) and dates[0] == date(2026, 12, 24)
    assert all(day >= date(2026, 12, 2) for day in dates)
    by_label = {(row["date"].year, row["reason"]): row for row in rows}
    assert by_label[2027, "Memorial Day"]["date"] == date(2027, 5, 31)  # the last Monday
    assert by_label[2027, "Martin Luther King Jr. Day"]["date"] == date(2027, 1, 18)
    thanksgiving = by_label[2027, "Thanksgiving"]
    assert thanksgiving["date"] == date(2027, 11, 25) and thanksgiving["closed"]
    after = by_label[2027, "Day after Thanksgiving"]
    assert after["date"] == date(2027, 11, 26) and not after["closed"]
    assert (after["opens"], after["closes"]) == (time(9), time(14))
    assert len(rows) == 3 + 10  # Christmas Eve, Christmas and New Year's Eve are left


def test_every_clinic_has_the_upcoming_holidays():
    clinic = LocationPage.objects.get(slug="midtown", locale__language_code="en")
    fields = ("date", "reason__name", "label", "closed", "opens", "closes")
    rows = [
        dict(zip((name.replace("__name", "") for name in fields), row, strict=True))
        for row in clinic.hours_exceptions.values_list(*fields)
    ]
    assert rows == loader.holidays(timezone.localdate())


def test_list_items_are_saved_in_block_format():
    # wagtail-localize only extracts list items saved as {"type": "item", "value", "id"}.
    page = ConditionPage.objects.get(slug="neck-spasms", locale__language_code="en")
    for block in page.body.raw_data:
        for name, value in (block["value"] or {}).items():
            if isinstance(value, list):
                for item in value:
                    assert item["type"] == "item" and item["id"], (block["type"], name)


def test_a_reference_to_a_missing_row_says_which(monkeypatch):
    real_read = loader.read

    def read(name):
        data = real_read(name)
        if name == "conditions":
            data[-1]["rows"][0]["body_area"] = "tail"
        return data

    monkeypatch.setattr(loader, "read", read)
    with pytest.raises(loader.DemoDataError, match="conditions.BodyArea 'tail'"):
        loader.load()
