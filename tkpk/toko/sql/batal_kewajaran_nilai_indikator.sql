-- Every indicator value of the places and years one batch touched, as they would be after rolling it back (the
-- macro of v_nilai_tersimpan leaving the batch out), for the plausibility check of the rollback preview.
-- params: {"batch_id": 1}
WITH k AS (SELECT DISTINCT tahun, kode_wilayah FROM nilai_indikator WHERE batch_id = $batch_id)
SELECT n.tahun, n.kode_wilayah, n.indikator, n.nilai, n.sampel
FROM nilai_per_sel($batch_id) n SEMI JOIN k USING (tahun, kode_wilayah)
ORDER BY n.tahun, n.kode_wilayah, n.indikator;
