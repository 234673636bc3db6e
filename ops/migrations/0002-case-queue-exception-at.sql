-- 0002-case-queue-exception-at: written by ./ops/migrate new on 2026-12-03 from the server's db-patch; reviewed before commit.
DO $$
BEGIN      IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'caseflow') THEN
        BEGIN
          EXECUTE 'CREATE SCHEMA IF NOT EXISTS caseflow';
        EXCEPTION
          WHEN duplicate_schema THEN NULL;
          WHEN unique_violation THEN NULL;
        END;
      END IF;

END
$$;


alter table caseflow.mt_doc_casequeuerow add column exception_at timestamp with time zone NULL;update caseflow.mt_doc_casequeuerow set "exception_at" = caseflow.mt_immutable_timestamptz(data ->> 'exceptionAt');
CREATE INDEX mt_doc_casequeuerow_idx_exception_at ON caseflow.mt_doc_casequeuerow USING btree (exception_at);
