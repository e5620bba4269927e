-- A fingerprint of the store's contents (file, newest batch, active batches, newest rakor event), so pages may
-- cache query results per store and reload them the moment a batch is loaded or rolled back, or a rakor decision
-- is recorded or changed (those are events, not batches).
SELECT (SELECT path FROM duckdb_databases() WHERE database_name = current_database()) AS berkas,
       coalesce(max(batch_id), 0) AS batch_terbaru,
       count(*) AS jumlah_batch,
       coalesce(sum(CASE WHEN status = 'aktif' THEN batch_id ELSE 0 END), 0) AS jumlah_aktif,
       (SELECT coalesce(max(peristiwa_id), 0) FROM (
            SELECT peristiwa_id FROM rakor_peristiwa UNION ALL SELECT peristiwa_id FROM keputusan_peristiwa))
           AS peristiwa_terbaru
FROM batch;
