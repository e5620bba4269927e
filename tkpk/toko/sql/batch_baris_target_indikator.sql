-- The rows one batch brought into target_indikator, in the order they were loaded, for the per-batch view of the
-- history page.
-- params: {"batch_id": 1, "batas": 1000}
SELECT * EXCLUDE (batch_id) FROM target_indikator WHERE batch_id = $batch_id LIMIT $batas;
