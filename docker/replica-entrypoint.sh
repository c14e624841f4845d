#!/bin/sh
# docker-compose's read replica: a base backup of the primary with -R (standby.signal and
# primary_conninfo) on first start, then PostgreSQL as a streaming standby.
set -e
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h postgres -U "$POSTGRES_USER"; do sleep 1; done
  PGPASSWORD="${REPLICATION_PASSWORD:-replicator}" pg_basebackup -h postgres -U replicator -D "$PGDATA" -R -X stream
  chmod 0700 "$PGDATA"
fi
exec postgres
