-- tulis
-- Writes only a temporary table on the caller's cursor (the upload's keys are registered there as _kunci,
-- so this cannot run on its own).
-- The current stored indicator values (with their batch, file and sample flag) for the places and years of an
-- upload (registered as _kunci: tahun, kode_wilayah), for the plausibility checks against the store.
CREATE OR REPLACE TEMP TABLE _tersimpan AS
SELECT n.tahun, n.kode_wilayah, n.indikator, n.nilai, n.batch_id, n.sampel, b.nama_file
FROM v_nilai_tersimpan n
JOIN batch b USING (batch_id)
SEMI JOIN _kunci k ON k.tahun = n.tahun AND k.kode_wilayah = n.kode_wilayah;
SELECT * FROM _tersimpan;
