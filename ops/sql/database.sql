-- What a CaseFlow database needs before its migrations (ops/migrate apply), applied by a superuser (ops/pg does) to a
-- database the application's role does not own: the application's rights on the database, the schema Marten's and
-- Wolverine's tables live in, owned by caseflow_owner (NOLOGIN), the ledger of applied migrations, and the access
-- audit, an INSERT-only table the application can append to and read, never change.
-- Needs the roles caseflow_app (the application's login), caseflow_owner and caseflow_audit_owner (NOLOGIN) to exist.
-- Idempotent: safe to apply again.

-- The application connects and keeps temporary tables; it creates nothing and owns nothing, so it can neither change
-- the schema nor drop what it did not create. Its rights on the tables are granted by ops/sql/privileges.sql.
DO $$ BEGIN
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO caseflow_app', current_database());
    EXECUTE format('REVOKE CREATE ON DATABASE %I FROM caseflow_app', current_database());
END $$;

CREATE SCHEMA IF NOT EXISTS caseflow AUTHORIZATION caseflow_owner;
ALTER SCHEMA caseflow OWNER TO caseflow_owner;
REVOKE ALL ON SCHEMA caseflow FROM PUBLIC;
GRANT USAGE ON SCHEMA caseflow TO caseflow_app;

-- Which files of ops/migrations were applied, with their SHA-256: a file changed after it was applied is refused.
CREATE SCHEMA IF NOT EXISTS caseflow_migrations AUTHORIZATION caseflow_owner;
ALTER SCHEMA caseflow_migrations OWNER TO caseflow_owner;
REVOKE ALL ON SCHEMA caseflow_migrations FROM PUBLIC;
CREATE TABLE IF NOT EXISTS caseflow_migrations.applied (
    name       text PRIMARY KEY,
    sha256     text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE caseflow_migrations.applied OWNER TO caseflow_owner;

-- Values over 2 kB (documents, event bodies) are compressed with LZ4 rather than PostgreSQL's own pglz: several times
-- cheaper per write; pglz was PostgreSQL's largest CPU item per stored event once statements were prepared
-- (docs/benchmarks.md). For sessions opened after this; values already stored keep their compression.
DO $$ BEGIN
    EXECUTE format('ALTER DATABASE %I SET default_toast_compression = lz4', current_database());
END $$;

CREATE SCHEMA IF NOT EXISTS caseflow_audit AUTHORIZATION caseflow_audit_owner;
ALTER SCHEMA caseflow_audit OWNER TO caseflow_audit_owner;

CREATE TABLE IF NOT EXISTS caseflow_audit.access_log (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at       timestamptz NOT NULL,               -- when the access happened (UTC, the node's clock)
    user_id  text NOT NULL,                      -- the token's subject, or "anonymous"
    role     text NOT NULL,
    agency   text NOT NULL,                      -- ORI, field office, or "" for program-wide roles
    record   text NOT NULL,                      -- what was touched: "case:<id>", "subject:<ref>", "officer:<id>", ...
    case_id  uuid,                               -- the case the record belongs to, when there is one
    action   text NOT NULL,                      -- the endpoint or event type
    outcome  text NOT NULL,                      -- allowed, appended, replayed, refused:<problem>, denied, ...
    source   text NOT NULL,                      -- the caller's network address, or "system"
    trace_id text NOT NULL,
    logged_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
ALTER TABLE caseflow_audit.access_log OWNER TO caseflow_audit_owner;

CREATE INDEX IF NOT EXISTS access_log_user ON caseflow_audit.access_log (user_id, id);
CREATE INDEX IF NOT EXISTS access_log_case ON caseflow_audit.access_log (case_id, id) WHERE case_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS access_log_at ON caseflow_audit.access_log (at);

REVOKE ALL ON SCHEMA caseflow_audit FROM PUBLIC, caseflow_app;
REVOKE ALL ON caseflow_audit.access_log FROM PUBLIC, caseflow_app;
GRANT USAGE ON SCHEMA caseflow_audit TO caseflow_app;
-- Column by column: the row's id and logged_at are the database's to assign, never the application's.
GRANT INSERT (at, user_id, role, agency, record, case_id, action, outcome, source, trace_id), SELECT
    ON caseflow_audit.access_log TO caseflow_app;

-- Defence in depth beside the privileges: even a role later granted more cannot rewrite history unnoticed.
CREATE OR REPLACE FUNCTION caseflow_audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'caseflow_audit.access_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
ALTER FUNCTION caseflow_audit.refuse_change() OWNER TO caseflow_audit_owner;

DROP TRIGGER IF EXISTS access_log_append_only ON caseflow_audit.access_log;
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON caseflow_audit.access_log
    FOR EACH ROW EXECUTE FUNCTION caseflow_audit.refuse_change();
DROP TRIGGER IF EXISTS access_log_no_truncate ON caseflow_audit.access_log;
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON caseflow_audit.access_log
    FOR EACH STATEMENT EXECUTE FUNCTION caseflow_audit.refuse_change();
