-- The rows one batch brought into nilai_indikator, for the per-batch view of the history page.
-- params: {"batch_id": 1, "batas": 1000}
SELECT * EXCLUDE (batch_id) FROM nilai_indikator WHERE batch_id = $batch_id ORDER BY ALL LIMIT $batas;
