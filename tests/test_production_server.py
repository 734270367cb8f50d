"""Production settings under a real gunicorn: the demo site with its collected static
files (a copy of the run's prepared site, tests/servers.py), served; every URL of the
contract requested over HTTP, and a sign-in to the admin the way an editor does
(password, then the authenticator app's code)."""

import re
import time
import urllib.error
import urllib.request

import pytest

from tests.contract import CONTRACT_PATHS, check_contract_page
from tests.servers import (
    BrowserSession,
    NoRedirect,
    fetch,
    gunicorn,
    prepare_site,
    production_env,
    run_manage,
    scratch_database,
)


@pytest.fixture(scope="module")
def production_site(tmp_path_factory, loaded_demo):
    tmp_path = tmp_path_factory.mktemp("production")
    with scratch_database(tmp_path) as database_url:
        # Two-factor sign-in on, as production has it by default.
        env = production_env(tmp_path, database_url, TWO_FACTOR_REQUIRED="true")
        prepare_site(env)
        with gunicorn(env, tmp_path / "gunicorn.log") as base:
            yield {"base": base, "env": env}


@pytest.fixture(scope="module")
def production_server(production_site):
    return production_site["base"]


@pytest.mark.parametrize("path", CONTRACT_PATHS)
def test_contract_urls_answer_with_their_pages_under_production_settings(production_server, path):
    status, body = fetch(production_server + path, {"X-Forwarded-Proto": "https"})
    assert status == 200
    check_contract_page(path, body)


def test_plain_http_is_redirected_to_https(production_server):
    request = urllib.request.Request(production_server + "/conditions/")  # noqa: S310

    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as error:
        opener.open(request, timeout=10)
    assert error.value.code == 301
    assert error.value.headers["Location"].startswith("https://")


def test_static_files_are_served_hashed_and_compressed(production_server):
    status, body = fetch(production_server + "/conditions/", {"X-Forwarded-Proto": "https"})
    match = re.search(rb'href="(/static/css/site\.[0-9a-f]{12}\.css)"', body)
    assert match, "stylesheet link is not content-hashed"
    request = urllib.request.Request(  # noqa: S310
        production_server + match.group(1).decode(),
        headers={"Accept-Encoding": "gzip", "X-Forwarded-Proto": "https"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        assert response.status == 200
        assert response.headers["Content-Encoding"] == "gzip"
        assert "immutable" in response.headers["Cache-Control"]


def test_unknown_url_is_the_sites_404_not_a_traceback(production_server):
    status, body = fetch(production_server + "/no-such-page/", {"X-Forwarded-Proto": "https"})
    assert status == 404
    assert b"Page not found" in body
    assert b"Traceback" not in body


def test_an_over_long_url_gets_the_sites_own_414(production_server):
    """Over the app's limit (MAX_URL_LENGTH): the site's page in the URL's language;
    over gunicorn's limit on the request line (8190 bytes): gunicorn's short page."""
    https = {"X-Forwarded-Proto": "https"}
    status, body = fetch(production_server + "/es/ubicaciones/?q=" + "x" * 6000, https)
    assert status == 414
    assert b'<html lang="es"' in body and b"gunicorn" not in body.lower()
    status, body = fetch(production_server + "/?q=" + "x" * 9000, https)
    assert status == 414 and b"URI Too Long" in body and len(body) < 1000


# --- Signing in to the admin -------------------------------------------------------

EDITOR = ("editor-2fa", "a-long-test-password-2fa")
NEW_EDITOR = (
    "from django.contrib.auth import get_user_model; "
    "from django_otp.plugins.otp_totp.models import TOTPDevice; "
    "user = get_user_model().objects.create_superuser({0!r}, 'e@example.com', {1!r}); "
    "print(TOTPDevice.objects.create(user=user, name='phone', confirmed=True).key)"
)


def app_code(hex_key, drift=0):
    """The six digits the editor's authenticator app shows for this key (`drift` time
    steps of 30 seconds away from now)."""
    from django_otp.oath import totp

    return f"{totp(bytes.fromhex(hex_key), step=30, t0=0, digits=6, drift=drift):06d}"


def test_an_editor_signs_in_with_password_then_code(production_site):
    result = run_manage("shell", "-c", NEW_EDITOR.format(*EDITOR), env=production_site["env"])
    assert result.returncode == 0, result.stderr
    key = result.stdout.strip().splitlines()[-1]
    session = BrowserSession(production_site["base"])

    status, location, _body = session.request("/admin/")
    assert (status, location) == (302, "/admin/login/?next=/admin/")

    # A wrong password gets nowhere.
    status, _location, body = session.submit(
        "/admin/login/?next=/admin/",
        {"username": EDITOR[0], "password": "wrong", "next": "/admin/"},
    )
    assert status == 200 and 'name="password"' in body
    assert session.request("/admin/")[:2] == (302, "/admin/login/?next=/admin/")

    # The password alone opens nothing but the code step.
    username, password = EDITOR
    fields = {"username": username, "password": password, "next": "/admin/"}
    status, location, _body = session.submit("/admin/login/?next=/admin/", fields)
    assert (status, location) == (302, "/admin/")
    status, location, _body = session.request("/admin/")
    assert status == 302 and location.startswith("/admin/2fa/verify/"), location
    assert session.request("/admin/pages/")[0] == 302

    # A code from another time window is refused.
    stale = app_code(key, drift=-20)  # ten minutes old
    status, _location, body = session.submit(location, {"token": stale, "next": "/admin/"})
    assert status == 200 and "Confirm your sign-in" in body
    assert session.request("/admin/")[0] == 302
    time.sleep(1.5)  # django-otp's throttle after one failure

    status, after, _body = session.submit(location, {"token": app_code(key), "next": "/admin/"})
    assert (status, after) == (302, "/admin/")
    status, _location, body = session.request("/admin/")
    assert status == 200, body[:500]
    assert "Dashboard" in body and 'name="password"' not in body
