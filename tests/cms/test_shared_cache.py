"""Production's cache is one that every process on the machine shares (the disk cache,
or Redis), and a worker with a cache of its own refuses to start, saying what to set.
The behaviour under three gunicorn workers is proven in tests/performance/test_one_truth.py."""

import os
import subprocess
import sys

from tests.conftest import ROOT, run_manage

PRODUCTION = {"DJANGO_SETTINGS_MODULE": "cms.settings.production", "SECRET_KEY": "x" * 50}
SHOW_CACHE = (
    "from django.conf import settings as s; c = s.CACHES['default'];"
    "print(c['BACKEND'], c['LOCATION'], c['OPTIONS']['size_limit'])"
)
PER_PROCESS = """
from cms.settings.production import *  # noqa: F403
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
"""


def test_production_without_redis_uses_the_disk_cache_every_process_shares(tmp_path):
    env = {**PRODUCTION, "REDIS_URL": None, "CACHE_DIR": str(tmp_path / "c")}
    result = run_manage("shell", "--no-imports", "-c", SHOW_CACHE, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "cms.caching.disk.SharedDiskCache",
        str(tmp_path / "c"),
        str(512 << 20),
    ]
    bounded = run_manage(
        "shell", "--no-imports", "-c", SHOW_CACHE, env={**env, "CACHE_MAX_BYTES": "1000000"}
    )
    assert bounded.stdout.split()[-1] == "1000000"


def test_what_one_process_stores_another_reads(tmp_path):
    env = {**PRODUCTION, "REDIS_URL": None, "CACHE_DIR": str(tmp_path / "c")}
    write = (
        "from django.core.cache import cache; cache.set('handed-over', 'from process one', None)"
    )
    read = "from django.core.cache import cache; print(cache.get('handed-over'))"
    assert run_manage("shell", "--no-imports", "-c", write, env=env).returncode == 0
    assert run_manage("shell", "--no-imports", "-c", read, env=env).stdout.strip() == (
        "from process one"
    )


def run_with_a_per_process_cache(tmp_path, *args):
    """Run Python with production settings whose cache each process keeps to itself."""
    (tmp_path / "per_process.py").write_text(PER_PROCESS)
    env = {
        **os.environ,
        **PRODUCTION,
        "DJANGO_SETTINGS_MODULE": "per_process",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_a_worker_with_a_cache_of_its_own_refuses_to_start(tmp_path):
    result = run_with_a_per_process_cache(tmp_path, "-c", "import cms.wsgi")
    assert result.returncode != 0
    assert "Refusing to start" in result.stderr
    assert "cms.E001" in result.stderr and "REDIS_URL" in result.stderr


def test_the_system_check_names_the_per_process_cache_an_error(tmp_path):
    result = run_with_a_per_process_cache(tmp_path, str(ROOT / "manage.py"), "check")
    assert result.returncode != 0
    assert "cms.E001" in result.stderr
    assert "LocMemCache" in result.stderr


def test_the_disk_cache_keeps_its_files_open_between_requests(tmp_path, monkeypatch):
    """Django closes every cache when a request finishes; reopening DiskCache's eight
    SQLite files on each request cost more than serving a page from the cache."""
    import diskcache.core

    from cms.caching.disk import SharedDiskCache

    cache = SharedDiskCache(str(tmp_path), {"SHARDS": 8})
    cache.set("page", "kept")
    opened = []
    connect = diskcache.core.sqlite3.connect
    monkeypatch.setattr(
        diskcache.core.sqlite3, "connect", lambda *a, **k: opened.append(a) or connect(*a, **k)
    )
    for _request in range(3):
        assert cache.get("page") == "kept"
        cache.close()  # what Django does to every cache when a request finishes
    assert opened == []
