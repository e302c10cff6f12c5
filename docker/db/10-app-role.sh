#!/bin/sh
# Runs once, when the database is first created (docker-entrypoint-initdb.d), as POSTGRES_USER, the schema's
# owner, which only the one-shot `migrate` service uses. It creates the application's role: it may log in and
# read and write rows, nothing else: no superuser (so no session_replication_role), no ownership (so no ALTER
# TABLE ... DISABLE TRIGGER), no CREATE in the schema. Tables the owner creates later are granted to it by the
# default privileges below and again by `manage.py db_grant_app_role` after every migrate, which also limits the
# audit trail to SELECT and INSERT. See docs/deployment.md ("Database roles").
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v owner="$POSTGRES_USER" -v app_user="$JJ_APP_DB_USER" -v app_password="$JJ_APP_DB_PASSWORD" <<'SQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password'
    NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"app_user";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app_user";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO :"app_user";
SQL
