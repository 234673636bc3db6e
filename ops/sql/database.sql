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

-- The access log is partitioned by the month of "at" (UTC), so that a month past its retention is moved out whole
-- (ops/expire-access-log) and reads bounded in time touch only their months. The default partition takes a record
-- dated outside the months prepared (a node clock far off, a simulated clock) rather than refusing it. A log made
-- before partitioning is converted once: renamed here, its rows copied into the partitioned table further down.
DO $$ BEGIN
    IF (SELECT relkind FROM pg_class WHERE oid = to_regclass('caseflow_audit.access_log')) = 'r' THEN
        ALTER TABLE caseflow_audit.access_log RENAME TO access_log_unpartitioned;
        ALTER INDEX IF EXISTS caseflow_audit.access_log_pkey RENAME TO access_log_unpartitioned_pkey;
        ALTER INDEX IF EXISTS caseflow_audit.access_log_user RENAME TO access_log_unpartitioned_user;
        ALTER INDEX IF EXISTS caseflow_audit.access_log_case RENAME TO access_log_unpartitioned_case;
        ALTER INDEX IF EXISTS caseflow_audit.access_log_at RENAME TO access_log_unpartitioned_at;
    END IF;
END $$;

CREATE TABLE IF NOT EXISTS caseflow_audit.access_log (
    id       bigint GENERATED ALWAYS AS IDENTITY,
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
    logged_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
ALTER TABLE caseflow_audit.access_log OWNER TO caseflow_audit_owner;
CREATE TABLE IF NOT EXISTS caseflow_audit.access_log_default PARTITION OF caseflow_audit.access_log DEFAULT;
ALTER TABLE caseflow_audit.access_log_default OWNER TO caseflow_audit_owner;

CREATE INDEX IF NOT EXISTS access_log_user ON caseflow_audit.access_log (user_id, id);
CREATE INDEX IF NOT EXISTS access_log_case ON caseflow_audit.access_log (case_id, id) WHERE case_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS access_log_at ON caseflow_audit.access_log (at);

-- Makes the monthly partitions from the month of from_at through the month of through_at that do not exist yet, and
-- answers how many it made. A month the default partition already holds records of is left to it (a partition over
-- them cannot be attached). Nodes call it for the months ahead (AccessLogPartitions); it runs as the log's owner.
CREATE OR REPLACE FUNCTION caseflow_audit.ensure_partitions(from_at timestamptz, through_at timestamptz) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, caseflow_audit AS $$
DECLARE
    month timestamp := date_trunc('month', from_at AT TIME ZONE 'UTC');
    made integer := 0;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('caseflow_audit.ensure_partitions'));
    WHILE month <= date_trunc('month', through_at AT TIME ZONE 'UTC') LOOP
        IF to_regclass(format('caseflow_audit.access_log_%s', to_char(month, 'YYYY_MM'))) IS NULL
           AND NOT EXISTS (SELECT 1 FROM caseflow_audit.access_log_default
                           WHERE at >= month AT TIME ZONE 'UTC' AND at < (month + interval '1 month') AT TIME ZONE 'UTC') THEN
            EXECUTE format('CREATE TABLE caseflow_audit.%I PARTITION OF caseflow_audit.access_log FOR VALUES FROM (%L) TO (%L)',
                'access_log_' || to_char(month, 'YYYY_MM'), month AT TIME ZONE 'UTC', (month + interval '1 month') AT TIME ZONE 'UTC');
            made := made + 1;
        END IF;
        month := month + interval '1 month';
    END LOOP;
    RETURN made;
END $$;
ALTER FUNCTION caseflow_audit.ensure_partitions(timestamptz, timestamptz) OWNER TO caseflow_audit_owner;
REVOKE ALL ON FUNCTION caseflow_audit.ensure_partitions(timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION caseflow_audit.ensure_partitions(timestamptz, timestamptz) TO caseflow_app;

DO $$
DECLARE oldest timestamptz;
BEGIN
    IF to_regclass('caseflow_audit.access_log_unpartitioned') IS NOT NULL THEN
        SELECT min(at) INTO oldest FROM caseflow_audit.access_log_unpartitioned;
        PERFORM caseflow_audit.ensure_partitions(coalesce(oldest, now()), now() + interval '3 months');
        INSERT INTO caseflow_audit.access_log OVERRIDING SYSTEM VALUE SELECT * FROM caseflow_audit.access_log_unpartitioned;
        PERFORM setval(pg_get_serial_sequence('caseflow_audit.access_log', 'id'),
            greatest(coalesce((SELECT max(id) FROM caseflow_audit.access_log_unpartitioned), 0), 1),
            (SELECT count(*) > 0 FROM caseflow_audit.access_log_unpartitioned));
        DROP TABLE caseflow_audit.access_log_unpartitioned;
    ELSE
        PERFORM caseflow_audit.ensure_partitions(now(), now() + interval '3 months');
    END IF;
END $$;

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
