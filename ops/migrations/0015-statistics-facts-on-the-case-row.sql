-- 0015-statistics-facts-on-the-case-row: written by hand on 2026-12-08 (the cells are not Marten's model; the column
-- is the one Marten maps for CaseQueueRow.FactRows). The statistics' facts of a case are now a column of its case read
-- row (mt_doc_casequeuerow.fact_rows), stored by the one asynchronous projection CaseReadModels, and the cells'
-- triggers (0006, 0007, 0009, 0010) move to that table. The statistics' own rows (mt_doc_casestatisticsrow), made from
-- the case rows by a second stage of a composite projection, go: every case was stored twice per page, and JasperFx
-- defers a rebuild's writes (one row per case per flush) only for a projection that is not a composite
-- (docs/benchmarks.md, "One projection for the case read models"). What the cells hold and when they change (once per
-- transaction, at its commit) are unchanged.
--
-- The previous version's nodes write the statistics rows and read the statistics' progress under CaseStatistics:All:
-- stop them before applying (docs/operations.md). No rebuild: the facts are copied from the rows they replace, and
-- the shard CaseReadModels:All goes on from where its two stages had both come.

ALTER TABLE caseflow.mt_doc_casequeuerow ADD COLUMN fact_rows jsonb NULL;

-- Before the triggers move, so copying changes no cell. Both rows of a case were written in the same transaction; a
-- case row without a statistics row (none is expected) counts for nothing, as it did.
UPDATE caseflow.mt_doc_casequeuerow q
SET fact_rows = coalesce((SELECT s.fact_rows FROM caseflow.mt_doc_casestatisticsrow s WHERE s.id = q.id), '[]'::jsonb);

DROP TRIGGER statistics_cells_stage_on_insert_or_delete ON caseflow.mt_doc_casestatisticsrow;
DROP TRIGGER statistics_cells_stage_on_update ON caseflow.mt_doc_casestatisticsrow;
DROP TRIGGER statistics_cells_apply ON caseflow.mt_doc_casestatisticsrow;
DROP TRIGGER statistics_cells_on_truncate ON caseflow.mt_doc_casestatisticsrow;

-- As on the statistics rows (0006): a row written again with the same facts, agency and model changes no cell, and
-- nothing is staged for it; the queue columns a step changes without a fact stage nothing.
CREATE TRIGGER statistics_cells_stage_on_insert_or_delete AFTER INSERT OR DELETE ON caseflow.mt_doc_casequeuerow
    FOR EACH ROW EXECUTE FUNCTION caseflow.statistics_cells_stage();
CREATE TRIGGER statistics_cells_stage_on_update AFTER UPDATE ON caseflow.mt_doc_casequeuerow
    FOR EACH ROW WHEN (OLD.fact_rows IS DISTINCT FROM NEW.fact_rows OR OLD.ori IS DISTINCT FROM NEW.ori OR OLD.model IS DISTINCT FROM NEW.model)
    EXECUTE FUNCTION caseflow.statistics_cells_stage();
CREATE CONSTRAINT TRIGGER statistics_cells_apply AFTER INSERT OR UPDATE OR DELETE ON caseflow.mt_doc_casequeuerow
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION caseflow.statistics_cells_apply();
-- A rebuild's TRUNCATE of the rows empties the cells.
CREATE TRIGGER statistics_cells_on_truncate AFTER TRUNCATE ON caseflow.mt_doc_casequeuerow
    FOR EACH STATEMENT EXECUTE FUNCTION caseflow.statistics_cells_clear();

-- The counts from scratch (0010's), now from the case rows.
DROP VIEW caseflow.statistics_cells_apart;
DROP VIEW caseflow.statistics_durations_apart;
DROP VIEW caseflow.statistics_cells_recounted;
DROP VIEW caseflow.statistics_durations_recounted;

CREATE VIEW caseflow.statistics_cells_recounted AS
SELECT c.*, count(*)::int AS facts
FROM caseflow.mt_doc_casequeuerow d
LEFT JOIN caseflow.statistics_places p ON p.ori = d.ori
CROSS JOIN LATERAL caseflow.statistics_cells_of(d.ori, p.roll_ups, d.model, d.fact_rows) AS c
GROUP BY 1, 2, 3, 4, 5, 6;

CREATE VIEW caseflow.statistics_durations_recounted AS
SELECT c.*, count(*)::int AS facts
FROM caseflow.mt_doc_casequeuerow d
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

DROP TABLE caseflow.mt_doc_casestatisticsrow;

-- The shard goes on from where both stages had come; the stages' own progress rows go.
INSERT INTO caseflow.mt_event_progression (name, last_seq_id)
SELECT 'CaseReadModels:All', min(last_seq_id) FROM caseflow.mt_event_progression
WHERE name IN ('CaseQueues:All', 'CaseStatistics:All')
HAVING count(*) > 0
ON CONFLICT (name) DO UPDATE SET last_seq_id = excluded.last_seq_id, last_updated = transaction_timestamp();
DELETE FROM caseflow.mt_event_progression WHERE name IN ('CaseQueues:All', 'CaseStatistics:All');
