"""scripts/backup.sh and scripts/restore.sh, on PostgreSQL and on SQLite (whichever
the suite runs on): a backup restored into a fresh database (with the media files)
holds every row of every table and every media file byte for byte, and serves the
same pages as the original site."""

import hashlib
import os
import sqlite3
import subprocess
from pathlib import Path

from tests.servers import (
    ROOT,
    _postgres_admin_connection,
    fetch,
    gunicorn,
    prepare_site,
    production_env,
    run_manage,
    scratch_database,
)

HTTPS = {"X-Forwarded-Proto": "https"}
PATHS = ["/", "/conditions/neck-spasms/", "/locations/midtown/", "/locations/?zip=11201"]


def script(name, env, *args):
    result = subprocess.run(  # noqa: S603 - the project's own scripts
        ["/bin/bash", str(ROOT / "scripts" / name), *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr


# Each table's row count and a checksum of its rows' text, independent of row order.
TABLE_FINGERPRINT = (
    "SELECT count(*), coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '')"
    " FROM {} AS t"
)


def database_fingerprint(database_url):
    """{table: (rows, checksum)} for every table of the database."""
    if database_url.startswith("sqlite:///"):
        return sqlite_fingerprint(database_url.removeprefix("sqlite:///"))
    from psycopg import sql  # only on PostgreSQL

    with _postgres_admin_connection(database_url) as connection:
        tables = connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        ).fetchall()
        return {
            table: connection.execute(
                sql.SQL(TABLE_FINGERPRINT).format(sql.Identifier(table))
            ).fetchone()
            for (table,) in tables
        }


def sqlite_fingerprint(path):
    connection = sqlite3.connect(path)
    try:
        tables = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
        fingerprint = {}
        for (table,) in tables:
            rows = sorted(repr(row) for row in connection.execute(f'SELECT * FROM "{table}"'))  # noqa: S608 - names from the database
            digest = hashlib.md5("".join(rows).encode(), usedforsecurity=False).hexdigest()
            fingerprint[table] = (len(rows), digest)
        return fingerprint
    finally:
        connection.close()


def media_fingerprint(media_root):
    """{relative path: sha256} for every file under MEDIA_ROOT."""
    root = Path(media_root)
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def page(base, path, log):
    status, body = fetch(base + path, HTTPS)
    assert status == 200, (path, log.read_text()[-3000:])
    return body


def test_a_restored_backup_serves_the_same_site(tmp_path, loaded_demo):
    original_dir, restored_dir, backup = tmp_path / "a", tmp_path / "b", tmp_path / "backup"
    original_dir.mkdir()
    restored_dir.mkdir()
    with scratch_database(original_dir) as original_url, scratch_database(restored_dir) as fresh:
        original = production_env(original_dir, original_url, PAGE_CACHE_SECONDS="0")
        prepare_site(original)
        script("backup.sh", original, str(backup))
        dump = "db.sqlite3" if original_url.startswith("sqlite") else "db.dump"
        assert (backup / dump).stat().st_size > 0

        restored = production_env(restored_dir, fresh, PAGE_CACHE_SECONDS="0")
        restored["SECRET_KEY"] = original["SECRET_KEY"]
        remember = "from django.core.cache import cache; cache.set('before-restore', 1, None)"
        assert run_manage("shell", "--no-imports", "-c", remember, env=restored).returncode == 0
        script("restore.sh", restored, str(backup))
        # Nothing the site cached before the restore is served after it.
        recall = "from django.core.cache import cache; print(cache.get('before-restore'))"
        recalled = run_manage("shell", "--no-imports", "-c", recall, env=restored)
        assert recalled.stdout.strip().splitlines()[-1] == "None", recalled.stderr
        # A new machine builds its static files from the code, not from the backup.
        assert run_manage("collectstatic", "--noinput", env=restored).returncode == 0

        # Every table, every row, every media file: compared before either site serves
        # a request (serving may add renditions or sessions).
        tables = database_fingerprint(original_url)
        assert len(tables) > 30 and tables["wagtailcore_page"][0] > 50, tables
        assert database_fingerprint(fresh) == tables
        media = media_fingerprint(original["MEDIA_ROOT"])
        assert any(name.endswith((".jpg", ".png")) for name in media), media
        assert media_fingerprint(restored["MEDIA_ROOT"]) == media

        a_log, b_log = original_dir / "a.log", restored_dir / "b.log"
        with gunicorn(original, a_log) as a_base, gunicorn(restored, b_log) as b_base:
            # Side by side, so time-dependent text ("open now") matches too.
            for path in PATHS:
                # Absolute URLs name each server's own port; the rest must be identical.
                before = page(a_base, path, a_log).replace(a_base.split("//")[1].encode(), b"HOST")
                after = page(b_base, path, b_log).replace(b_base.split("//")[1].encode(), b"HOST")
                assert before == after, path
            # Media are served from the restored files.
            image = next(Path(restored["MEDIA_ROOT"]).rglob("*.jpg"), None) or next(
                Path(restored["MEDIA_ROOT"]).rglob("*.png")
            )
            relative = image.relative_to(restored["MEDIA_ROOT"]).as_posix()
            assert fetch(f"{b_base}/media/{relative}", HTTPS)[0] == 200
