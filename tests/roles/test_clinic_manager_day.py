"""A clinic manager's day in the admin, over HTTP: the "Your clinic" panel, dated
exceptions kept in date order with past ones archived, one title and logo for all."""

from datetime import UTC, date, datetime, time, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import override
from wagtail.users.models import UserProfile

from locations.models import AppointmentRequest, HoursException, LocationPage

pytestmark = pytest.mark.django_db


def test_a_manager_opens_on_their_clinic(login, users, page_by_path):
    midtown = page_by_path("/locations/midtown/")
    AppointmentRequest.objects.create(
        location=midtown,
        clinic_name=midtown.title,
        name="Pat Doe",
        phone="+19175550142",
        contact_method="phone",
        patient_status="new",
        consent_at=timezone.now(),
    )
    body = login(users["manager-midtown"]).get("/admin/").content.decode()
    assert f"Your clinic: {midtown.title}" in body
    panel = body[body.index('data-your-clinic="midtown"') :]
    assert f'href="{midtown.url}"' in panel
    assert f"/admin/pages/{midtown.pk}/edit/" in panel
    assert "data-today-hours" in panel
    new = AppointmentRequest.objects.filter(location=midtown, status="new").count()
    assert f'data-new-requests="{new}"' in panel and new >= 1
    upcoming = [
        e
        for e in midtown.hours_exceptions.all()
        if timezone.localdate() <= e.date <= timezone.localdate() + timedelta(60)
    ]
    assert upcoming
    for exception in upcoming:
        assert escape(exception.label) in panel
    # Only their clinic.
    assert 'data-your-clinic="astoria"' not in body


@pytest.mark.parametrize("username", ["admin", "editor", "moderator", "translator"])
def test_other_roles_get_no_clinic_panel(login, users, username):
    response = login(users[username]).get("/admin/")
    assert response.status_code == 200
    assert "data-your-clinic" not in response.content.decode()


def exception(page, day, label, closed=True):
    return HoursException(
        page=page,
        date=day,
        label=label,
        closed=closed,
        opens=None if closed else time(9),
        closes=None if closed else time(13),
    )


def test_saving_puts_exceptions_in_date_order_and_archives_past_ones(page_by_path):
    midtown = page_by_path("/locations/midtown/")
    today = timezone.localdate()
    before = list(midtown.hours_exceptions.all())
    midtown.hours_exceptions = [
        *before,
        exception(midtown, today + timedelta(40), "Staff training"),
        exception(midtown, today - timedelta(3), "Burst pipe"),
        exception(midtown, today + timedelta(2), "Short day", closed=False),
    ]
    midtown.save_revision().publish()
    live = LocationPage.objects.get(pk=midtown.pk)
    rows = list(live.hours_exceptions.order_by("sort_order"))
    labels = [row.label for row in rows]
    assert "Burst pipe" not in labels
    assert {"Staff training", "Short day"} <= set(labels)
    assert [row.date for row in rows] == sorted(row.date for row in rows)
    assert all(row.date >= today for row in rows)
    # What was there and still to come is kept.
    assert {e.label for e in before if e.date >= today} <= set(labels)


def test_the_daily_command_archives_past_exceptions_in_every_language(monkeypatch):
    today = timezone.localdate()
    clinics = list(LocationPage.objects.live())
    assert {c.locale.language_code for c in clinics} >= {"en", "es"}
    # Ten days ago the editors added a closure for yesterday and one for next week, to
    # each English clinic; its translations carry them by the facts sync.
    monkeypatch.setattr(
        "locations.models.timezone.localdate", lambda: today - timedelta(10), raising=True
    )
    for clinic in [c for c in clinics if c.locale.language_code == "en"]:
        clinic.hours_exceptions = [
            *clinic.hours_exceptions.all(),
            exception(clinic, today - timedelta(1), "Yesterday"),
            exception(clinic, today + timedelta(5), "Next week"),
        ]
        clinic.save_revision().publish()
    monkeypatch.undo()
    # One clinic also has a draft in progress, which stays a draft.
    midtown = LocationPage.objects.get(url_path="/home/locations/midtown/")
    midtown.save_revision()
    # Translations carry their source's rows too (facts sync).
    past = HoursException.objects.filter(date__lt=today, label="Yesterday")
    assert set(past.values_list("page_id", flat=True)) >= {c.pk for c in clinics}

    call_command("archive_past_hours_exceptions", stdout=StringIO())

    assert not HoursException.objects.filter(date__lt=today).exists()
    for clinic in clinics:
        fresh = LocationPage.objects.get(pk=clinic.pk)
        assert "Next week" in [e.label for e in fresh.hours_exceptions.all()]
        if fresh.pk == midtown.pk:
            assert fresh.has_unpublished_changes, "the draft in progress stays a draft"
        elif fresh.locale.language_code == "en":
            assert not fresh.has_unpublished_changes, "published without the past rows"
        draft = fresh.get_latest_revision_as_object()
        assert "Next week" in [e.label for e in draft.hours_exceptions.all()]
        assert all(e.date >= today for e in draft.hours_exceptions.all())
        # The history keeps the archived closure.
        assert fresh.revisions.filter(content__icontains="Yesterday").exists()


def test_one_title_and_logo_for_every_role(client, login, users):
    sign_in = client.get("/admin/login/").content.decode()
    assert "Sign in to Five Boroughs Physical Therapy" in sign_in
    assert "data-admin-logo" in sign_in
    for username in ["admin", "editor", "moderator", "translator", "manager-midtown"]:
        body = login(users[username]).get("/admin/").content.decode()
        assert "data-admin-logo" in body, username
        assert "Five Boroughs Physical Therapy" in body, username
        assert "css/admin" in body, username  # menu labels wrap, never cut off


def test_tidying_counts_what_it_archives(page_by_path):
    midtown = page_by_path("/locations/midtown/")
    midtown.hours_exceptions = [exception(midtown, date(2099, 1, 2), "Far away")]
    assert midtown.tidy_hours_exceptions(today=date(2099, 1, 1)) == 0
    assert midtown.tidy_hours_exceptions(today=date(2099, 1, 3)) == 1


def test_requests_from_every_language_count_and_read_in_new_york_time(
    login, users, page_by_path, translate_page
):
    """A request made on /es/… is stored against the Spanish page: the panel and the
    list count it; staff read every time as New York time with its zone, and the
    patient's choices by their labels in the reader's language."""
    midtown = page_by_path("/locations/midtown/")
    spanish = translate_page(midtown, "es", publish=True)
    english_new = AppointmentRequest.objects.filter(location=midtown, status="new").count()
    request = AppointmentRequest.objects.create(
        location=spanish,
        clinic_name=spanish.title,
        name="Ana Ruiz",
        phone="+19175550143",
        contact_method="phone",
        patient_status="new",
        preferred_times="weekday-mornings, saturdays",
        created_at=datetime(2026, 1, 15, 14, 5, tzinfo=UTC),  # 9:05 in New York (EST)
        consent_at=datetime(2026, 7, 15, 14, 5, tzinfo=UTC),  # 10:05 (EDT)
        language="es",
    )
    manager = users["manager-midtown"]
    client = login(manager)
    panel = client.get("/admin/").content.decode()
    assert f'data-new-requests="{english_new + 1}"' in panel
    listing = client.get(reverse("appointment_requests:index")).content.decode()
    links = [
        reverse(f"appointment_requests:{view}", args=[request.pk]) for view in ("edit", "inspect")
    ]
    assert any(link in listing for link in links)
    assert "9:05 a.m. EST" in listing
    detail = client.get(reverse("appointment_requests:inspect", args=[request.pk])).content.decode()
    assert "9:05 a.m. EST" in detail and "10:05 a.m. EDT" in detail
    assert "Weekday mornings, Saturdays" in detail
    assert "weekday-mornings" not in detail
    # The same request read by a manager whose admin is in Spanish.
    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = "es"
    profile.save()
    detail = client.get(reverse("appointment_requests:inspect", args=[request.pk])).content.decode()
    with override("es"):
        mornings = str(AppointmentRequest.PreferredTime.WEEKDAY_MORNINGS.label)
    assert mornings != "Weekday mornings" and mornings in detail
    assert "EST" in detail
