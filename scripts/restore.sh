#!/usr/bin/env bash
# Usage: DATABASE_URL=... MEDIA_ROOT=/srv/media scripts/restore.sh BACKUP_DIR
# Restores the database backup.sh wrote (db.dump into PostgreSQL, db.sqlite3 into
# SQLite) into the (empty or existing) database DATABASE_URL names, replacing what is
# there, and unpacks the media files into MEDIA_ROOT. Stop the site first.
set -euo pipefail
in=${1:?usage: restore.sh BACKUP_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
url=${DATABASE_URL:-sqlite:///$root/db.sqlite3}
python=$root/.venv/bin/python
[ -x "$python" ] || python=python3
case $url in
  postgres://* | postgresql://*)
    [ -f "$in/db.dump" ] || { echo "restore.sh: no db.dump (a PostgreSQL backup) in $in" >&2; exit 2; }
    pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
    pg_restore=$(command -v pg_restore || echo "$pg_bin/pg_restore")
    "$pg_restore" --no-owner --no-privileges --clean --if-exists --exit-on-error \
      --dbname="$url" "$in/db.dump"
    ;;
  sqlite://*)
    [ -f "$in/db.sqlite3" ] || { echo "restore.sh: no db.sqlite3 (an SQLite backup) in $in" >&2; exit 2; }
    "$python" "$root/scripts/sqlite_copy.py" "$in/db.sqlite3" "${url#sqlite:///}"
    ;;
  *)
    echo "restore.sh: unsupported DATABASE_URL (PostgreSQL or SQLite)" >&2
    exit 2
    ;;
esac
if [ -f "$in/media.tar.gz" ]; then
  mkdir -p "${MEDIA_ROOT:-media}"
  tar -C "${MEDIA_ROOT:-media}" -xzf "$in/media.tar.gz"
fi
# The rows went in behind the cache's back (no change was announced): empty the cache
# every process shares (CACHE_DIR or REDIS_URL), so no page from before is served.
DATABASE_URL=$url "$python" "$root/manage.py" shell --no-imports \
  -c "from django.core.cache import cache; cache.clear()"
echo "restored from $in"
