-- Every indicator value of the places and years one batch touched, as they would be after rolling it back, for the
-- plausibility check of the rollback preview: the macro nilai_per_sel($batch_id) of migration 0004 (the newest
-- active non-empty value per cell, leaving the batch out), written out here over the batch's places and years
-- only: the macro ranks every row of the table before a join can narrow it (3 s on the national store's 12
-- million rows, for a batch of any size); tests/integration/test_nilai_per_sel_sempit.py holds the two to the same answer.
-- params: {"batch_id": 1}
WITH k AS (SELECT DISTINCT tahun, kode_wilayah FROM nilai_indikator WHERE batch_id = $batch_id)
SELECT n.tahun, n.kode_wilayah, n.indikator, n.nilai, b.sampel
FROM nilai_indikator n
JOIN batch b USING (batch_id)
SEMI JOIN k USING (tahun, kode_wilayah)
WHERE b.status = 'aktif' AND n.nilai IS NOT NULL AND n.batch_id IS DISTINCT FROM $batch_id
QUALIFY row_number() OVER (PARTITION BY n.tahun, n.kode_wilayah, n.indikator ORDER BY n.batch_id DESC) = 1
ORDER BY n.tahun, n.kode_wilayah, n.indikator;
