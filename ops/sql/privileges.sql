-- The application's rights on Marten's and Wolverine's tables, and the guards of the event store, applied as
-- caseflow_owner by ops/migrate apply after every migration. Written over the whole schema, so a table a new migration
-- creates (a new document type) gets its rights without an edit here. Idempotent: safe to apply again.

-- Documents, progression, hilo and Wolverine's envelopes, nodes and dead letters: rows read and written. No DDL.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA caseflow TO caseflow_app;
-- A projection's rebuild (and Marten's deletion of a document type) empties its documents with TRUNCATE.
DO $$
DECLARE documents record;
BEGIN
    FOR documents IN SELECT tablename FROM pg_tables WHERE schemaname = 'caseflow' AND tablename LIKE 'mt\_doc\_%' LOOP
        EXECUTE format('GRANT TRUNCATE ON caseflow.%I TO caseflow_app', documents.tablename);
    END LOOP;
END $$;
-- The statistics' cells and durations (migrations 0004, 0009) are emptied with the statistics rows, by their TRUNCATE trigger.
GRANT TRUNCATE ON caseflow.statistics_cells, caseflow.statistics_durations TO caseflow_app;

-- The events: appended and read, never changed.
REVOKE UPDATE, DELETE, TRUNCATE ON caseflow.mt_events FROM caseflow_app;

-- The streams: a row is created by a stream's first append and its version (and timestamp) moved by the next ones;
-- nothing else of it changes and no stream is deleted.
REVOKE UPDATE, DELETE, TRUNCATE ON caseflow.mt_streams FROM caseflow_app;
GRANT UPDATE (version, timestamp) ON caseflow.mt_streams TO caseflow_app;

-- nextval (event sequence numbers, Wolverine's node numbers) and the sequence's last value; never setval.
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA caseflow TO caseflow_app;
-- The append, upsert and hilo functions run with the caller's rights, so these grants hold inside them too.
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA caseflow TO caseflow_app;

-- Defence in depth beside the privileges, as on the access log: a role later granted more still cannot change an
-- event, and a stream's version only moves forward. A superuser can disable triggers; the signed checkpoints are
-- what catch that (docs/security.md).
CREATE OR REPLACE FUNCTION caseflow_migrations.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on %.% refused: the event store is append-only', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE OR REPLACE FUNCTION caseflow_migrations.refuse_stream_rewind() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.id = OLD.id AND NEW.version >= OLD.version THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'caseflow.mt_streams versions only move forward (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

DROP TRIGGER IF EXISTS events_append_only ON caseflow.mt_events;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON caseflow.mt_events
    FOR EACH ROW EXECUTE FUNCTION caseflow_migrations.refuse_change();
DROP TRIGGER IF EXISTS events_no_truncate ON caseflow.mt_events;
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON caseflow.mt_events
    FOR EACH STATEMENT EXECUTE FUNCTION caseflow_migrations.refuse_change();

DROP TRIGGER IF EXISTS streams_forward_only ON caseflow.mt_streams;
CREATE TRIGGER streams_forward_only BEFORE UPDATE OR DELETE ON caseflow.mt_streams
    FOR EACH ROW EXECUTE FUNCTION caseflow_migrations.refuse_stream_rewind();
DROP TRIGGER IF EXISTS streams_no_truncate ON caseflow.mt_streams;
CREATE TRIGGER streams_no_truncate BEFORE TRUNCATE ON caseflow.mt_streams
    FOR EACH STATEMENT EXECUTE FUNCTION caseflow_migrations.refuse_change();
