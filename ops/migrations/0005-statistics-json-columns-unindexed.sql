-- 0005-statistics-json-columns-unindexed: written by ./ops/migrate new on 2026-12-04 from the server's db-patch; reviewed before commit.
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


-- Reviewed: the statistics rows' jsonb columns (fact_rows, read by the cells' trigger; period_rows, unpacked by the
-- officer counts) are searched by no query. A b-tree entry holds the whole value: it slowed every row's write, and
-- PostgreSQL refuses an entry over a third of a page, which a long case's facts could reach.
drop index if exists caseflow.mt_doc_casestatisticsrow_idx_fact_rows;
drop index if exists caseflow.mt_doc_officerstatisticsrow_idx_period_rows;
