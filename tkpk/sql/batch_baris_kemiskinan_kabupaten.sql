-- The rows one batch brought into kemiskinan_kabupaten, for the per-batch view of the history page.
-- params: {"batch_id": 1, "batas": 1000}
SELECT * EXCLUDE (batch_id) FROM kemiskinan_kabupaten WHERE batch_id = $batch_id ORDER BY ALL LIMIT $batas;
