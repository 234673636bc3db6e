-- 0011-statistics-reads-index-only: written by hand on 2026-12-07 (the cells are not Marten's model). The statistics'
-- reads are answered from the indexes alone. A scope's cells and buckets are created month by month beside every other
-- scope's, so a read of one scope found each of its rows on a page of its own: the national year's 15,830 rows were
-- 3,903 heap pages and 17 ms, against 145 index pages and 4 ms read from an index holding the counts too
-- (docs/benchmarks.md, "Durations in bounded buckets"). The monthly report's index leads with the measure, which it
-- filters on, before the months, which it reads a range of: 15 ms against 38-75 for the 22,849 agency cells of nine
-- months. Updating a count was never a HOT update (the partial indexes of 0009 name facts), so the wider
-- indexes cost the commit's apply no extra heap work.

ALTER TABLE caseflow.statistics_cells
    DROP CONSTRAINT pkey_statistics_cells,
    ADD CONSTRAINT pkey_statistics_cells PRIMARY KEY (scope, fiscal_year, model, measure, key, month) INCLUDE (facts);
ALTER TABLE caseflow.statistics_durations
    DROP CONSTRAINT pkey_statistics_durations,
    ADD CONSTRAINT pkey_statistics_durations PRIMARY KEY (scope, fiscal_year, model, measure, month, minutes) INCLUDE (facts);

DROP INDEX caseflow.statistics_cells_by_month;
CREATE INDEX statistics_cells_by_measure_and_month ON caseflow.statistics_cells (fiscal_year, measure, month) INCLUDE (scope, model, facts);

-- An index-only scan reads the heap for every page not marked all-visible, and only a vacuum marks one: vacuumed after
-- a hundredth of the rows changed or were inserted (PostgreSQL's defaults wait for a fifth), so that the pages of past
-- months, which no longer change, stay marked.
ALTER TABLE caseflow.statistics_cells SET (
    autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.01);
ALTER TABLE caseflow.statistics_durations SET (
    autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.01);
