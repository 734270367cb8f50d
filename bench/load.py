"""Load test: 60 seconds of 32 concurrent connections against gunicorn (production
settings, 2 workers) on PostgreSQL, spread over every public page type. Passes when
no response is a 5xx and the server logged no error.

    make load-test
"""

import re
import sys
import tempfile
from pathlib import Path

import bench  # bench/bench.py, beside this file
from tests.servers import gunicorn, prepare_site, production_env, scratch_database

PATHS = [
    "/",
    "/conditions/",
    "/conditions/neck-spasms/",
    "/conditions/?area=neck",
    "/locations/",
    "/locations/?zip=10001",
    "/locations/midtown/",
    "/locations/midtown/appointment/",
    "/search/?q=neck",
    "/es/",
    "/ar/",
    "/language-assistance/",
    "/sitemap.xml",
    "/no-such-page/",
]


def main(seconds=60, connections=32):
    bench.ensure_wrk()
    tmp = Path(tempfile.mkdtemp(prefix="cms-load-"))
    with scratch_database(tmp) as database_url:
        env = production_env(tmp, database_url, GUNICORN_ACCESS_LOG="")
        prepare_site(env)
        log = tmp / "gunicorn.log"
        with gunicorn(env, log, workers=2) as base:
            out = bench.run_wrk(
                base,
                seconds,
                connections,
                script=Path(__file__).with_name("mixed.lua"),
                script_args=PATHS,
            )
    print(out)
    # The 404 page is expected; wrk counts it as non-2xx, so count 5xx from the log.
    errors = [
        line
        for line in log.read_text().splitlines()
        if re.search(r"\[(ERROR|CRITICAL)\]|Traceback|Internal Server Error", line)
    ]
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    print(f"{requests} requests; errors logged: {len(errors)}")
    for line in errors[:20]:
        print("  ", line)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
