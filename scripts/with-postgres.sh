#!/usr/bin/env bash
# Usage: with-postgres.sh PORT COMMAND...
# Starts a throwaway PostgreSQL 15 cluster on 127.0.0.1:PORT, runs COMMAND with
# DATABASE_URL pointing at it, then stops the cluster and removes it.
# The server refuses to run as root, so as root the cluster belongs to "postgres".
set -euo pipefail
port=$1; shift
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$pg_bin/initdb" ]; then
  echo "PostgreSQL server binaries not found in $pg_bin (Debian: apt-get install postgresql)" >&2
  exit 1
fi
work=$(mktemp -d /tmp/cms-pg.XXXXXX)
chmod 755 "$work"
as_owner=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$work"
  as_owner=(runuser -u postgres --)
fi
cleanup() {
  "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
"${as_owner[@]}" "$pg_bin/initdb" -D "$work/data" -U cms --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
options="-p $port -k $work -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
"${as_owner[@]}" "$pg_bin/pg_ctl" -D "$work/data" -l "$work/server.log" -w -o "$options" start >/dev/null
export DATABASE_URL="postgres://cms@127.0.0.1:$port/postgres"
# A test that stops and restarts a server (database outage) makes a cluster of its own
# with these binaries (tests/servers.py ThrowawayCluster).
export PG_BIN=$pg_bin
"$@"
