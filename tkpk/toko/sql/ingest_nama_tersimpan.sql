-- Every program and kegiatan name an active batch holds for the given OPDs (interventions and action plans, so a
-- plan and its delivery name one program), with the newest batch that used that spelling, for folding an upload's
-- names onto the stored spelling (tkpk.ingest.tersimpan.ejaan).
-- params: {"opd": ["BAZNAS"]}
SELECT x.kode_opd, x.program, x.kegiatan, max(x.batch_id) AS b
FROM (SELECT kode_opd, program, kegiatan, batch_id FROM intervensi WHERE list_contains($opd, kode_opd)
      UNION ALL
      SELECT kode_opd, program, kegiatan, batch_id FROM rencana_aksi WHERE list_contains($opd, kode_opd)) x
JOIN batch USING (batch_id)
WHERE batch.status = 'aktif'
GROUP BY ALL;
