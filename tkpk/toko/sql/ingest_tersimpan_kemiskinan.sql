-- tulis
-- Writes only a temporary table on the caller's cursor (the upload's keys are registered there as _kunci,
-- so this cannot run on its own).
-- The current BPS figures for the places and years of an upload (registered as _kunci: tahun, kode_wilayah), one
-- row per figure with the batch that gave it, plus the stored population of the same place and year, for the
-- plausibility checks against the store.
CREATE OR REPLACE TEMP TABLE _tersimpan AS
WITH s AS (
    SELECT x.* FROM kemiskinan_per_sel(NULL) x
    SEMI JOIN _kunci k ON k.tahun = x.tahun AND k.kode_wilayah = x.kode_wilayah
)
SELECT tahun, kode_wilayah, indikator, nilai, s_batch AS batch_id, b.sampel, b.nama_file
FROM (
    SELECT tahun, kode_wilayah, 'p0' AS indikator, p0 AS nilai, batch_id_p0 AS s_batch FROM s
    UNION ALL SELECT tahun, kode_wilayah, 'penduduk_miskin', penduduk_miskin, batch_id_penduduk_miskin FROM s
    UNION ALL SELECT tahun, kode_wilayah, 'p0_ekstrem', p0_ekstrem, batch_id_p0_ekstrem FROM s
    UNION ALL SELECT tahun, kode_wilayah, 'penduduk_miskin_ekstrem', penduduk_miskin_ekstrem,
                     batch_id_penduduk_miskin_ekstrem FROM s
) x
JOIN batch b ON b.batch_id = x.s_batch
WHERE x.nilai IS NOT NULL
UNION ALL
SELECT n.tahun, n.kode_wilayah, n.indikator, n.nilai, n.batch_id, n.sampel, b.nama_file
FROM v_nilai_tersimpan n
JOIN batch b USING (batch_id)
SEMI JOIN _kunci k ON k.tahun = n.tahun AND k.kode_wilayah = n.kode_wilayah
WHERE n.indikator = 'penduduk';
SELECT * FROM _tersimpan;
