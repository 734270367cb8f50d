"""Two-factor sign-in for the admin, enforced when TWO_FACTOR_REQUIRED is on."""

import pytest
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

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


def test_setup_shows_a_self_hosted_qr_code_and_confirms_with_a_code(client, editor):
    client.force_login(editor)
    page = client.get("/admin/2fa/setup/?next=/admin/pages/")
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
