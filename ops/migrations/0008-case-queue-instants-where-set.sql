-- 0008-case-queue-instants-where-set: written by ./ops/migrate new on 2026-12-06 from the server's db-patch; reviewed before commit.
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


drop index if exists caseflow.mt_doc_casequeuerow_idx_review_at;
drop index if exists caseflow.mt_doc_casequeuerow_idx_detainer_at;
drop index if exists caseflow.mt_doc_casequeuerow_idx_release_at;
drop index if exists caseflow.mt_doc_casequeuerow_idx_deadline_at;
drop index if exists caseflow.mt_doc_casequeuerow_idx_claim_at;
drop index if exists caseflow.mt_doc_casequeuerow_idx_exception_at;
CREATE INDEX mt_doc_casequeuerow_idx_review_at ON caseflow.mt_doc_casequeuerow USING btree (review_at) WHERE (review_at is not null);
CREATE INDEX mt_doc_casequeuerow_idx_detainer_at ON caseflow.mt_doc_casequeuerow USING btree (detainer_at) WHERE (detainer_at is not null);
CREATE INDEX mt_doc_casequeuerow_idx_release_at ON caseflow.mt_doc_casequeuerow USING btree (release_at) WHERE (release_at is not null);
CREATE INDEX mt_doc_casequeuerow_idx_deadline_at ON caseflow.mt_doc_casequeuerow USING btree (deadline_at) WHERE (deadline_at is not null);
CREATE INDEX mt_doc_casequeuerow_idx_claim_at ON caseflow.mt_doc_casequeuerow USING btree (claim_at) WHERE (claim_at is not null);
CREATE INDEX mt_doc_casequeuerow_idx_exception_at ON caseflow.mt_doc_casequeuerow USING btree (exception_at) WHERE (exception_at is not null);
