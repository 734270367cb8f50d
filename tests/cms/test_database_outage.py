"""When the database goes away, patients get a friendly 503, /healthz says 503, and
the site recovers by itself when the database returns. Against a real PostgreSQL
cluster of the test's own, stopped and restarted (the suite's cluster, which other
test processes use meanwhile, is left alone)."""

from tests.require import postgres_only, require
from tests.servers import (
    PG_BIN,
    ThrowawayCluster,
    fetch,
    gunicorn,
    prepare_site,
    production_env,
)

HTTPS = {"X-Forwarded-Proto": "https"}

pytestmark = postgres_only("a real PostgreSQL cluster is stopped and restarted")


def test_database_outage_gives_friendly_503s_and_the_site_recovers(tmp_path, loaded_demo):
    require((PG_BIN / "initdb").exists(), f"{PG_BIN}/initdb is missing (apt: postgresql)")
    with ThrowawayCluster() as cluster:
        # Page cache off. A page already served may come whole from the data cache
        # (routing keeps the page itself), so the outage is met by a page not served
        # yet, which must reach the database.
        database_url = cluster.url.rsplit("/", 1)[0] + "/site"
        env = production_env(tmp_path, database_url, PAGE_CACHE_SECONDS="0")
        prepare_site(env)
        with gunicorn(env, tmp_path / "gunicorn.log") as base:
            assert fetch(base + "/conditions/", HTTPS)[0] == 200

            cluster.stop()
            try:
                status, body = fetch(base + "/locations/midtown/", HTTPS)
                assert status == 503
                assert b"Back in a moment" in body
                assert b"Traceback" not in body
                assert fetch(base + "/healthz")[0] == 503
            finally:
                cluster.start()

            # No restart of gunicorn: health-checked connections reconnect by themselves.
            assert fetch(base + "/healthz")[0] == 200
            assert fetch(base + "/locations/midtown/", HTTPS)[0] == 200
