"""When the database goes away, patients get a friendly 503, /healthz says 503, and
the site recovers by itself when the database returns. Against a real PostgreSQL
cluster that is stopped and restarted (make test-postgres provides one)."""

import os
import subprocess

from django.db import connections

from tests.require import postgres_only, require
from tests.servers import fetch, gunicorn, prepare_site, production_env, scratch_database

HTTPS = {"X-Forwarded-Proto": "https"}

pytestmark = postgres_only("a real PostgreSQL cluster is stopped and restarted")


def pg_ctl(*args):
    command = [os.path.join(os.environ["PG_BIN"], "pg_ctl"), "-D", os.environ["PG_DATA_DIR"], *args]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, capture_output=True, timeout=60)  # noqa: S603


def test_database_outage_gives_friendly_503s_and_the_site_recovers(tmp_path):
    require(os.environ.get("PG_DATA_DIR"), "needs the throwaway cluster of `make test-postgres`")
    with scratch_database(tmp_path) as database_url:
        # Page cache off. A page already served may come whole from the data cache
        # (routing keeps the page itself), so the outage is met by a page not served
        # yet, which must reach the database.
        env = production_env(tmp_path, database_url, PAGE_CACHE_SECONDS="0")
        prepare_site(env)
        with gunicorn(env, tmp_path / "gunicorn.log") as base:
            assert fetch(base + "/conditions/", HTTPS)[0] == 200

            pg_ctl("stop", "-m", "fast", "-w")
            try:
                status, body = fetch(base + "/locations/midtown/", HTTPS)
                assert status == 503
                assert b"Back in a moment" in body
                assert b"Traceback" not in body
                assert fetch(base + "/healthz")[0] == 503
            finally:
                log = os.path.join(os.environ["PG_SOCKET_DIR"], "server.log")
                pg_ctl("start", "-w", "-l", log, "-o", os.environ["PG_OPTIONS"])
                connections.close_all()  # the suite's own connection died with the server

            # No restart of gunicorn: health-checked connections reconnect by themselves.
            assert fetch(base + "/healthz")[0] == 200
            assert fetch(base + "/locations/midtown/", HTTPS)[0] == 200
