"""After the retention period nothing in the database, the mail or the logs holds a
purged patient's name, phone, email or message (locations/appointments/purge.py)."""

import io
import json
import logging
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.log_actions import log

from locations.models import AppointmentRequest
from tests.locations.conftest import clinic_in
from tests.locations.test_appointments import form_data

pytestmark = pytest.mark.django_db

# (language, name, phone as typed, email, message); each phone's digits are unique.
PATIENTS = [
    ("en", "Ptolemy Quince", "(347) 555-9183", "pquince@mail.example", "Knee gives way"),
    ("es", "Ximena Obregón", "+1 ٧١٨ ٥٥٥ ٩٢٧٤", "xobregon@mail.example", "Me duele el martes"),
    ("zh-hans", "欧阳娜娜", "（６４６）５５５－９３６５", "ouyang@mail.example", "肩膀僵硬三周了"),
]
DIGITS = ["3475559183", "7185559274", "6465559365"]


def traces(patient, digits):
    """The strings that would betray a patient, as stored, shown or JSON-escaped."""
    _code, name, _phone, email, message = patient
    shown = f"555-{digits[-4:]}"
    plain = [name, email, message, digits, shown]
    return {text.lower() for value in plain for text in (value, json.dumps(value)[1:-1])}


def like_escaped(text):
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def database_rows_holding(needles):
    """[(table, row)] for every row of every table with a column whose text holds one
    of `needles` (case-insensitive), plus every session whose decoded data does."""
    quote = connection.ops.quote_name
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            columns = connection.introspection.get_table_description(cursor, table)
            tests = [
                f"LOWER(CAST({quote(column.name)} AS TEXT)) LIKE %s ESCAPE '\\'"
                for column in columns
                for _needle in needles
            ]
            cursor.execute(
                f"SELECT * FROM {quote(table)} WHERE {' OR '.join(tests)}",  # noqa: S608 - names from the database
                [f"%{like_escaped(needle)}%" for _column in columns for needle in needles],
            )
            found += [(table, row) for row in cursor.fetchall()]
    for session in Session.objects.all():
        if any(needle in str(session.get_decoded()).lower() for needle in needles):
            found.append(("django_session (decoded)", session.pk))
    return found


def test_the_purge_leaves_no_trace_of_the_patients(
    client, admin_client, page_by_path, settings, caplog
):
    caplog.set_level(logging.INFO)
    started = time.time()
    midtown = page_by_path("/locations/midtown/")
    for patient in PATIENTS:
        code, name, phone, email, message = patient
        clinic = clinic_in(midtown, code)
        data = form_data(clinic, name=name, phone=phone, email=email, reason_other=message)
        response = client.post(clinic.url + "appointment/", data)
        assert response.status_code == 302, response.context["form"].errors
        # What a patient types in the site's search is kept (daily counts) until the purge.
        assert (
            client.get(f"/{code}/search/".replace("/en/", "/"), {"q": message}).status_code == 200
        )
    requests = list(AppointmentRequest.objects.order_by("pk"))
    assert [r.phone for r in requests] == ["+1" + digits for digits in DIGITS]
    needles = set().union(*(traces(p, d) for p, d in zip(PATIENTS, DIGITS, strict=True)))

    # The clinic's tools: exports in both formats, an edit, a deletion, and an audit
    # entry labelled the way entries were before labels stopped naming patients.
    for spreadsheet_format in ("csv", "xlsx"):
        response = admin_client.get(f"/admin/appointment_requests/?export={spreadsheet_format}")
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"Ptolemy Quince" in body or spreadsheet_format == "xlsx"
    edit = reverse("appointment_requests:edit", args=[requests[0].pk])
    notes = {"status": "contacted", "staff_notes": "Called Ptolemy Quince at 347-555-9183"}
    assert admin_client.post(edit, notes).status_code == 302
    delete = reverse("appointment_requests:delete", args=[requests[1].pk])
    assert admin_client.post(delete).status_code == 302
    legacy_label = f"Midtown Manhattan: 欧阳娜娜 ({timezone.now():%Y-%m-%d})"
    log(requests[2], "wagtail.edit", title=legacy_label)

    # The scan sees patients' data where it is (a scan that finds nothing proves nothing).
    before = {table for table, _row in database_rows_holding(needles)}
    searches = "wagtailsearchpromotions_query"
    assert {"locations_appointmentrequest", "wagtailcore_modellogentry", searches} <= before, before

    settings.LOCATIONS_APPOINTMENT_RETENTION_DAYS = 0
    out = io.StringIO()
    call_command("purge_appointment_requests", stdout=out)
    assert "Deleted 2 appointment request(s) older than 0 days." in out.getvalue()

    assert database_rows_holding(needles) == []
    assert AppointmentRequest.objects.count() == 0
    # The audit trail stays, naming nobody.
    assert admin_client.get("/admin/reports/site-history/").status_code == 200
    for message in mail.outbox:
        text = (message.subject + message.body).lower()
        assert not [needle for needle in needles if needle in text]
    logged = caplog.text.lower()
    assert not [needle for needle in needles if needle in logged]
    media = Path(django_settings.MEDIA_ROOT)
    for path in media.rglob("*") if media.exists() else []:
        if path.is_file() and path.stat().st_mtime >= started:
            content = path.read_bytes().decode("utf-8", "replace").lower()
            assert not [needle for needle in needles if needle in content], path


def test_the_purge_drops_search_counts_past_their_period(settings):
    """Search counts go after SEARCH_HITS_MAX_AGE_DAYS, or the appointments' shorter
    retention; marketing's promoted queries stay."""
    today = timezone.now().date()
    promoted = Query.get("back pain")
    SearchPromotion.objects.create(query=promoted, external_link_url="https://example.org/")
    for words, age in [("stiff knee", 91), ("back pain", 91), ("sore neck", 89), ("hip", 0)]:
        Query.get(words).add_hit(date=today - timedelta(days=age))
    settings.LOCATIONS_APPOINTMENT_RETENTION_DAYS = 365
    settings.WAGTAILSEARCH_HITS_MAX_AGE = 90

    out = io.StringIO()
    call_command("purge_appointment_requests", "--dry-run", stdout=out)
    assert "Would delete 2 daily search count(s) older than 90 days." in out.getvalue()
    assert QueryDailyHits.objects.count() >= 4

    call_command("purge_appointment_requests", stdout=out)
    assert "Deleted 2 daily search count(s) older than 90 days." in out.getvalue()
    kept = set(Query.objects.values_list("query_string", flat=True))
    assert {"back pain", "sore neck", "hip"} <= kept and "stiff knee" not in kept
    assert not QueryDailyHits.objects.filter(date__lte=today - timedelta(days=90)).exists()

    settings.LOCATIONS_APPOINTMENT_RETENTION_DAYS = 30  # the shorter period wins
    call_command("purge_appointment_requests", stdout=out)
    assert "Deleted 1 daily search count(s) older than 30 days." in out.getvalue()
    assert not Query.objects.filter(query_string="sore neck").exists()
