"""Load test: 60 seconds of 32 concurrent connections against gunicorn (production
settings, 2 sync workers) on PostgreSQL, spread over every public page type. Passes
when no response is a 5xx, the server logged no error, and every request was answered
within the client's patience (wrk --timeout, 10 s: a request waits in gunicorn's listen
backlog while both workers are busy; wrk's own 2 s default counted such waits as
"timeouts" although each request was answered).

    make load-test
    python bench/load.py --connections 64 --seconds 30   (inside scripts/with-postgres.sh)
"""

import argparse
import re
import sys
import tempfile
from pathlib import Path

import bench  # bench/bench.py, beside this file
from tests.servers import build_site, gunicorn, production_env, scratch_database

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


SOCKET_ERRORS = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")


def main(seconds=60, connections=32, timeout="10s"):
    bench.ensure_wrk()
    tmp = Path(tempfile.mkdtemp(prefix="cms-load-"))
    with scratch_database(tmp) as database_url:
        env = production_env(tmp, database_url, GUNICORN_ACCESS_LOG="")
        build_site(env)
        log = tmp / "gunicorn.log"
        with gunicorn(env, log, workers=2) as base:
            out = bench.run_wrk(
                base,
                seconds,
                connections,
                script=Path(__file__).with_name("mixed.lua"),
                script_args=PATHS,
                timeout=timeout,
            )
    print(out)
    # The 404 page is expected; wrk counts it as non-2xx, so count 5xx from the log.
    errors = [
        line
        for line in log.read_text().splitlines()
        if re.search(r"\[(ERROR|CRITICAL)\]|Traceback|Internal Server Error", line)
    ]
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    socket_errors = SOCKET_ERRORS.search(out)
    unanswered = sum(map(int, socket_errors.groups())) if socket_errors else 0
    print(
        f"{requests} requests at {connections} connections; errors logged: {len(errors)}; "
        f"unanswered within {timeout} (connect/read/write/timeout): {unanswered}"
    )
    for line in errors[:20]:
        print("  ", line)
    return 1 if errors or unanswered else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--timeout", default="10s", help="wrk's per-request patience")
    options = parser.parse_args()
    sys.exit(main(options.seconds, options.connections, options.timeout))
