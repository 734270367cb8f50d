"""Appointment requests: the form, validation, spam guards, saving before email,
the notification, and the purge command."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from locations.models import AppointmentRequest
from tests.locations.conftest import clinic_in
from tests.require import require

pytestmark = pytest.mark.django_db


@pytest.fixture
def condition(page_by_path, midtown):
    rows = list(midtown.treated_conditions.select_related("condition"))
    require(rows, "no demo condition pages")
    return rows[0].condition


def form_data(midtown, **overrides):
    # The plan as the page's language lists it (its translation, when there is one).
    insurance = midtown.insurance_list()[0]
    data = {
        "name": "Pat Example",
        "phone": "(917) 555-0142",
        "email": "",
        "contact_method": "phone",
        "preferred_times": ["weekday-mornings"],
        "reason": "other",
        "reason_other": "Stiff shoulder",
        "insurance": str(insurance.pk),
        "insurance_other": "",
        "patient_status": "new",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_location_page_links_to_the_form(client, midtown):
    html = client.get(midtown.url).content.decode()
    assert f'href="{midtown.url}appointment/"' in html


def test_form_renders_with_csrf_and_privacy_notice(client, midtown):
    response = client.get(midtown.url + "appointment/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "csrfmiddlewaretoken" in html
    assert "Your privacy" in html
    assert 'name="website"' in html and 'aria-hidden="true"' in html
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_condition_is_preselected_from_the_condition_page_link(client, midtown, condition):
    url = midtown.appointment_url(condition)
    assert url == f"{midtown.url}appointment/?condition={condition.pk}"
    response = client.get(url)
    assert response.context["form"].initial["reason"] == str(condition.pk)
    assert f'<option value="{condition.pk}" selected>' in response.content.decode()


def test_unknown_or_garbage_condition_parameter_is_ignored(client, midtown):
    for value in ["999999", "abc", "<b>", ""]:
        response = client.get(midtown.url + "appointment/", {"condition": value})
        assert response.status_code == 200
        assert "reason" not in response.context["form"].initial


def test_valid_request_is_saved_and_the_clinic_notified(client, midtown, condition):
    data = form_data(midtown, reason=str(condition.pk), reason_other="")
    response = client.post(midtown.url + "appointment/", data)
    assert response.status_code == 302
    assert response["Location"] == midtown.url + "appointment/thanks/"
    saved = AppointmentRequest.objects.get()
    assert saved.location_id == midtown.pk
    assert saved.phone == "+19175550142"
    assert saved.condition_id == condition.pk
    assert saved.notified_at is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [midtown.email]
    body = message.subject + message.body
    assert f"http://testserver/admin/appointment_requests/inspect/{saved.pk}/" in body
    # No health details, and no patient identity, in the email.
    for secret in [condition.title, "Pat Example", "555-0142", saved.insurance.name]:
        assert secret not in body
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    text = thanks.content.decode()
    assert "<h1>Thank you, we have your request</h1>" in text
    assert f"The team at {midtown.title} will contact you" in text


def test_the_request_is_in_the_database_when_the_clinic_is_emailed(client, midtown, settings):
    from tests.locations.mail_backend import DatabaseSnapshotBackend

    settings.EMAIL_BACKEND = "tests.locations.mail_backend.DatabaseSnapshotBackend"
    DatabaseSnapshotBackend.snapshots = []
    response = client.post(midtown.url + "appointment/", form_data(midtown))
    assert response.status_code == 302
    saved = AppointmentRequest.objects.get()
    assert DatabaseSnapshotBackend.snapshots == [[(saved.pk, "Pat Example", saved.phone)]]
    assert len(mail.outbox) == 1


def test_request_is_kept_when_email_fails(client, midtown):
    with mock.patch(
        "locations.appointments.notification.send_mail", side_effect=OSError("SMTP down")
    ):
        response = client.post(midtown.url + "appointment/", form_data(midtown))
    assert response.status_code == 302
    saved = AppointmentRequest.objects.get()
    assert saved.name == "Pat Example"
    assert saved.notified_at is None


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": "  "}, "name"),
        ({"phone": "555"}, "phone"),
        ({"phone": "(012) 555-0100"}, "phone"),
        ({"phone": "call me"}, "phone"),
        ({"email": "not-an-email"}, "email"),
        ({"contact_method": "email", "email": ""}, "email"),
        ({"contact_method": "pigeon"}, "contact_method"),
        ({"preferred_times": ["midnight"]}, "preferred_times"),
        ({"reason": ""}, "reason"),
        ({"reason": "123456789"}, "reason"),
        ({"reason": "other", "reason_other": ""}, "reason_other"),
        ({"insurance": ""}, "insurance"),
        ({"patient_status": None}, "patient_status"),
        ({"consent": None}, "consent"),
        ({"name": "x" * 500}, "name"),
    ],
)
def test_invalid_input_gets_a_message_next_to_the_field(client, midtown, overrides, field):
    response = client.post(midtown.url + "appointment/", form_data(midtown, **overrides))
    assert response.status_code == 400
    form = response.context["form"]
    assert field in form.errors
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html or f'id="id_{field}_0_error"' in html
    assert "Please correct the fields marked below." in html
    assert not AppointmentRequest.objects.exists()


def test_markup_in_input_is_escaped_on_redisplay(client, midtown):
    response = client.post(
        midtown.url + "appointment/", form_data(midtown, name="<script>x</script>", phone="1")
    )
    assert "<script>x</script>" not in response.content.decode()


def test_csrf_is_enforced(midtown):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(midtown.url + "appointment/", form_data(midtown))
    assert response.status_code == 403
    assert not AppointmentRequest.objects.exists()


def test_honeypot_looks_like_success_but_keeps_nothing(client, midtown):
    response = client.post(
        midtown.url + "appointment/", form_data(midtown, website="http://spam.example")
    )
    assert response.status_code == 302
    assert not AppointmentRequest.objects.exists()
    assert not mail.outbox


def test_rate_limit_per_client_address(client, midtown, settings):
    settings.LOCATIONS_APPOINTMENT_RATE_LIMIT = (3, 3600)
    url = midtown.url + "appointment/"
    for _ in range(3):
        assert client.post(url, form_data(midtown), REMOTE_ADDR="203.0.113.5").status_code == 302
    blocked = client.post(url, form_data(midtown), REMOTE_ADDR="203.0.113.5")
    assert blocked.status_code == 429
    assert 0 < int(blocked["Retry-After"]) <= 3600
    assert "several requests" in blocked.content.decode()
    assert AppointmentRequest.objects.count() == 3
    # Another address is not affected.
    assert client.post(url, form_data(midtown), REMOTE_ADDR="203.0.113.9").status_code == 302


def test_a_form_sent_back_with_mistakes_does_not_use_up_the_limit(client, midtown, settings):
    settings.LOCATIONS_APPOINTMENT_RATE_LIMIT = (1, 3600)
    url = midtown.url + "appointment/"
    for _ in range(3):
        assert (
            client.post(url, form_data(midtown, name=""), REMOTE_ADDR="203.0.113.6").status_code
            == 400
        )
    assert client.post(url, form_data(midtown), REMOTE_ADDR="203.0.113.6").status_code == 302
    assert client.post(url, form_data(midtown), REMOTE_ADDR="203.0.113.6").status_code == 429


def test_purge_removes_only_old_requests(client, midtown, settings):
    client.post(midtown.url + "appointment/", form_data(midtown))
    client.post(midtown.url + "appointment/", form_data(midtown))
    old, new = AppointmentRequest.objects.order_by("pk")
    AppointmentRequest.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=40)
    )
    settings.LOCATIONS_APPOINTMENT_RETENTION_DAYS = 30
    call_command("purge_appointment_requests", verbosity=0)
    assert list(AppointmentRequest.objects.values_list("pk", flat=True)) == [new.pk]
    call_command("purge_appointment_requests", "--days", "1", verbosity=0)
    assert AppointmentRequest.objects.count() == 1


def test_appointment_pages_never_500_on_other_methods(client, midtown):
    assert client.put(midtown.url + "appointment/").status_code < 500
    assert client.get(midtown.url + "appointment/nope/").status_code == 404


@pytest.mark.parametrize(
    "typed",
    [
        "+1 ٢١٢ ٥٥٥ ٠١٠١",  # Arabic-Indic digits
        "۲۱۲-۵۵۵-۰۱۰۱",  # Extended Arabic-Indic (Urdu keyboards)
        "＋１ （２１２） ５５５－０１０１",  # fullwidth (Chinese, Korean keyboards)
        "২১২ ৫৫৫ ০১০১",  # Bengali digits
        "\u200e(212) 555-0101\u200e",  # direction marks pasted with the number
    ],
)
def test_a_phone_in_any_digits_is_stored_in_ascii(client, midtown, typed):
    response = client.post(midtown.url + "appointment/", form_data(midtown, phone=typed))
    assert response.status_code == 302
    assert AppointmentRequest.objects.get().phone == "+12125550101"


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("en", "This has only invisible characters. Please type it again."),
        ("es", "Solo hay caracteres invisibles. Escríbalo de nuevo."),
        ("ar", "لا يحتوي هذا إلا على أحرف غير مرئية. يُرجى كتابته مرة أخرى."),
    ],
)
def test_invisible_only_text_is_refused_in_the_pages_language(client, midtown, code, message):
    clinic = clinic_in(midtown, code)
    for field, invisible in [("name", "\u200b\ufeff"), ("reason_other", "\u2800\u200d\u202e")]:
        response = client.post(clinic.url + "appointment/", form_data(clinic, **{field: invisible}))
        assert response.status_code == 400
        assert response.context["form"].errors == {field: [message]}
        assert message in response.content.decode()
    assert not AppointmentRequest.objects.exists()


def test_staff_read_what_the_patient_typed_minus_bidi_controls(client, midtown):
    typed = {
        "name": "Pat \u202eelpmaxE\u202c \u2067Ng\u2069",
        "reason_other": "\u200fكتف\u200f stiff \u061c\u200dshoulder",
        "email": "pat@\u202eexample.com",
    }
    response = client.post(midtown.url + "appointment/", form_data(midtown, **typed))
    assert response.status_code == 302
    saved = AppointmentRequest.objects.get()
    assert (saved.name, saved.reason_other, saved.email) == (
        "Pat elpmaxE Ng",
        "كتف stiff \u200dshoulder",  # the joiner is part of what was typed
        "pat@example.com",
    )
