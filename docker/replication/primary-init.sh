#!/bin/sh
# Run once by the postgres image when it creates the primary's database: lets the standby stream
# the primary's write-ahead log with the ledger user's password.
set -e
echo "host replication ${POSTGRES_USER} all scram-sha-256" >> "$PGDATA/pg_hba.conf"
