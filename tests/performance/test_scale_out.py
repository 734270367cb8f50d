"""Two app servers, one PostgreSQL and one Redis: a change published through the
admin of one instance is served by the other on its very next request, although
both had the page in their full-page cache. Needs PostgreSQL (make test-postgres)
and Debian's redis-server (started here on a free loopback port; .ci/run installs it).
"""

import urllib.error
import urllib.parse
import urllib.request

from tests.admin_forms import site_settings_form
from tests.require import postgres_only
from tests.servers import (
    BrowserSession,
    create_superuser,
    gunicorn,
    prepare_site,
    production_env,
    run_manage,
    scratch_database,
)

pytestmark = postgres_only("app servers share one database")

HTTPS = {"X-Forwarded-Proto": "https"}
PASSWORD = "scale-out-admin-pw-1"  # noqa: S105 - a throwaway test database


def public_get(base, path):
    request = urllib.request.Request(base + path, headers=HTTPS)  # noqa: S310 - loopback
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.headers.get("X-Page-Cache"), response.read().decode()


def test_publishing_through_one_server_shows_on_the_other_at_once(tmp_path, redis_url, loaded_demo):
    with scratch_database(tmp_path) as database_url:
        env = production_env(tmp_path, database_url, REDIS_URL=redis_url, PAGE_CACHE_SECONDS="600")
        prepare_site(env)
        create_superuser(env, "scaleadmin", PASSWORD)
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

            admin = BrowserSession(server_a)
            signed_in = {"username": "scaleadmin", "password": PASSWORD, "next": "/admin/"}
            assert admin.submit("/admin/login/", signed_in)[0] == 302, "signed in"
            path = f"/admin/settings/cms/sitesettings/{site_id}/"
            status, _location, _html = admin.submit(
                path,
                site_settings_form("Brand From Server A"),
            )
            assert status == 302, "the admin saved the settings"

            state, html = public_get(server_b, "/conditions/")
            assert "Brand From Server A" in html, "server B serves the new content at once"
            assert state == "miss"
            state, html = public_get(server_b, "/locations/midtown/")
            assert "Brand From Server A" in html
