-- Every program and kegiatan name an active batch holds for the given OPDs, with the newest batch that used that
-- spelling, for folding an upload's names onto the stored spelling (tkpk.ingest.tersimpan.ejaan).
-- params: {"opd": ["BAZNAS"]}
SELECT i.kode_opd, i.program, i.kegiatan, max(i.batch_id) AS b
FROM intervensi i JOIN batch USING (batch_id)
WHERE batch.status = 'aktif' AND list_contains($opd, i.kode_opd)
GROUP BY ALL;
