"""The mail server fails: the request is saved, the patient sees success, and the
notification goes out later through retry_appointment_notifications."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from locations.models import AppointmentRequest
from tests.locations.test_appointments import form_data
from tests.servers import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def midtown(page_by_path):
    return page_by_path("/locations/midtown/")


def test_failed_notification_is_kept_and_retried(client, midtown):
    # A real SMTP connection to a loopback port where nothing listens.
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=free_port(),
        EMAIL_TIMEOUT=2,
    ):
        response = client.post(midtown.appointment_url(), form_data(midtown))
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    saved = AppointmentRequest.objects.get()
    assert saved.notified_at is None

    call_command("retry_appointment_notifications", "--older-than-minutes", "0", verbosity=0)
    saved.refresh_from_db()
    assert saved.notified_at is not None
    assert len(mail.outbox) == 1
    assert "Pat Example" not in mail.outbox[0].body
    assert midtown.email in mail.outbox[0].to

    call_command("retry_appointment_notifications", "--older-than-minutes", "0", verbosity=0)
    assert len(mail.outbox) == 1, "a sent notification is not sent again"


def test_retry_leaves_fresh_requests_to_the_first_attempt(client, midtown):
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=free_port(),
        EMAIL_TIMEOUT=2,
    ):
        client.post(midtown.appointment_url(), form_data(midtown))
    call_command("retry_appointment_notifications", verbosity=0)
    assert len(mail.outbox) == 0
