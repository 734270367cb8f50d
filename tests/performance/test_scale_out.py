"""Two app servers, one PostgreSQL and one Redis: a change published through the
admin of one instance is served by the other on its very next request, although
both had the page in their full-page cache. Needs PostgreSQL (make test-postgres)
and Debian's redis-server (started here on a free loopback port; .ci/run installs it).
"""

import os
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.require import require
from tests.servers import (
    free_port,
    gunicorn,
    prepare_site,
    production_env,
    run_manage,
    scratch_database,
)

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="needs PostgreSQL (make test-postgres): app servers share one database",
)

HTTPS = {"X-Forwarded-Proto": "https"}
PASSWORD = "scale-out-admin-pw-1"  # noqa: S105 - a throwaway test database


@pytest.fixture
def redis_url(tmp_path):
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    require(
        os.path.exists(binary), "redis-server is missing (Debian: apt-get install redis-server)"
    )
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - fixed program and arguments
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        import redis

        client = redis.Redis(host="127.0.0.1", port=port)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class AdminClient:
    """A staff browser for one server: keeps its cookies (secure ones included: the
    proxy header makes the app treat the loopback connection as HTTPS)."""

    def __init__(self, base):
        self.base = base
        self.cookies = {}
        self.opener = urllib.request.build_opener(_NoRedirect)

    def request(self, path, data=None):
        headers = {**HTTPS, "Origin": "https://" + self.base.split("://", 1)[1]}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers=headers)  # noqa: S310
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name.strip()] = value.strip()
        return response.status, response.read().decode()

    def csrf_token(self, html):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def log_in(self, username, password):
        _status, html = self.request("/admin/login/")
        status, _html = self.request(
            "/admin/login/",
            {
                "csrfmiddlewaretoken": self.csrf_token(html),
                "username": username,
                "password": password,
                "next": "/admin/",
            },
        )
        assert status == 302, "signed in"


def public_get(base, path):
    request = urllib.request.Request(base + path, headers=HTTPS)  # noqa: S310 - loopback
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.headers.get("X-Page-Cache"), response.read().decode()


def test_publishing_through_one_server_shows_on_the_other_at_once(tmp_path, redis_url):
    with scratch_database(tmp_path) as database_url:
        env = production_env(tmp_path, database_url, REDIS_URL=redis_url, PAGE_CACHE_SECONDS="600")
        prepare_site(env)
        result = run_manage(
            "createsuperuser",
            "--noinput",
            "--username",
            "scaleadmin",
            "--email",
            "scale@example.org",
            env={**env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD},
        )
        assert result.returncode == 0, result.stderr
        site_id = (
            run_manage(
                "shell",
                "-c",
                "from wagtail.models import Site; print(Site.objects.get(is_default_site=True).pk)",
                "--no-imports",
                env=env,
            )
            .stdout.strip()
            .splitlines()[-1]
        )

        with (
            gunicorn(env, tmp_path / "a.log") as server_a,
            gunicorn(env, tmp_path / "b.log") as server_b,
        ):
            for base in (server_a, server_b):
                public_get(base, "/conditions/")
                state, html = public_get(base, "/conditions/")
                assert state == "hit", "the page is in the shared page cache"
                assert "Brand From Server A" not in html

            admin = AdminClient(server_a)
            admin.log_in("scaleadmin", PASSWORD)
            path = f"/admin/settings/cms/sitesettings/{site_id}/"
            status, form = admin.request(path)
            assert status == 200, form[:500]
            status, _html = admin.request(
                path,
                {
                    "csrfmiddlewaretoken": admin.csrf_token(form),
                    "brand_name": "Brand From Server A",
                    "main_phone": "+12125550100",
                    "facebook_url": "",
                    "instagram_url": "",
                    "linkedin_url": "",
                    "default_sharing_image": "",
                },
            )
            assert status == 302, "the admin saved the settings"

            state, html = public_get(server_b, "/conditions/")
            assert "Brand From Server A" in html, "server B serves the new content at once"
            assert state == "miss"
            state, html = public_get(server_b, "/locations/midtown/")
            assert "Brand From Server A" in html
