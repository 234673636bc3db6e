-- 0010-statistics-roll-up-scopes: written by hand on 2026-12-07 (the cells are not Marten's model). The statistics'
-- cells and durations (0009) now also count each fact at its agency's field office (scope 'field-office:MIA') and
-- state (scope 'state:FL'), beside the agency (its ORI, which holds no colon) and the program (''). A field office's
-- or a state's read summed its agencies': 72 agencies and 63,627 rows for Florida's year at 7.69 million events, 37 to
-- 48 ms of PostgreSQL's time each (docs/benchmarks.md, "Durations in bounded buckets"); it now reads one scope, as the
-- nation's does.
--
-- An agency's field office and state are its agreement's (caseflow.mt_doc_agreement; an ORI has one of each). A
-- commit reads them once for all the rows it staged. An agreement is stored before any case of its agency (intake
-- refuses a booking without one), so every fact finds its places.

-- The roll-up scopes of each agency, from its agreements.
CREATE VIEW caseflow.statistics_places AS
SELECT DISTINCT ON (data ->> 'ori') (data ->> 'ori')::varchar AS ori,
       ARRAY['field-office:' || (data ->> 'fieldOfficeCode'), 'state:' || (data ->> 'stateCode')]::varchar[] AS roll_ups
FROM caseflow.mt_doc_agreement
ORDER BY data ->> 'ori', id;

DROP VIEW caseflow.statistics_cells_apart;
DROP VIEW caseflow.statistics_durations_apart;
DROP VIEW caseflow.statistics_cells_recounted;
DROP VIEW caseflow.statistics_durations_recounted;
DROP FUNCTION caseflow.statistics_cells_of(varchar, varchar, jsonb);
DROP FUNCTION caseflow.statistics_durations_of(varchar, varchar, jsonb);

-- The cells one row's facts count in, one line per fact and scope: its agency's, the program's and its roll-ups'.
CREATE FUNCTION caseflow.statistics_cells_of(row_ori varchar, row_roll_ups varchar[], row_model varchar, row_facts jsonb)
RETURNS TABLE (scope varchar, fiscal_year int, model varchar, measure text, key text, month text)
LANGUAGE sql IMMUTABLE AS $$
    SELECT s.scope, f."fiscalYear", row_model, f.measure, coalesce(f.key, ''), f.month
    FROM jsonb_to_recordset(row_facts) AS f(measure text, key text, month text, "fiscalYear" int)
    CROSS JOIN LATERAL unnest(ARRAY[row_ori, '']::varchar[] || coalesce(row_roll_ups, '{}')) AS s(scope)
$$;

-- The durations one row's timed facts count in, one line per timed fact and scope.
CREATE FUNCTION caseflow.statistics_durations_of(row_ori varchar, row_roll_ups varchar[], row_model varchar, row_facts jsonb)
RETURNS TABLE (scope varchar, fiscal_year int, model varchar, measure text, month text, minutes int)
LANGUAGE sql IMMUTABLE AS $$
    SELECT s.scope, f."fiscalYear", row_model, f.measure, f.month, caseflow.statistics_minutes_bucket(floor(f.seconds / 60.0)::int)
    FROM jsonb_to_recordset(row_facts) AS f(measure text, month text, "fiscalYear" int, seconds bigint)
    CROSS JOIN LATERAL unnest(ARRAY[row_ori, '']::varchar[] || coalesce(row_roll_ups, '{}')) AS s(scope)
    WHERE f.seconds IS NOT NULL
$$;

-- As in 0009, with each staged row's roll-ups looked up once.
CREATE OR REPLACE FUNCTION caseflow.statistics_cells_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    short record;
BEGIN
    IF current_setting('caseflow.statistics_cells_staged', true) IS DISTINCT FROM 'yes' THEN
        RETURN NULL;
    END IF;
    PERFORM set_config('caseflow.statistics_cells_staged', 'no', true);
    -- One statement: both inserts read the staged rows the delete returns, once.
    WITH deleted AS (DELETE FROM caseflow.statistics_row_changes WHERE xact = pg_current_xact_id() RETURNING ori, model, fact_rows, sign),
    staged AS (SELECT s.ori, p.roll_ups, s.model, s.fact_rows, s.sign FROM deleted s LEFT JOIN caseflow.statistics_places p ON p.ori = s.ori),
    counted AS (
        INSERT INTO caseflow.statistics_cells AS c
        SELECT cell.scope, cell.fiscal_year, cell.model, cell.measure, cell.key, cell.month, sum(s.sign)::int
        FROM staged s CROSS JOIN LATERAL caseflow.statistics_cells_of(s.ori, s.roll_ups, s.model, s.fact_rows) AS cell
        GROUP BY 1, 2, 3, 4, 5, 6
        HAVING sum(s.sign) <> 0
        ON CONFLICT (scope, fiscal_year, model, measure, key, month) DO UPDATE SET facts = c.facts + excluded.facts)
    INSERT INTO caseflow.statistics_durations AS d
    SELECT span.scope, span.fiscal_year, span.model, span.measure, span.month, span.minutes, sum(s.sign)::int
    FROM staged s CROSS JOIN LATERAL caseflow.statistics_durations_of(s.ori, s.roll_ups, s.model, s.fact_rows) AS span
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

CREATE VIEW caseflow.statistics_cells_recounted AS
SELECT c.*, count(*)::int AS facts
FROM caseflow.mt_doc_casestatisticsrow d
LEFT JOIN caseflow.statistics_places p ON p.ori = d.ori
CROSS JOIN LATERAL caseflow.statistics_cells_of(d.ori, p.roll_ups, d.model, d.fact_rows) AS c
GROUP BY 1, 2, 3, 4, 5, 6;

CREATE VIEW caseflow.statistics_durations_recounted AS
SELECT c.*, count(*)::int AS facts
FROM caseflow.mt_doc_casestatisticsrow d
LEFT JOIN caseflow.statistics_places p ON p.ori = d.ori
CROSS JOIN LATERAL caseflow.statistics_durations_of(d.ori, p.roll_ups, d.model, d.fact_rows) AS c
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

-- The roll-ups of the facts already counted.
INSERT INTO caseflow.statistics_cells SELECT * FROM caseflow.statistics_cells_recounted WHERE scope LIKE '%:%';
INSERT INTO caseflow.statistics_durations SELECT * FROM caseflow.statistics_durations_recounted WHERE scope LIKE '%:%';
