-- The rows one batch brought into rencana_aksi, in the order they were loaded, for the history page.
-- params: {"batch_id": 1, "batas": 1000}
SELECT * EXCLUDE (batch_id) FROM rencana_aksi WHERE batch_id = $batch_id LIMIT $batas;
