-- 0009-statistics-durations-bounded: written by hand on 2026-12-07 (the cells are not Marten's model). The statistics'
-- durations leave the cells for a histogram of bounded size. The cells (0004) kept one row per scope, month, key and
-- distinct number of minutes, so their number grew with a year's volume: at 7.69 million events a national year read
-- 115,171 rows and the monthly report's draft, which needs counts only, summed 796,336 (docs/benchmarks.md, "A demo
-- year at 7.69 million events"). Now:
--
-- - statistics_cells counts facts by scope, model, fiscal year, local month, measure and breakdown key, with no
--   duration: its size grows with agencies, months and the keys' vocabularies, not with cases;
-- - statistics_durations holds the timed measures' durations by scope, model, fiscal year, local month and measure
--   (no key: no figure is a percentile by key), each in the bucket statistics_minutes_bucket gives it: exact to the
--   minute under 128 minutes, then 64 buckets to each doubling, so a percentile read from it is at most 1/64 (1.6%)
--   below the exact one and a measure's month holds at most 128 + 64 per doubling of its longest duration (591 buckets
--   for durations up to two weeks, 897 up to a year).
--
-- The staging of rows (0007) and the commit's apply (0006) are unchanged but for the two tables they now fill, and at
-- every committed moment both still equal a count of the rows made from scratch (statistics_cells_apart and
-- statistics_durations_apart). The previous version's nodes read the old cells' columns: stop them before applying.

-- The bucket a duration in whole minutes falls in, named by its first minute: the minute itself under 128 (and below
-- zero, where a misordered pair of instants puts it), else the minute with all but its 7 highest bits cleared. The
-- highest bit is found in the number's bit string: 30 times faster than log(2, minutes::numeric), the same buckets.
CREATE FUNCTION caseflow.statistics_minutes_bucket(minutes int) RETURNS int
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN minutes < 128 THEN minutes
                ELSE minutes & ~((1 << (26 - position('1' in minutes::bit(32)::text))) - 1)
           END
$$;

DROP VIEW caseflow.statistics_cells_apart;
DROP VIEW caseflow.statistics_cells_recounted;
DROP TABLE caseflow.statistics_cells;
DROP FUNCTION caseflow.statistics_cells_of(varchar, varchar, jsonb);

CREATE TABLE caseflow.statistics_cells (
    scope       varchar NOT NULL,
    fiscal_year integer NOT NULL,
    model       varchar NOT NULL,
    measure     text    NOT NULL,
    key         text    NOT NULL,
    month       text    NOT NULL,
    facts       integer NOT NULL,
    CONSTRAINT pkey_statistics_cells PRIMARY KEY (scope, fiscal_year, model, measure, key, month)
);
-- The monthly report sums every agency's cells of a few months: found by month, not by reading every agency's year.
CREATE INDEX statistics_cells_by_month ON caseflow.statistics_cells (fiscal_year, month);

CREATE TABLE caseflow.statistics_durations (
    scope       varchar NOT NULL,
    fiscal_year integer NOT NULL,
    model       varchar NOT NULL,
    measure     text    NOT NULL,
    month       text    NOT NULL,
    minutes     integer NOT NULL, -- the bucket's first minute (statistics_minutes_bucket)
    facts       integer NOT NULL,
    CONSTRAINT pkey_statistics_durations PRIMARY KEY (scope, fiscal_year, model, measure, month, minutes)
);

-- The cells one row's facts count in, one line per fact and scope (its agency's, then the program's).
CREATE FUNCTION caseflow.statistics_cells_of(row_ori varchar, row_model varchar, row_facts jsonb)
RETURNS TABLE (scope varchar, fiscal_year int, model varchar, measure text, key text, month text)
LANGUAGE sql IMMUTABLE AS $$
    SELECT s.scope, f."fiscalYear", row_model, f.measure, coalesce(f.key, ''), f.month
    FROM jsonb_to_recordset(row_facts) AS f(measure text, key text, month text, "fiscalYear" int)
    CROSS JOIN LATERAL (VALUES (row_ori), ('')) AS s(scope)
$$;

-- The durations one row's timed facts count in, one line per timed fact and scope.
CREATE FUNCTION caseflow.statistics_durations_of(row_ori varchar, row_model varchar, row_facts jsonb)
RETURNS TABLE (scope varchar, fiscal_year int, model varchar, measure text, month text, minutes int)
LANGUAGE sql IMMUTABLE AS $$
    SELECT s.scope, f."fiscalYear", row_model, f.measure, f.month, caseflow.statistics_minutes_bucket(floor(f.seconds / 60.0)::int)
    FROM jsonb_to_recordset(row_facts) AS f(measure text, month text, "fiscalYear" int, seconds bigint)
    CROSS JOIN LATERAL (VALUES (row_ori), ('')) AS s(scope)
    WHERE f.seconds IS NOT NULL
$$;

-- As in 0007, the first of the commit's firings applies everything its transaction staged, now into both tables; a
-- cell or a bucket counted down to nothing is deleted, and one left below zero refuses the commit.
CREATE OR REPLACE FUNCTION caseflow.statistics_cells_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    short record;
BEGIN
    IF current_setting('caseflow.statistics_cells_staged', true) IS DISTINCT FROM 'yes' THEN
        RETURN NULL;
    END IF;
    PERFORM set_config('caseflow.statistics_cells_staged', 'no', true);
    -- One statement: both inserts read the staged rows the delete returns, once.
    WITH staged AS (DELETE FROM caseflow.statistics_row_changes WHERE xact = pg_current_xact_id() RETURNING ori, model, fact_rows, sign),
    counted AS (
        INSERT INTO caseflow.statistics_cells AS c
        SELECT cell.scope, cell.fiscal_year, cell.model, cell.measure, cell.key, cell.month, sum(s.sign)::int
        FROM staged s CROSS JOIN LATERAL caseflow.statistics_cells_of(s.ori, s.model, s.fact_rows) AS cell
        GROUP BY 1, 2, 3, 4, 5, 6
        HAVING sum(s.sign) <> 0
        ON CONFLICT (scope, fiscal_year, model, measure, key, month) DO UPDATE SET facts = c.facts + excluded.facts)
    INSERT INTO caseflow.statistics_durations AS d
    SELECT span.scope, span.fiscal_year, span.model, span.measure, span.month, span.minutes, sum(s.sign)::int
    FROM staged s CROSS JOIN LATERAL caseflow.statistics_durations_of(s.ori, s.model, s.fact_rows) AS span
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(s.sign) <> 0
    ON CONFLICT (scope, fiscal_year, model, measure, month, minutes) DO UPDATE SET facts = d.facts + excluded.facts;

    DELETE FROM caseflow.statistics_cells WHERE facts = 0;
    DELETE FROM caseflow.statistics_durations WHERE facts = 0;
    SELECT * INTO short FROM caseflow.statistics_cells WHERE facts < 0 LIMIT 1;
    IF NOT FOUND THEN
        SELECT * INTO short FROM caseflow.statistics_durations WHERE facts < 0 LIMIT 1;
    END IF;
    IF FOUND THEN
        RAISE EXCEPTION 'statistics cell % counts fewer facts than its rows take away', short;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION caseflow.statistics_cells_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE caseflow.statistics_cells, caseflow.statistics_durations;
    DELETE FROM caseflow.statistics_row_changes WHERE xact = pg_current_xact_id();
    RETURN NULL;
END $$;

-- A cell below zero is found through these without reading the tables (0006's index went with the old table).
CREATE INDEX statistics_cells_not_positive ON caseflow.statistics_cells (scope) WHERE facts <= 0;
CREATE INDEX statistics_durations_not_positive ON caseflow.statistics_durations (scope) WHERE facts <= 0;

-- Both counted from scratch from the rows: how the rows already stored get theirs, and what ops/verify-read-models
-- and the tests compare the kept ones with (equal at every committed moment).
CREATE VIEW caseflow.statistics_cells_recounted AS
SELECT c.*, count(*)::int AS facts
FROM caseflow.mt_doc_casestatisticsrow d
CROSS JOIN LATERAL caseflow.statistics_cells_of(d.ori, d.model, d.fact_rows) AS c
GROUP BY 1, 2, 3, 4, 5, 6;

CREATE VIEW caseflow.statistics_durations_recounted AS
SELECT c.*, count(*)::int AS facts
FROM caseflow.mt_doc_casestatisticsrow d
CROSS JOIN LATERAL caseflow.statistics_durations_of(d.ori, d.model, d.fact_rows) AS c
GROUP BY 1, 2, 3, 4, 5, 6;

CREATE VIEW caseflow.statistics_cells_apart AS
(SELECT 'counted from the rows' AS side, * FROM caseflow.statistics_cells_recounted
 EXCEPT SELECT 'counted from the rows', * FROM caseflow.statistics_cells)
UNION ALL
(SELECT 'kept', * FROM caseflow.statistics_cells
 EXCEPT SELECT 'kept', * FROM caseflow.statistics_cells_recounted);

CREATE VIEW caseflow.statistics_durations_apart AS
(SELECT 'counted from the rows' AS side, * FROM caseflow.statistics_durations_recounted
 EXCEPT SELECT 'counted from the rows', * FROM caseflow.statistics_durations)
UNION ALL
(SELECT 'kept', * FROM caseflow.statistics_durations
 EXCEPT SELECT 'kept', * FROM caseflow.statistics_durations_recounted);

INSERT INTO caseflow.statistics_cells SELECT * FROM caseflow.statistics_cells_recounted;
INSERT INTO caseflow.statistics_durations SELECT * FROM caseflow.statistics_durations_recounted;
