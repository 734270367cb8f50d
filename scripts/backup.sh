#!/usr/bin/env bash
# Usage: DATABASE_URL=postgres://... MEDIA_ROOT=/srv/media scripts/backup.sh BACKUP_DIR
# Writes BACKUP_DIR/db.dump (pg_dump custom format) and BACKUP_DIR/media.tar.gz.
set -euo pipefail
out=${1:?usage: backup.sh BACKUP_DIR}
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
pg_dump=$(command -v pg_dump || echo "$pg_bin/pg_dump")
mkdir -p "$out"
"$pg_dump" --format=custom --no-owner --no-privileges --file="$out/db.dump" "${DATABASE_URL:?}"
media=${MEDIA_ROOT:-media}
if [ -d "$media" ]; then
  tar -C "$media" -czf "$out/media.tar.gz" .
fi
echo "backup written to $out"
