-- A fingerprint of the store's contents (file, newest batch, active batches), so pages may cache
-- query results per store and reload them the moment a batch is loaded or rolled back.
SELECT (SELECT path FROM duckdb_databases() WHERE database_name = current_database()) AS berkas,
       coalesce(max(batch_id), 0) AS batch_terbaru,
       count(*) AS jumlah_batch,
       coalesce(sum(CASE WHEN status = 'aktif' THEN batch_id ELSE 0 END), 0) AS jumlah_aktif
FROM batch;
