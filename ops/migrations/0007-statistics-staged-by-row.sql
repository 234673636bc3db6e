-- 0007-statistics-staged-by-row: written by hand on 2026-12-05 (the cells are not Marten's model). The rows' trigger
-- now stages one line per row written (its agency, model and facts, counted in or out), not one line per cell: the
-- commit's trigger expands every staged row into its cells in one statement. Expanding a row's facts inside the
-- row's trigger ran one INSERT ... SELECT per row and was 22 of the 83 s of PostgreSQL's busiest backend in the
-- national year's statistics rebuild; staged whole it is 2.7 s, and the commit's expansion is no slower than its
-- sum was (docs/benchmarks.md, "The statistics' rows staged whole"). What the cells hold and when they change (once
-- per transaction, at its commit) are unchanged.

-- A transaction's rows written, one line per row counted in (+1) or out (-1), from its writes until its commit
-- expands them into the cells. Unlogged and found by transaction through the index, as the cell changes it replaces
-- were (0006).
CREATE UNLOGGED TABLE caseflow.statistics_row_changes (
    xact xid8 NOT NULL DEFAULT pg_current_xact_id(),
    ori varchar NOT NULL,
    model varchar NOT NULL,
    fact_rows jsonb NOT NULL,
    sign int NOT NULL CHECK (sign IN (-1, 1))
);
CREATE INDEX statistics_row_changes_xact ON caseflow.statistics_row_changes (xact);

CREATE OR REPLACE FUNCTION caseflow.statistics_cells_stage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO caseflow.statistics_row_changes (ori, model, fact_rows, sign) VALUES (NEW.ori, NEW.model, NEW.fact_rows, 1);
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO caseflow.statistics_row_changes (ori, model, fact_rows, sign) VALUES (OLD.ori, OLD.model, OLD.fact_rows, -1);
    ELSE
        INSERT INTO caseflow.statistics_row_changes (ori, model, fact_rows, sign)
        VALUES (OLD.ori, OLD.model, OLD.fact_rows, -1), (NEW.ori, NEW.model, NEW.fact_rows, 1);
    END IF;
    PERFORM set_config('caseflow.statistics_cells_staged', 'yes', true);
    RETURN NULL;
END $$;

-- As in 0006, the first of the commit's firings applies everything its transaction staged; the cells' sums are now
-- taken over the staged rows' facts.
CREATE OR REPLACE FUNCTION caseflow.statistics_cells_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    short record;
BEGIN
    IF current_setting('caseflow.statistics_cells_staged', true) IS DISTINCT FROM 'yes' THEN
        RETURN NULL;
    END IF;
    PERFORM set_config('caseflow.statistics_cells_staged', 'no', true);
    WITH staged AS (DELETE FROM caseflow.statistics_row_changes WHERE xact = pg_current_xact_id() RETURNING ori, model, fact_rows, sign)
    INSERT INTO caseflow.statistics_cells AS c
    SELECT cell.scope, cell.fiscal_year, cell.model, cell.measure, cell.key, cell.month, cell.timed, cell.minutes, sum(s.sign)::int
    FROM staged s CROSS JOIN LATERAL caseflow.statistics_cells_of(s.ori, s.model, s.fact_rows) AS cell
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(s.sign) <> 0
    ON CONFLICT (scope, fiscal_year, model, measure, key, month, timed, minutes) DO UPDATE SET facts = c.facts + excluded.facts;
    DELETE FROM caseflow.statistics_cells WHERE facts = 0;
    SELECT * INTO short FROM caseflow.statistics_cells WHERE facts < 0 LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'statistics cell % counts fewer facts than its rows take away', short;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION caseflow.statistics_cells_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE caseflow.statistics_cells;
    DELETE FROM caseflow.statistics_row_changes WHERE xact = pg_current_xact_id();
    RETURN NULL;
END $$;

-- Last, so that a node's transaction that staged into the old table before this migration holds it until its own
-- commit has applied them (DROP waits for that transaction's lock); every later transaction runs the functions above.
DROP TABLE caseflow.statistics_cell_changes;
