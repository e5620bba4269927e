-- tulis
-- Writes only a temporary table on the caller's cursor (the upload's keys are registered there as _kunci,
-- so this cannot run on its own).
-- The current stored indicator values (with their batch, file and sample flag) for the places and years of an
-- upload (registered as _kunci: tahun, kode_wilayah), for the plausibility checks against the store.
-- The current value is v_nilai_tersimpan's (the macro nilai_per_sel of migration 0004), written out here over the
-- upload's places and years only: through the view DuckDB ranked every row of the table first;
-- tests/integration/test_nilai_per_sel_sempit.py holds the two to the same answer.
CREATE OR REPLACE TEMP TABLE _tersimpan AS
SELECT n.tahun, n.kode_wilayah, n.indikator, n.nilai, n.batch_id, b.sampel, b.nama_file
FROM nilai_indikator n
JOIN batch b USING (batch_id)
SEMI JOIN _kunci k ON k.tahun = n.tahun AND k.kode_wilayah = n.kode_wilayah
WHERE b.status = 'aktif' AND n.nilai IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY n.tahun, n.kode_wilayah, n.indikator ORDER BY n.batch_id DESC) = 1;
SELECT * FROM _tersimpan;
