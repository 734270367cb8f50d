#!/usr/bin/env bash
# Usage: DATABASE_URL=... MEDIA_ROOT=/srv/media scripts/backup.sh BACKUP_DIR
# Writes the database to BACKUP_DIR (PostgreSQL: db.dump, pg_dump custom format;
# SQLite: db.sqlite3, SQLite's online backup, safe while the site runs) and the media
# files to BACKUP_DIR/media.tar.gz. DATABASE_URL unset means the SQLite file beside
# manage.py, as for the site itself.
set -euo pipefail
out=${1:?usage: backup.sh BACKUP_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
url=${DATABASE_URL:-sqlite:///$root/db.sqlite3}
mkdir -p "$out"
case $url in
  postgres://* | postgresql://*)
    pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
    pg_dump=$(command -v pg_dump || echo "$pg_bin/pg_dump")
    "$pg_dump" --format=custom --no-owner --no-privileges --file="$out/db.dump" "$url"
    ;;
  sqlite://*)
    python=$root/.venv/bin/python
    [ -x "$python" ] || python=python3
    "$python" "$root/scripts/sqlite_copy.py" "${url#sqlite:///}" "$out/db.sqlite3"
    ;;
  *)
    echo "backup.sh: unsupported DATABASE_URL (PostgreSQL or SQLite)" >&2
    exit 2
    ;;
esac
media=${MEDIA_ROOT:-media}
if [ -d "$media" ]; then
  tar -C "$media" -czf "$out/media.tar.gz" .
fi
echo "backup written to $out"
