-- 0003-statistics-fiscal-years: written by ./ops/migrate new on 2026-12-04 from the server's db-patch; reviewed before commit.
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


alter table caseflow.mt_doc_casestatisticsrow add column fiscal_years integer[] NULL;
-- Edited in review: db-patch filled the column from the document's JSON, which does not hold it (the row derives it
-- from its facts, CaseStatisticsRow.FiscalYears); the rows written before this migration take it from their fact rows.
update caseflow.mt_doc_casestatisticsrow d set fiscal_years = coalesce(
  (select array_agg(distinct (f ->> 'fiscalYear')::int order by (f ->> 'fiscalYear')::int) from jsonb_array_elements(d.fact_rows) f), '{}');
CREATE INDEX mt_doc_casestatisticsrow_idx_fiscal_years ON caseflow.mt_doc_casestatisticsrow USING gin (fiscal_years);
