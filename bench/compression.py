"""What compressing public HTML costs, to choose where the page cache does it: each
page's size and compression time per coding and level, then a cached page's read from
the disk cache (production's default) plus what a client asking for brotli, for gzip
and for neither gets, for three ways of keeping it:

- compress after the cache: the page kept as it is, compressed on every hit;
- kept with its encodings: as it is, gzip and brotli, one chosen per hit;
- kept compressed only: gzip and brotli, gzip undone for a client that takes neither.

    .venv/bin/python bench/compression.py      # builds the demo and serves it first
"""

import gzip
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django  # noqa: E402

django.setup()

from django.core.cache import caches  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from cms import compression  # noqa: E402
from tests.browser.pages import PAGES  # noqa: E402
from tests.servers import fetch, gunicorn, prepared_demo_env  # noqa: E402

ROUNDS = 300
CLIENTS = {"br": "br", "gzip": "gzip", "neither": None}


def timed(function, rounds=ROUNDS):
    """Median seconds of one call."""
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def page_bodies():
    with tempfile.TemporaryDirectory(prefix="compression-") as directory:
        tmp_path = Path(directory)
        env = prepared_demo_env(tmp_path, f"sqlite:///{tmp_path / 'site.sqlite3'}")
        with gunicorn(env, tmp_path / "gunicorn.log") as base:
            return {case.id: fetch(base + case.path)[1] for case in PAGES}


def coding_table(bodies):
    print("| page | as is (KB) | gzip 6: KB, ms | brotli 4 | brotli 5 | brotli 6 | brotli 11 |")
    print("| --- | ---: | --- | --- | --- | --- | --- |")
    for name, body in bodies.items():
        coders = [(gzip.compress, {"compresslevel": 6}, ROUNDS)] + [
            (compression.brotli.compress, {"quality": q}, 20 if q == 11 else ROUNDS)
            for q in (4, 5, 6, 11)
        ]
        cells = []
        for coder, options, rounds in coders:
            size = len(coder(body, **options))
            cost = timed(lambda c=coder, o=options, b=body: c(b, **o), rounds)
            cells.append(f"{size / 1024:.1f}, {cost * 1e3:.2f}")
        print(f"| {name} | {len(body) / 1024:.1f} | {' | '.join(cells)} |")


def gunzip(data):
    return gzip.decompress(data)


def ways(body):
    """{way: (entry kept, {client: what serving it costs after the read})}."""
    kept = compression.encodings(body)
    packed = {k: v for k, v in kept.items() if k}
    return {
        "compress after the cache": (
            {"": body},
            {c: (lambda c=c: compression.encode(body, c) if c else body) for c in CLIENTS.values()},
        ),
        "kept with its encodings": (
            kept,
            {c: (lambda c=c: kept[c or ""]) for c in CLIENTS.values()},
        ),
        "kept compressed only": (
            packed,
            {c: (lambda c=c: packed[c] if c else gunzip(packed["gzip"])) for c in CLIENTS.values()},
        ),
    }


def cache_table(body):
    with tempfile.TemporaryDirectory() as directory:
        configured = {
            "default": {
                "BACKEND": "cms.caching.disk.SharedDiskCache",
                "LOCATION": directory,
                "SHARDS": 8,
                "DATABASE_TIMEOUT": 0.25,
                "OPTIONS": {"size_limit": 512 << 20},
            }
        }
        with override_settings(CACHES=configured):
            cache = caches["default"]
            clients = " | ".join(f"{c} (µs)" for c in CLIENTS)
            print(f"| way | entry (KB) | read (µs) | {clients} |")
            print("| --- | ---: | ---: | " + " | ".join("---:" for _ in CLIENTS) + " |")
            for way, (entry, serve) in ways(body).items():
                value = ({"site": "a"}, (200, {"content-type": "text/html"}, entry))
                for n in range(200):
                    cache.set(f"page:{way}:{n}", value, None)
                keys = iter([f"page:{way}:{n % 200}" for n in range(2000)])
                read = timed(lambda k=keys: cache.get(next(k)), 2000)
                costs = [timed(serve[c], 2000) for c in CLIENTS.values()]
                size = sum(len(v) for v in entry.values())
                cells = " | ".join(f"{(read + cost) * 1e6:.0f}" for cost in costs)
                print(f"| {way} | {size / 1024:.1f} | {read * 1e6:.0f} | {cells} |")


def main():
    if compression.brotli is None:
        sys.exit("brotli is missing: pip install -r requirements.lock")
    bodies = page_bodies()
    coding_table(bodies)
    print()
    print("A cached condition page, served (disk cache read included):")
    cache_table(bodies["condition"])


if __name__ == "__main__":
    main()
