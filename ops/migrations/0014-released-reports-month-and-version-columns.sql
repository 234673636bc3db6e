-- 0014-released-reports-month-and-version-columns: written by ./ops/migrate new on 2026-12-07 from the server's db-patch; reviewed before commit.
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


-- Reviewed: a release's month and version as columns, filled from the stored json, so that the released reads and the
-- draft's revisions find a release without reading its documents (KeptReleases). Old nodes would store a release
-- without them, unseen by new nodes: stop them before this is applied (docs/operations.md).
drop index if exists caseflow.mt_doc_releasedreport_idx_month;
alter table caseflow.mt_doc_releasedreport add column month varchar NULL;update caseflow.mt_doc_releasedreport set "month" = data ->> 'month';
alter table caseflow.mt_doc_releasedreport add column version integer NULL;update caseflow.mt_doc_releasedreport set "version" = CAST(data ->> 'version' as integer);
CREATE INDEX mt_doc_releasedreport_idx_version ON caseflow.mt_doc_releasedreport USING btree (version);
CREATE INDEX mt_doc_releasedreport_idx_month ON caseflow.mt_doc_releasedreport USING btree (month);
