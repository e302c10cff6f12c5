#!/bin/sh
# Runs a PostgreSQL streaming replica (hot standby) of PRIMARY_HOST. On its first start (empty PGDATA) it copies the
# primary with pg_basebackup, which also writes the standby settings (-R); afterwards it just starts.
# Used by the compose profile `replica` (service db-replica) and, by hand, where no container engine runs.
# Extra arguments go to postgres (e.g. -p 5433).
set -eu
: "${PGDATA:?set PGDATA}" "${PRIMARY_HOST:?set PRIMARY_HOST}" "${REPLICATION_PASSWORD:?set REPLICATION_PASSWORD}"
PRIMARY_PORT="${PRIMARY_PORT:-5432}"
SLOT="${REPLICATION_SLOT:-jj_replica_1}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  export PGPASSWORD="$REPLICATION_PASSWORD"
  until pg_isready -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -q; do sleep 1; done
  pg_basebackup -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U replicator -D "$PGDATA" \
    --wal-method=stream --write-recovery-conf --slot="$SLOT" --checkpoint=fast
  unset PGPASSWORD
  chmod 700 "$PGDATA"
fi
exec postgres -D "$PGDATA" -c hot_standby=on "$@"
