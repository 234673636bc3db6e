-- 0012-statistics-officer-periods-as-arrays: written by ./ops/migrate new on 2026-12-07 from the server's db-patch; reviewed before commit.
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


-- Reviewed: the officer counts read each officer's periods as four arrays instead of unpacking a jsonb column per row
-- (8 ms of the database's time against 1 ms on the demo year's 3,744 officers). Marten's own backfill reads the
-- document's json, which does not hold the periods, so the arrays are filled from period_rows, element by element in
-- their order, before it is dropped. Old nodes write period_rows only: stop them before this is applied
-- (docs/operations.md).
alter table caseflow.mt_doc_officerstatisticsrow
    add column period_models varchar[] NULL,
    add column period_from_utc_ticks bigint[] NULL,
    add column period_until_utc_ticks bigint[] NULL,
    add column period_refresher_overdue integer[] NULL;

update caseflow.mt_doc_officerstatisticsrow r
set period_models = p.models, period_from_utc_ticks = p.froms, period_until_utc_ticks = p.untils,
    period_refresher_overdue = p.overdues
from (
    select r.id,
           coalesce(array_agg(e.period ->> 'model' order by e.n) filter (where e.n is not null), '{}')::varchar[] as models,
           coalesce(array_agg((e.period ->> 'fromUtcTicks')::bigint order by e.n) filter (where e.n is not null), '{}') as froms,
           coalesce(array_agg(coalesce((e.period ->> 'untilUtcTicks')::bigint, 9223372036854775807) order by e.n)
                    filter (where e.n is not null), '{}') as untils,
           coalesce(array_agg(case when (e.period ->> 'refresherOverdue')::boolean then 1 else 0 end order by e.n)
                    filter (where e.n is not null), '{}') as overdues
    from caseflow.mt_doc_officerstatisticsrow r
    left join lateral jsonb_array_elements(coalesce(r.period_rows, '[]')) with ordinality as e(period, n) on true
    group by r.id
) p
where r.id = p.id;

alter table caseflow.mt_doc_officerstatisticsrow drop column period_rows;
