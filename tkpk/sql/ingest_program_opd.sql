-- Every program name an active batch holds for the given OPDs, for the "mirip dengan …" warning on uploads.
-- params: {"opd": ["BAZNAS"]}
SELECT DISTINCT i.kode_opd, i.program
FROM intervensi i JOIN batch b USING (batch_id)
WHERE b.status = 'aktif' AND list_contains($opd, i.kode_opd)
ORDER BY 1, 2;
