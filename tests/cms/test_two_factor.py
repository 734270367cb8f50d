"""Two-factor sign-in for the admin, enforced when TWO_FACTOR_REQUIRED is on: enrolment
of the app with an administrator's code, then a code from the app at each sign-in."""

import io
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

from cms.security import enrolment, enrolment_admin, two_factor
from cms.security.enrolment import EnrolmentCode

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("two_factor_on")]


@pytest.fixture
def two_factor_on():
    with override_settings(TWO_FACTOR_REQUIRED=True):
        yield


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("doc", "doc@example.com", "pw-2fa-tests!")


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_signed_in_editor_without_an_app_is_sent_to_set_one_up(client, editor):
    client.force_login(editor)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/setup/?next=/admin/pages/")


def enrolment_code(user, **kwargs):
    return enrolment.issue(user, **kwargs)[0]


def test_setup_shows_a_self_hosted_qr_code_and_confirms_with_a_code(client, editor):
    client.force_login(editor)
    code = enrolment_code(editor)
    entered = client.post("/admin/2fa/setup/", {"code": code.lower(), "next": "/admin/pages/"})
    assert entered.status_code == 302
    page = client.get(entered["Location"])
    assert page.status_code == 200
    body = page.content.decode()
    assert 'src="data:image/svg+xml;base64,' in body
    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed

    wrong = client.post("/admin/2fa/setup/", {"token": "000000", "next": "/admin/pages/"})
    assert wrong.status_code == 200
    assert "not right" in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert device.throttling_failure_count == 1
    device.throttle_reset()  # the throttle's one-second wait, without sleeping

    right = client.post(
        "/admin/2fa/setup/", {"token": current_code(device), "next": "/admin/pages/"}
    )
    assert right.status_code == 302
    assert right["Location"] == "/admin/pages/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/pages/").status_code == 200
    assert EnrolmentCode.objects.get(user=editor).used_at is not None


# --- Enrolment needs more than the password ---------------------------------------


def test_a_password_alone_cannot_enrol_an_app(client, editor):
    client.force_login(editor)  # someone holding the leaked password
    page = client.get("/admin/2fa/setup/?next=/admin/")
    body = page.content.decode()
    assert page.status_code == 200
    assert 'name="code"' in body and "data:image/svg+xml" not in body
    assert not TOTPDevice.objects.filter(user=editor).exists()
    # Straight to the app's code, skipping the enrolment code: still the code form.
    sneaked = client.post("/admin/2fa/setup/", {"token": "123456", "next": "/admin/"})
    assert 'name="code"' in sneaked.content.decode()
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/setup/")


@pytest.mark.parametrize("problem", ["wrong", "used", "expired", "someone else's"])
def test_a_bad_enrolment_code_is_refused_in_the_admins_language(
    client, editor, django_user_model, problem
):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "es"
    profile.save()
    code = enrolment_code(editor)
    if problem == "wrong":
        code = "ABCD-EFGH-JKLM"
    elif problem == "used":
        EnrolmentCode.objects.filter(user=editor).update(used_at=timezone.now())
    elif problem == "expired":
        EnrolmentCode.objects.filter(user=editor).update(expires_at=timezone.now())
    else:
        other = django_user_model.objects.create_superuser(
            "other", "o@example.com", "pw-other-2fa!"
        )
        code = enrolment_code(other)
    client.force_login(editor)
    response = client.post("/admin/2fa/setup/", {"code": code, "next": "/admin/"})
    assert response.status_code == 200
    reason = {"used": enrolment.USED, "expired": enrolment.EXPIRED}.get(problem, enrolment.WRONG)
    with override("es"):
        message = str(two_factor.EnrolmentCodeForm.REFUSALS[reason])
    assert message != str(two_factor.EnrolmentCodeForm.REFUSALS[reason])  # translated
    assert message in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_a_code_works_once_and_a_new_one_cancels_the_old(client, editor):
    first = enrolment_code(editor)
    second = enrolment_code(editor)
    client.force_login(editor)
    refused = client.post("/admin/2fa/setup/", {"code": first})
    assert refused.status_code == 200 and "not right" in refused.content.decode()
    enrol(client, second)
    client.logout()
    client.force_login(editor)
    again = client.post("/admin/2fa/setup/", {"code": second})
    assert "already been used" in again.content.decode()


def test_a_code_that_expires_before_the_app_is_confirmed_enrols_nothing(client, editor):
    client.force_login(editor)
    client.post("/admin/2fa/setup/", {"code": enrolment_code(editor)})
    client.get("/admin/2fa/setup/")  # the QR code
    device = TOTPDevice.objects.get(user=editor)
    EnrolmentCode.objects.filter(user=editor).update(expires_at=timezone.now())
    response = client.post("/admin/2fa/setup/", {"token": current_code(device)})
    assert response.status_code == 200 and 'name="code"' in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed


def enrol(client, code, next_url="/admin/"):
    """Enter the enrolment code, then the new app's first code."""
    accepted = client.post("/admin/2fa/setup/", {"code": code})
    assert accepted["Location"].startswith("/admin/2fa/setup/")
    assert "data:image/svg+xml" in client.get(accepted["Location"]).content.decode()
    device = TOTPDevice.objects.get(user=client.session["_auth_user_id"], confirmed=False)
    response = client.post("/admin/2fa/setup/", {"token": current_code(device), "next": next_url})
    assert response.status_code == 302, response.content.decode()[:500]
    return device


def test_a_new_phone_replaces_the_old_app_with_a_code(client, editor):
    old = TOTPDevice.objects.create(user=editor, name="old phone", confirmed=True)
    client.force_login(editor)
    verify = client.get("/admin/2fa/verify/?next=/admin/")
    assert 'href="/admin/2fa/setup/?next=/admin/"' in verify.content.decode()
    new = enrol(client, enrolment_code(editor))
    assert list(TOTPDevice.objects.filter(user=editor)) == [new]
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    assert client.get("/admin/").status_code == 200


def signed_in_with_both_steps(client, user):
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client.force_login(user)
    client.post("/admin/2fa/verify/", {"token": current_code(device)})
    return client


def test_an_administrator_issues_a_code_from_the_admin(client, editor, django_user_model):
    newcomer = django_user_model.objects.create_user("newcomer", "n@example.com", "pw-newcomer-2fa")
    signed_in_with_both_steps(client, editor)
    url = reverse(enrolment_admin.URL_NAME, args=[newcomer.pk])
    listing = client.get(reverse("wagtailusers_users:index"))
    assert url in listing.content.decode()
    page = client.get(url)
    assert (
        page.status_code == 200 and "has not set up an authenticator app" in page.content.decode()
    )

    issued = client.post(url)
    assert issued.status_code == 200
    assert "no-store" in issued["Cache-Control"]
    code = re.search(r'id="enrolment-code">([A-Z0-9-]+)<', issued.content.decode()).group(1)
    record = EnrolmentCode.objects.get(user=newcomer)
    assert record.issued_by == editor
    stored = str(EnrolmentCode.objects.filter(pk=record.pk).values().get()).upper()
    assert code.replace("-", "") not in stored  # only its keyed hash is kept
    hours = (record.expires_at - record.created_at).total_seconds() / 3600
    assert hours == pytest.approx(24, abs=0.01)

    newcomer.groups.add(Group.objects.get(name="Marketing editors"))
    other = Client()
    other.force_login(newcomer)
    enrol(other, code)
    assert other.get("/admin/").status_code == 200


def assert_turned_away(response):
    """The admin's answer to a permission refused: back to the dashboard, with a message."""
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_only_administrators_issue_codes(client, editor, django_user_model):
    user_admin = django_user_model.objects.create_user("useradmin", password="pw-useradmin-2fa")
    user_admin.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_user"),
    )
    staff = django_user_model.objects.create_user("staff", password="pw-staff-2fa-123")
    signed_in_with_both_steps(client, user_admin)
    assert client.get(reverse(enrolment_admin.URL_NAME, args=[staff.pk])).status_code == 200
    # A superuser's code comes from a superuser.
    superuser_url = reverse(enrolment_admin.URL_NAME, args=[editor.pk])
    assert_turned_away(client.post(superuser_url))
    assert not EnrolmentCode.objects.filter(user=editor).exists()

    editor_role = django_user_model.objects.create_user("plain", password="pw-plain-2fa-123")
    editor_role.groups.add(Group.objects.get(name="Marketing editors"))
    other = signed_in_with_both_steps(Client(), editor_role)
    assert_turned_away(other.post(reverse(enrolment_admin.URL_NAME, args=[staff.pk])))
    assert not EnrolmentCode.objects.filter(user=staff).exists()


def test_the_first_administrator_gets_a_code_from_the_command(client, editor):
    out = io.StringIO()
    call_command("issue_enrolment_code", "doc", "--hours", "2", stdout=out)
    code = out.getvalue().strip().splitlines()[-1]
    record = EnrolmentCode.objects.get(user=editor)
    assert (record.expires_at - record.created_at).total_seconds() == pytest.approx(7200, abs=5)
    client.force_login(editor)
    enrol(client, code)
    assert client.get("/admin/").status_code == 200
    with pytest.raises(CommandError, match="No account"):
        call_command("issue_enrolment_code", "nobody")


def test_each_new_sign_in_asks_for_a_code(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    client.force_login(editor)
    response = client.get("/admin/")
    assert response["Location"].startswith("/admin/2fa/verify/")
    refused = client.post("/admin/2fa/verify/", {"token": "123"})
    assert refused.status_code == 200
    assert "six digits" in refused.content.decode()
    response = client.post("/admin/2fa/verify/", {"token": current_code(device), "next": "/admin/"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_verify_never_redirects_off_site(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    client.force_login(editor)
    response = client.post(
        "/admin/2fa/verify/", {"token": current_code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_public_pages_do_not_ask_for_a_code(client, editor):
    client.force_login(editor)
    assert client.get("/conditions/").status_code == 200
    assert client.get("/no-such-page/").status_code == 404


def test_anonymous_visitors_reach_the_login_page(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_production_enforces_two_factor():
    from tests.conftest import run_manage

    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.TWO_FACTOR_REQUIRED)",
        env={"DJANGO_SETTINGS_MODULE": "cms.settings.production", "SECRET_KEY": "k" * 50},
    )
    assert result.stdout.strip().splitlines()[-1] == "True"
