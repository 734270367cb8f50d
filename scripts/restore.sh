#!/usr/bin/env bash
# Usage: DATABASE_URL=postgres://... MEDIA_ROOT=/srv/media scripts/restore.sh BACKUP_DIR
# Restores BACKUP_DIR/db.dump into the (empty or existing) database DATABASE_URL
# names, replacing what is there, and unpacks the media files into MEDIA_ROOT.
set -euo pipefail
in=${1:?usage: restore.sh BACKUP_DIR}
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
pg_restore=$(command -v pg_restore || echo "$pg_bin/pg_restore")
"$pg_restore" --no-owner --no-privileges --clean --if-exists --exit-on-error \
  --dbname="${DATABASE_URL:?}" "$in/db.dump"
if [ -f "$in/media.tar.gz" ]; then
  mkdir -p "${MEDIA_ROOT:-media}"
  tar -C "${MEDIA_ROOT:-media}" -xzf "$in/media.tar.gz"
fi
echo "restored from $in"
