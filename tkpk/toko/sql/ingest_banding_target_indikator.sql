-- tulis
-- Writes only a temporary table on the caller's cursor (the upload frame is registered there as _unggah,
-- so this cannot run on its own).
-- Upload of targets against the current target per (tahun, wilayah, indikator), cell by cell: value, document,
-- source, kind of source and note are all part of a target. An empty cell (only rincian may be empty) is "not
-- reported in this file".
CREATE OR REPLACE TEMP TABLE _banding AS
SELECT u.*,
       CASE WHEN s.tahun IS NULL THEN 'baru'
            WHEN (u.nilai IS NULL OR s.nilai IS NOT DISTINCT FROM u.nilai)
             AND (u.dokumen IS NULL OR s.dokumen IS NOT DISTINCT FROM u.dokumen)
             AND (u.sumber IS NULL OR s.sumber IS NOT DISTINCT FROM u.sumber)
             AND (u.jenis_sumber IS NULL OR s.jenis_sumber IS NOT DISTINCT FROM u.jenis_sumber)
             AND (u.rincian IS NULL OR s.rincian IS NOT DISTINCT FROM u.rincian) THEN 'sama'
            ELSE 'berubah' END AS status,
       s.nilai AS nilai_lama, s.dokumen AS dokumen_lama, s.sumber AS sumber_lama,
       s.jenis_sumber AS jenis_sumber_lama, s.rincian AS rincian_lama, s.batch_id AS batch_lama
FROM _unggah u
LEFT JOIN target_per_sel(NULL) s
       ON s.tahun = u.tahun AND s.kode_wilayah = u.kode_wilayah AND s.indikator = u.indikator;
SELECT * FROM _banding ORDER BY _baris;
