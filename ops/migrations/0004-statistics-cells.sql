-- 0004-statistics-cells: written by hand on 2026-12-04 (the cells are not Marten's model: db-patch knows nothing of
-- them). The statistics' counts kept ahead of reads: a read summed every case's fact rows and took about a second at
-- 216,000 cases (docs/benchmarks.md, "Reads as the store grows"); it now sums the cells of one year, whose number grows
-- with agencies, months, measures and distinct durations, not with cases ("Statistics kept ahead of reads").
--
-- A cell counts the facts of one agency (scope = its ORI) or of the whole program (scope = '') in one model, fiscal
-- year, local month, measure, breakdown key ('' for none) and duration in whole minutes (timed = false for a fact
-- without one). Kept by triggers on the statistics projection's rows, in the projection's own transaction: each
-- written row adds its facts and takes away those it had before, so a void, an amendment or a late step moves the
-- counts exactly as it moves the row, and a rebuild (which empties the rows with TRUNCATE) starts the cells from
-- nothing. Medians and percentiles are computed from the minute histograms, exact to the minute.

CREATE TABLE caseflow.statistics_cells (
    scope       varchar NOT NULL,
    fiscal_year integer NOT NULL,
    model       varchar NOT NULL,
    measure     text    NOT NULL,
    key         text    NOT NULL,
    month       text    NOT NULL,
    timed       boolean NOT NULL,
    minutes     integer NOT NULL,
    facts       integer NOT NULL CHECK (facts > 0),
    CONSTRAINT pkey_statistics_cells PRIMARY KEY (scope, fiscal_year, model, measure, key, month, timed, minutes)
);

-- The cells one row's facts count in, one line per fact and scope (its agency's, then the program's): the one place
-- that says how a fact becomes a cell, for the triggers and for the count from scratch below.
CREATE FUNCTION caseflow.statistics_cells_of(row_ori varchar, row_model varchar, row_facts jsonb)
RETURNS TABLE (scope varchar, fiscal_year int, model varchar, measure text, key text, month text, timed boolean, minutes int)
LANGUAGE sql IMMUTABLE AS $$
    SELECT s.scope, f."fiscalYear", row_model, f.measure, coalesce(f.key, ''), f.month,
           f.seconds IS NOT NULL, coalesce(floor(f.seconds / 60.0), 0)::int
    FROM jsonb_to_recordset(row_facts) AS f(measure text, key text, month text, "fiscalYear" int, seconds bigint)
    CROSS JOIN LATERAL (VALUES (row_ori), ('')) AS s(scope)
$$;

-- The change one row makes: its new facts counted in, its old ones counted out, at its agency and at the program.
-- Cell by cell through the primary key (a set-based delete joined to the changes scanned the cells: 0.6 ms a row
-- against about 0.06, docs/benchmarks.md); a cell counted down to nothing is deleted, and counting out a fact a cell
-- does not hold fails the projection's transaction rather than let the figures drift.
CREATE FUNCTION caseflow.statistics_cells_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    x record;
BEGIN
    FOR x IN
        SELECT c.scope, c.fiscal_year, c.model, c.measure, c.key, c.month, c.timed, c.minutes, sum(c.sign)::int AS facts
        FROM (SELECT *, -1 AS sign FROM caseflow.statistics_cells_of(OLD.ori, OLD.model, OLD.fact_rows)
              UNION ALL
              SELECT *, 1 FROM caseflow.statistics_cells_of(NEW.ori, NEW.model, NEW.fact_rows)) AS c
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
        HAVING sum(c.sign) <> 0
    LOOP
        IF x.facts > 0 THEN
            INSERT INTO caseflow.statistics_cells AS c
            VALUES (x.scope, x.fiscal_year, x.model, x.measure, x.key, x.month, x.timed, x.minutes, x.facts)
            ON CONFLICT (scope, fiscal_year, model, measure, key, month, timed, minutes) DO UPDATE SET facts = c.facts + excluded.facts;
        ELSE
            DELETE FROM caseflow.statistics_cells c
            WHERE (c.scope, c.fiscal_year, c.model, c.measure, c.key, c.month, c.timed, c.minutes)
                = (x.scope, x.fiscal_year, x.model, x.measure, x.key, x.month, x.timed, x.minutes)
              AND c.facts = -x.facts;
            IF NOT FOUND THEN
                UPDATE caseflow.statistics_cells c SET facts = c.facts + x.facts
                WHERE (c.scope, c.fiscal_year, c.model, c.measure, c.key, c.month, c.timed, c.minutes)
                    = (x.scope, x.fiscal_year, x.model, x.measure, x.key, x.month, x.timed, x.minutes);
                IF NOT FOUND THEN
                    RAISE EXCEPTION 'statistics cell % counts fewer facts than its row takes away', x;
                END IF;
            END IF;
        END IF;
    END LOOP;
    RETURN NULL;
END $$;

CREATE FUNCTION caseflow.statistics_cells_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE caseflow.statistics_cells;
    RETURN NULL;
END $$;

CREATE TRIGGER statistics_cells_on_insert AFTER INSERT ON caseflow.mt_doc_casestatisticsrow
    FOR EACH ROW EXECUTE FUNCTION caseflow.statistics_cells_follow();
CREATE TRIGGER statistics_cells_on_update AFTER UPDATE ON caseflow.mt_doc_casestatisticsrow
    FOR EACH ROW WHEN (OLD.fact_rows IS DISTINCT FROM NEW.fact_rows OR OLD.ori IS DISTINCT FROM NEW.ori OR OLD.model IS DISTINCT FROM NEW.model)
    EXECUTE FUNCTION caseflow.statistics_cells_follow();
CREATE TRIGGER statistics_cells_on_delete AFTER DELETE ON caseflow.mt_doc_casestatisticsrow
    FOR EACH ROW EXECUTE FUNCTION caseflow.statistics_cells_follow();
CREATE TRIGGER statistics_cells_on_truncate AFTER TRUNCATE ON caseflow.mt_doc_casestatisticsrow
    FOR EACH STATEMENT EXECUTE FUNCTION caseflow.statistics_cells_clear();

-- The cells counted from scratch from the rows: how the rows written before this migration get theirs, and what
-- ops/verify-read-models and the tests compare the kept cells with (they must be equal at every committed moment).
CREATE VIEW caseflow.statistics_cells_recounted AS
SELECT c.*, count(*)::int AS facts
FROM caseflow.mt_doc_casestatisticsrow d
CROSS JOIN LATERAL caseflow.statistics_cells_of(d.ori, d.model, d.fact_rows) AS c
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

-- The cells kept and the cells counted from scratch that differ, each with the side it is on: empty at every moment.
CREATE VIEW caseflow.statistics_cells_apart AS
(SELECT 'counted from the rows' AS side, * FROM caseflow.statistics_cells_recounted
 EXCEPT SELECT 'counted from the rows', * FROM caseflow.statistics_cells)
UNION ALL
(SELECT 'kept', * FROM caseflow.statistics_cells
 EXCEPT SELECT 'kept', * FROM caseflow.statistics_cells_recounted);

INSERT INTO caseflow.statistics_cells SELECT * FROM caseflow.statistics_cells_recounted;

-- The reads no longer select rows by fiscal year (migration 0003): the cells are keyed by it.
ALTER TABLE caseflow.mt_doc_casestatisticsrow DROP COLUMN fiscal_years;
