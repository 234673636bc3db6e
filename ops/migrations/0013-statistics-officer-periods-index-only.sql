-- 0013-statistics-officer-periods-index-only: written by hand on 2026-12-07 (an index Marten cannot declare, which its
-- mapping ignores: OfficerStatisticsRow.PeriodsIndex). The officer counts read every officer row of a roll-up, the
-- nation's 3,744 on the demo year: 1,778 heap pages and 3.9 ms, the document's json read past on each page, against
-- 102 pages and 0.4 ms from an index holding the columns they read (docs/benchmarks.md, "Durations in bounded
-- buckets").

CREATE INDEX officerstatisticsrow_periods_by_ori ON caseflow.mt_doc_officerstatisticsrow (ori)
    INCLUDE (id, time_zone, period_models, period_from_utc_ticks, period_until_utc_ticks, period_refresher_overdue);

-- An index-only scan reads the heap for every page not marked all-visible, and only a vacuum marks one (as 0011 for
-- the cells): vacuumed after a hundredth of the officers changed.
ALTER TABLE caseflow.mt_doc_officerstatisticsrow SET (
    autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.01);
