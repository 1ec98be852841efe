#!/bin/sh
# The standby: on its first start a base backup of the primary, then streaming from it under the
# name the primary waits for (synchronous_standby_names). It names no standby of its own, so that
# once promoted it commits without waiting for one.
set -e
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h postgres-primary -U "$POSTGRES_USER" -d "$POSTGRES_DB"; do sleep 1; done
  PGPASSWORD="$POSTGRES_PASSWORD" pg_basebackup -h postgres-primary -U "$POSTGRES_USER" -D "$PGDATA" \
    -X stream -R
  cat >> "$PGDATA/postgresql.auto.conf" <<CONF
primary_conninfo = 'host=postgres-primary user=$POSTGRES_USER password=$POSTGRES_PASSWORD application_name=ledger_standby'
synchronous_standby_names = ''
CONF
  chmod 700 "$PGDATA"
fi
exec postgres -c hot_standby=on
