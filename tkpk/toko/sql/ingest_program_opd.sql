-- Every program name an active batch holds for the given OPDs (interventions and action plans), for the
-- "mirip dengan …" warning on uploads.
-- params: {"opd": ["BAZNAS"]}
SELECT DISTINCT x.kode_opd, x.program
FROM (SELECT kode_opd, program, batch_id FROM intervensi WHERE list_contains($opd, kode_opd)
      UNION ALL
      SELECT kode_opd, program, batch_id FROM rencana_aksi WHERE list_contains($opd, kode_opd)) x
JOIN batch b USING (batch_id)
WHERE b.status = 'aktif'
ORDER BY 1, 2;
