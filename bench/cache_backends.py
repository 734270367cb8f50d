"""The cache backends production could use on one machine, side by side in one run:
what a warm page costs in cache reads (three tag versions, then the page) and a publish
in writes, per backend, as a multiple of local memory (which no other process sees).

    .venv/bin/python bench/cache_backends.py [--redis redis://127.0.0.1:6379/0]
"""

import argparse
import os
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

PAGE = (200, {"content-type": "text/html"}, b"x" * 30_000)  # a 30 KB page
TAGS = [f"cache-tag:{name}" for name in ("site", "tree", "content")]
ROUNDS = 2_000


def backends(directory, redis_url):
    found = {
        "local memory (one process)": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "disk cache (DiskCache)": {
            "BACKEND": "cms.caching.disk.SharedDiskCache",
            "LOCATION": str(Path(directory) / "disk"),
            "SHARDS": 8,
            "DATABASE_TIMEOUT": 0.25,
            "OPTIONS": {"size_limit": 512 << 20},
        },
        "file-based (Django)": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(Path(directory) / "files"),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
    }
    if redis_url:
        found["Redis"] = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
        }
    return found


def measure(cache):
    for n in range(ROUNDS):
        cache.set(f"page-cache:{n}", ({"site": "a"}, PAGE), None)
    cache.set_many({tag: "token" for tag in TAGS}, None)
    started = time.perf_counter()
    for n in range(ROUNDS):
        cache.get_many(TAGS)
        cache.get(f"page-cache:{n}")
    warm_hit = (time.perf_counter() - started) / ROUNDS
    started = time.perf_counter()
    for n in range(ROUNDS):
        cache.set_many({tag: f"t{n}" for tag in TAGS}, None)
    bump = (time.perf_counter() - started) / ROUNDS
    cache.add("counter", 0, 3600)
    started = time.perf_counter()
    for _n in range(ROUNDS):
        cache.incr("counter")
    incr = (time.perf_counter() - started) / ROUNDS
    return warm_hit, bump, incr


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--redis", default="")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        configured = backends(directory, args.redis)
        with override_settings(CACHES=configured):
            results = {name: measure(caches[name]) for name in configured}
    base = results["local memory (one process)"]
    print("| backend | warm page: 4 reads (µs) | publish: 3 writes (µs) | incr (µs) | reads × |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, (hit, bump, incr) in results.items():
        figures = f"{hit * 1e6:.0f} | {bump * 1e6:.0f} | {incr * 1e6:.0f} | {hit / base[0]:.1f}"
        print(f"| {name} | {figures} |")


if __name__ == "__main__":
    main()
