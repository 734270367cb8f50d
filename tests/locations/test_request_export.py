"""Exporting appointment requests: a manager's export holds only their clinic's
requests, and every exported request is written to Wagtail's audit log."""

import pytest
from wagtail.models import ModelLogEntry

from locations.appointments.admin import EXPORT_ACTION
from tests.locations.test_permissions import requests_at, staff_user  # noqa: F401

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
