"""Benchmark the site as production serves it: gunicorn (production settings,
2 workers) on the configured database, driven by wrk, each page with the page
cache off (cold) and on (warm), next to a static file from the same server as the
ceiling. Prints one table and writes it to bench/results/.

    make bench                      # PostgreSQL with seed_scale_content, then SQLite
    python bench/bench.py --database sqlite --no-scale
    python bench/bench.py --database sqlite --modes cold --site-dir /tmp/scale-site
                                    # scale content kept in (and reused from) a directory;
                                    # with postgres, in the database DATABASE_URL names

In the cold run, a burst of searches (slow requests) is followed at once by the
condition page, which must keep its rate: one slow request type never starves the rest.
"""

import argparse
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.servers import (  # noqa: E402
    ROOT,
    build_site,
    fetch,
    gunicorn,
    production_env,
    run_manage,
    scratch_database,
)

HTTPS = {"X-Forwarded-Proto": "https"}
PAGES = [
    ("home", "/"),
    ("condition index", "/conditions/"),
    ("condition index, one area", None),  # found from the index's body-area filter
    ("condition page", "/conditions/neck-spasms/"),
    ("location index", "/locations/"),
    ("finder ?zip=", "/locations/?zip=10001"),
    ("location page", "/locations/midtown/"),
    ("search", "/search/?q=neck"),
    ("search, Chinese", "/zh-hans/search/?q=%E9%A2%88%E9%83%A8%E7%97%89%E6%8C%9B"),  # 颈部痉挛
    ("search, lay term", "/search/?q=crick+in+the+neck"),
    ("language assistance", None),  # found from the footer's link
    ("Spanish page", None),  # found from the condition page's hreflang links
]


def ensure_wrk():
    if shutil.which("wrk"):
        return
    if os.geteuid() != 0:
        sys.exit("wrk is missing: apt-get install wrk")
    subprocess.run(["apt-get", "update", "-qq"], check=True)  # noqa: S607
    subprocess.run(  # noqa: S603
        ["apt-get", "install", "-y", "-qq", "wrk"],  # noqa: S607
        check=True,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )


def _ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(url, seconds, connections=8, script=None, script_args=(), timeout="2s"):
    """wrk's report for `seconds` of load on `url` (optionally driven by a Lua script).
    wrk gives up on a request after `timeout` (its default, 2 s) and counts it under
    "Socket errors ... timeout": the request was still queued or being served."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", f"--timeout={timeout}"]
    command += ["--latency"]
    command += ["-s", str(script)] if script else ["-H", "X-Forwarded-Proto: https"]
    command += [url, *(["--", *script_args] if script_args else [])]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603


def wrk(url, seconds, connections=8):
    """Requests a second, p50 and p99 in ms, non-2xx/3xx count and total requests."""
    out = run_wrk(url, seconds, connections)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _ms(*re.search(r"\s50%\s+([\d.]+)(us|ms|s)", out).groups())
    p99 = _ms(*re.search(r"\s99%\s+([\d.]+)(us|ms|s)", out).groups())
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    total = int(re.search(r"(\d+) requests in", out).group(1))
    return {
        "rps": rps,
        "p50": p50,
        "p99": p99,
        "non2xx": int(errors.group(1)) if errors else 0,
        "requests": total,
    }


def worker_rss_kib(master_pid):
    """Resident memory of each gunicorn worker (children of the master)."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)))
    return sizes


def gunicorn_master_pid(base_url):
    port = base_url.rsplit(":", 1)[1]
    out = subprocess.run(["pgrep", "-f", f"127.0.0.1:{port}"], capture_output=True, text=True)  # noqa: S603,S607
    pids = sorted(int(pid) for pid in out.stdout.split())
    return pids[0]


class StaticCeiling:
    """The static file's rate measured around each page row: these shared machines
    change speed from minute to minute (twofold seen), so a page is compared with the
    static file measured just before and just after it, not once at the start."""

    def __init__(self, url, seconds):
        self.url = url
        self.seconds = max(2, seconds // 2)
        wrk(url, 2)  # warm-up: workers finish importing, connections open
        self.latest = None

    def measure(self):
        self.latest = wrk(self.url, self.seconds)
        return self.latest

    def first(self):
        return self.measure()

    def around(self, _figures):
        """The mean of the static rate before the row just measured and after it."""
        before = self.latest
        after = self.measure()
        return {"rps": (before["rps"] + after["rps"]) / 2}


def find_urls(base):
    urls = dict(PAGES)
    _status, body = fetch(base + "/conditions/neck-spasms/", HTTPS)
    match = re.search(rb'hreflang="es" href="https?://[^/]+(/[^"]+)"', body)
    urls["Spanish page"] = match.group(1).decode() if match else "/es/"
    match = re.search(rb'class="site-footer__assistance" href="(/[^"]*)"', body)
    urls["language assistance"] = match.group(1).decode() if match else "/"
    _status, body = fetch(base + "/conditions/", HTTPS)
    match = re.search(rb'href="(/[^"]*\?area=[^"&]+)"', body)
    urls["condition index, one area"] = match.group(1).decode() if match else "/conditions/"
    static = re.search(rb'href="(/static/css/[^"]+\.css)"', body).group(1).decode()
    return urls, static


def search_burst(base, urls, seconds):
    """Rows for the condition page while searches (the slowest request) saturate the
    server, and right after: with threads the pages keep flowing."""
    page = base + urls["condition page"]
    burst = subprocess.Popen(  # noqa: S603 - wrk with fixed arguments
        ["wrk", "-t2", "-c16", f"-d{seconds}s", "--timeout=10s", "-H", "X-Forwarded-Proto: https"]  # noqa: S607
        + [base + urls["search"]],
        stdout=subprocess.PIPE,
        text=True,
    )
    during = wrk(page, seconds)
    burst.communicate()
    after = wrk(page, seconds)
    return [("condition page during a search burst", during), ("condition page after it", after)]


def run(args):
    ensure_wrk()
    tmp = Path(args.site_dir or tempfile.mkdtemp(prefix="cms-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    rows = []
    with ExitStack() as stack:
        if args.database == "sqlite":
            os.environ.pop("DATABASE_URL", None)
        elif not os.environ.get("DATABASE_URL", "").startswith("postgres"):
            sys.exit("--database postgres needs DATABASE_URL (make bench starts a cluster)")
        ready = tmp / "site-ready"
        if args.site_dir and args.database == "sqlite":
            database_url = f"sqlite:///{tmp / 'site.sqlite3'}"
        elif args.site_dir:
            database_url = os.environ["DATABASE_URL"]  # the caller's database, kept
        else:
            database_url = stack.enter_context(scratch_database(tmp))
        env = production_env(
            tmp,
            database_url,
            GUNICORN_MAX_REQUESTS="0",
            LOG_LEVEL="WARNING",
            GUNICORN_ACCESS_LOG="",
        )
        started = time.monotonic()
        if not ready.exists():
            build_site(env)
            if args.scale:
                result = run_manage("seed_scale_content", env=env, timeout=3600)
                assert result.returncode == 0, result.stderr
                print(result.stdout.strip())
            if args.site_dir:
                ready.write_text("scale\n" if args.scale else "demo\n")
        else:
            for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
                result = run_manage(*command, env=env, timeout=600)
                assert result.returncode == 0, result.stderr
        print(f"content ready in {time.monotonic() - started:.0f}s")
        memory = None
        modes = [(mode, seconds) for mode, seconds in (("cold", "0"), ("warm", "600"))]
        for mode, cache_seconds in [m for m in modes if m[0] in args.modes]:
            server_env = {**env, "PAGE_CACHE_SECONDS": cache_seconds}
            with gunicorn(server_env, tmp / f"gunicorn-{mode}.log", workers=2) as base:
                urls, static = find_urls(base)
                ceiling = StaticCeiling(base + static, args.seconds)
                rows.append((mode, "static file", static, ceiling.first(), ceiling.latest))
                for name, path in urls.items():
                    if args.only and not any(part in name for part in args.only):
                        continue
                    fetch(base + path, HTTPS, timeout=60)  # prime: renditions, caches, connections
                    figures = wrk(base + path, args.seconds)
                    rows.append((mode, name, path, figures, ceiling.around(figures)))
                if mode == "cold":
                    for name, figures in search_burst(base, urls, args.seconds):
                        row_ceiling = ceiling.around(figures)
                        rows.append((mode, name, urls["condition page"], figures, row_ceiling))
                if mode == "cold" and args.memory:
                    memory = measure_memory(base, urls["condition page"])
            errors = [
                line
                for line in (tmp / f"gunicorn-{mode}.log").read_text().splitlines()
                if "Error" in line or "Traceback" in line
            ]
            if errors:
                print(f"{mode} server logged errors:", *errors[:10], sep="\n  ")
    report = render(rows, memory, args)
    print(report)
    out = ROOT / "bench" / "results" / f"{datetime.datetime.now():%Y-%m-%d-%H%M}-{args.database}.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(report)
    print(f"written to {out.relative_to(ROOT)}")


def measure_memory(base, path):
    """Worker memory after 10,000 and 20,000 requests to the condition page."""
    master = gunicorn_master_pid(base)
    before = worker_rss_kib(master)
    samples = []
    for _round in range(2):
        served = 0
        while served < 10_000:
            served += wrk(base + path, 5)["requests"]
        samples.append(worker_rss_kib(master))
    return before, samples


def render(rows, memory, args):
    lines = [
        f"# Benchmark, {datetime.datetime.now():%Y-%m-%d %H:%M}, {args.database}"
        + (", scale content" if args.scale else ", demo content"),
        "",
        "gunicorn, production settings, 2 workers (gunicorn.conf.py's worker class and threads);"
        " wrk -t2 -c8, "
        f"{args.seconds}s a row. Each ratio is to the static file from the same server,"
        " measured just before and just after the row (their mean is the static column).",
        "",
        "| cache | page | req/s | ratio | static req/s | p50 ms | p99 ms | non-2xx |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for mode, name, _path, figures, ceiling in rows:
        ratio = figures["rps"] / ceiling["rps"]
        lines.append(
            f"| {mode} | {name} | {figures['rps']:.0f} | {ratio:.3f} | {ceiling['rps']:.0f} "
            f"| {figures['p50']:.1f} "
            f"| {figures['p99']:.1f} | {figures['non2xx']} |"
        )
    if memory:
        before, samples = memory
        lines += [
            "",
            "Worker memory (RSS, MiB) at start / after 10,000 / after 20,000 requests: "
            + "; ".join(
                " / ".join(f"{kib / 1024:.0f}" for kib in worker)
                for worker in zip(before, *samples, strict=False)
            ),
        ]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 10)))
    parser.add_argument("--no-scale", dest="scale", action="store_false")
    parser.add_argument("--no-memory", dest="memory", action="store_false")
    parser.add_argument("--modes", type=lambda text: text.split(","), default=["cold", "warm"])
    parser.add_argument(
        "--site-dir",
        help="keep the prepared site here (PostgreSQL: media here, rows in DATABASE_URL's"
        " database, not a scratch one) and reuse it",
    )
    parser.add_argument(
        "--only",
        nargs="*",
        metavar="NAME",
        help="measure only the pages whose name contains one of these; the static file always",
    )
    run(parser.parse_args())


if __name__ == "__main__":
    main()
