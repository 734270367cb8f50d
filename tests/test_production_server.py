"""Production settings under a real gunicorn: migrate, load the demo, collect static
files, start the server, and request every URL of the contract over HTTP."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path

import dj_database_url
import pytest

from tests.conftest import ROOT, run_manage

CONTRACT_PATHS = [
    "/",
    "/conditions/",
    "/conditions/neck-spasms/",
    "/locations/",
    "/locations/midtown/",
    "/search/?q=neck",
    "/sitemap.xml",
    "/robots.txt",
    "/healthz",
    "/admin/login/",
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def scratch_database(tmp_path):
    """A database of its own: a fresh PostgreSQL database when the suite runs on
    PostgreSQL, else an SQLite file."""
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith("postgres"):
        yield f"sqlite:///{tmp_path / 'smoke.sqlite3'}"
        return
    import psycopg

    config = dj_database_url.parse(base_url)
    name = f"smoke_{uuid.uuid4().hex[:10]}"
    admin = psycopg.connect(
        host=config["HOST"],
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"] or None,
        dbname=config["NAME"],
        autocommit=True,
    )
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield re.sub(r"/[^/]*$", f"/{name}", base_url)
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - loopback only
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("production")
    with scratch_database(tmp_path) as database_url:
        env = {
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": "smoke-test-" + uuid.uuid4().hex,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": database_url,
            "STATIC_ROOT": str(tmp_path / "static"),
            "MEDIA_ROOT": str(tmp_path / "media"),
        }
        for command in (
            ["migrate", "--noinput"],
            ["load_demo_content"],
            ["collectstatic", "--noinput"],
        ):
            result = run_manage(*command, env=env, timeout=300)
            assert result.returncode == 0, result.stderr
        port = free_port()
        server = subprocess.Popen(  # noqa: S603
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "cms.wsgi:application",
                "--config",
                str(ROOT / "gunicorn.conf.py"),
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
            ],
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                try:
                    if fetch(base + "/healthz")[0] == 200:
                        break
                except OSError:
                    time.sleep(0.2)
            else:
                pytest.fail("gunicorn did not start")
            yield base
        finally:
            server.terminate()
            server.wait(timeout=15)


@pytest.mark.parametrize("path", CONTRACT_PATHS)
def test_contract_urls_answer_200_under_production_settings(production_server, path):
    status, _body = fetch(production_server + path, {"X-Forwarded-Proto": "https"})
    assert status == 200


def test_plain_http_is_redirected_to_https(production_server):
    request = urllib.request.Request(production_server + "/conditions/")  # noqa: S310

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

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
