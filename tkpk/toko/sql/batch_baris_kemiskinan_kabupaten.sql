-- The rows one batch brought into kemiskinan_kabupaten, in the order they were loaded (DuckDB keeps insertion order;
-- no sort, so a 12-million-row batch answers at once), for the per-batch view of the history page.
-- params: {"batch_id": 1, "batas": 1000}
SELECT * EXCLUDE (batch_id) FROM kemiskinan_kabupaten WHERE batch_id = $batch_id LIMIT $batas;
