-- 0006-statistics-cells-at-commit: written by hand on 2026-12-04 (the cells are not Marten's model). The statistics'
-- cells (0004) are now changed once per transaction, not once per row: the rows' trigger stages each row's changes
-- and a trigger deferred to the commit adds them up and applies each cell's sum once. A rebuild writes thousands of
-- rows per transaction whose facts fall in the same cells; applying every row's changes cell by cell through the
-- primary key was 0.18 ms a row and most of PostgreSQL's time in the statistics rebuild (docs/benchmarks.md,
-- "The cells changed once per transaction"). What the cells hold, and that they equal a count of the rows made from
-- scratch at every committed moment, is unchanged.

DROP TRIGGER statistics_cells_on_insert ON caseflow.mt_doc_casestatisticsrow;
DROP TRIGGER statistics_cells_on_update ON caseflow.mt_doc_casestatisticsrow;
DROP TRIGGER statistics_cells_on_delete ON caseflow.mt_doc_casestatisticsrow;
DROP FUNCTION caseflow.statistics_cells_follow();

-- A transaction's changes to the cells, one line per fact counted in (+1) or out (-1), from its rows' writes until its
-- commit moves them into the cells. Lines live only inside their transaction, so the table is unlogged (a crash loses
-- only what an aborted transaction staged). The commit takes its own transaction's lines through the index: the
-- deleted lines of earlier transactions wait in the heap for autovacuum, and a scan of the heap would read them all.
CREATE UNLOGGED TABLE caseflow.statistics_cell_changes (
    xact xid8 NOT NULL DEFAULT pg_current_xact_id(),
    LIKE caseflow.statistics_cells -- a cell's key and its facts: here the change, +1 or -1
);
CREATE INDEX statistics_cell_changes_xact ON caseflow.statistics_cell_changes (xact);

-- A cell's sum may be negative while its transaction's changes are applied (INSERT ... ON CONFLICT checks a row it
-- proposes to insert before it finds the cell the row updates), so the CHECK goes; the commit deletes the cells its
-- changes emptied and refuses any left below zero. The partial index finds both without reading the cells.
ALTER TABLE caseflow.statistics_cells DROP CONSTRAINT statistics_cells_facts_check;
CREATE INDEX statistics_cells_not_positive ON caseflow.statistics_cells (scope) WHERE facts <= 0;

CREATE FUNCTION caseflow.statistics_cells_stage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO caseflow.statistics_cell_changes (scope, fiscal_year, model, measure, key, month, timed, minutes, facts)
        SELECT *, -1 FROM caseflow.statistics_cells_of(OLD.ori, OLD.model, OLD.fact_rows);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO caseflow.statistics_cell_changes (scope, fiscal_year, model, measure, key, month, timed, minutes, facts)
        SELECT *, 1 FROM caseflow.statistics_cells_of(NEW.ori, NEW.model, NEW.fact_rows);
    END IF;
    PERFORM set_config('caseflow.statistics_cells_staged', 'yes', true);
    RETURN NULL;
END $$;

-- Deferred to the commit, where it fires once for each row written: the first firing applies everything staged and
-- clears the transaction's flag, the others find it cleared and return. A row staged after that (a deferred write)
-- sets the flag again and its own firing applies it.
CREATE FUNCTION caseflow.statistics_cells_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    short record;
BEGIN
    IF current_setting('caseflow.statistics_cells_staged', true) IS DISTINCT FROM 'yes' THEN
        RETURN NULL;
    END IF;
    PERFORM set_config('caseflow.statistics_cells_staged', 'no', true);
    WITH staged AS (DELETE FROM caseflow.statistics_cell_changes WHERE xact = pg_current_xact_id() RETURNING *)
    INSERT INTO caseflow.statistics_cells AS c
    SELECT scope, fiscal_year, model, measure, key, month, timed, minutes, sum(facts)::int
    FROM staged
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(facts) <> 0
    ON CONFLICT (scope, fiscal_year, model, measure, key, month, timed, minutes) DO UPDATE SET facts = c.facts + excluded.facts;
    DELETE FROM caseflow.statistics_cells WHERE facts = 0;
    SELECT * INTO short FROM caseflow.statistics_cells WHERE facts < 0 LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'statistics cell % counts fewer facts than its rows take away', short;
    END IF;
    RETURN NULL;
END $$;

-- A row written again with the same facts, agency and model changes no cell: nothing is staged for it (as in 0004).
CREATE TRIGGER statistics_cells_stage_on_insert_or_delete AFTER INSERT OR DELETE ON caseflow.mt_doc_casestatisticsrow
    FOR EACH ROW EXECUTE FUNCTION caseflow.statistics_cells_stage();
CREATE TRIGGER statistics_cells_stage_on_update AFTER UPDATE ON caseflow.mt_doc_casestatisticsrow
    FOR EACH ROW WHEN (OLD.fact_rows IS DISTINCT FROM NEW.fact_rows OR OLD.ori IS DISTINCT FROM NEW.ori OR OLD.model IS DISTINCT FROM NEW.model)
    EXECUTE FUNCTION caseflow.statistics_cells_stage();
CREATE CONSTRAINT TRIGGER statistics_cells_apply AFTER INSERT OR UPDATE OR DELETE ON caseflow.mt_doc_casestatisticsrow
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION caseflow.statistics_cells_apply();

-- The rows' TRUNCATE (a rebuild) empties the cells, and with them what its own transaction had staged before it.
CREATE OR REPLACE FUNCTION caseflow.statistics_cells_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE caseflow.statistics_cells;
    DELETE FROM caseflow.statistics_cell_changes WHERE xact = pg_current_xact_id();
    RETURN NULL;
END $$;
