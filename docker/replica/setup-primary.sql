-- Prepares the primary for one streaming replica. Idempotent: run it again at will (compose: db-replica-setup).
-- psql -v ON_ERROR_STOP=1 -v pw="$REPLICATION_PASSWORD" -v slot=jj_replica_1 -f setup-primary.sql
-- PostgreSQL 16's defaults already allow it (wal_level=replica, max_wal_senders=10): no restart of the primary.

SELECT format(
    'DO $check$ BEGIN IF length(%L) < 16 THEN RAISE EXCEPTION %L; END IF; END $check$',
    :'pw', 'REPLICATION_PASSWORD must be set, at least 16 characters'
) \gexec

-- The role the replica connects as: replication only, no access to the data through SQL.
SELECT format('CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD %L', :'pw')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'replicator') \gexec
SELECT format('ALTER ROLE replicator WITH PASSWORD %L', :'pw') \gexec

-- A slot keeps the WAL the replica has not received yet (a replica down for long fills the primary's disk:
-- watch pg_replication_slots, drop the slot of a replica that is gone for good).
SELECT pg_create_physical_replication_slot(:'slot')
WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = :'slot');

-- The official image's pg_hba.conf admits `all` databases from anywhere, which does not include replication
-- connections: add one line for the replicator, once, and reload.
SELECT format(
    'COPY (SELECT %L) TO PROGRAM %L',
    'host replication replicator all scram-sha-256',
    format('grep -q "^host replication replicator " %1$s && cat >/dev/null || cat >> %1$s', current_setting('hba_file'))
) \gexec
SELECT pg_reload_conf();
