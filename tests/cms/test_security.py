"""Security headers, login throttling and the deployment checklist."""

import secrets

import pytest

from tests.conftest import run_manage

pytestmark = pytest.mark.django_db


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_public_pages_send_a_strict_content_security_policy(client):
    response = client.get("/conditions/neck-spasms/")
    directives = csp_directives(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    # No third-party origin anywhere in the policy.
    for sources in directives.values():
        for source in sources:
            assert source.startswith("'") or source in {"data:"}, source


def test_public_pages_have_no_inline_script_to_allow(client):
    body = client.get("/conditions/neck-spasms/").content.decode()
    import re

    for tag in re.findall(r"<script\b[^>]*>", body):
        assert "src=" in tag or 'type="application/ld+json"' in tag, tag


PERMISSIONS_POLICY = {
    "geolocation=(self)",
    "camera=()",
    "microphone=()",
    "payment=()",
    "usb=()",
    "browsing-topics=()",
}


def test_every_response_carries_the_security_headers(client):
    for url in ["/", "/healthz", "/no-such-page/", "/robots.txt"]:
        response = client.get(url)
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        # Geolocation for this site's own "Use my location" button; the rest off.
        assert set(response["Permissions-Policy"].split(", ")) == PERMISSIONS_POLICY, url
        assert response["X-Frame-Options"] == "DENY"
        assert "Content-Security-Policy" in response


def test_admin_gets_its_own_wider_policy_that_still_names_no_other_origin(admin_client):
    response = admin_client.get("/admin/")
    directives = csp_directives(response)
    assert "'unsafe-inline'" in directives["script-src"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert all("http" not in s for sources in directives.values() for s in sources)


def test_login_is_locked_after_five_failures_with_a_clear_message(client, django_user_model):
    django_user_model.objects.create_user("editor-x", password="right-password-123", is_staff=True)
    for _ in range(5):
        response = client.post(
            "/admin/login/", {"username": "editor-x", "password": "wrong-password"}
        )
        assert response.status_code in (200, 429)
    response = client.post(
        "/admin/login/", {"username": "editor-x", "password": "right-password-123"}
    )
    assert response.status_code == 429
    assert b"Sign-in temporarily locked" in response.content
    assert "_auth_user_id" not in client.session


def test_a_successful_login_still_works_below_the_limit(client, django_user_model):
    django_user_model.objects.create_user("editor-y", password="right-password-123", is_staff=True)
    client.post("/admin/login/", {"username": "editor-y", "password": "wrong"})
    response = client.post(
        "/admin/login/", {"username": "editor-y", "password": "right-password-123"}
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_password_validators_refuse_short_passwords():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("short1")


def test_check_deploy_under_production_settings_reports_nothing():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
        },
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_cookies_are_secure_and_http_only():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY,"
        " s.SESSION_COOKIE_SAMESITE, s.SECURE_HSTS_SECONDS > 0)",
        env={"DJANGO_SETTINGS_MODULE": "cms.settings.production", "SECRET_KEY": "k" * 50},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True True True Lax True"
