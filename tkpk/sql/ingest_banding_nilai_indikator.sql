-- tulis
-- Writes only a temporary table on the caller's cursor (the upload frame is registered there as _unggah,
-- so this cannot run on its own).
-- Upload (registered as _unggah) against the current value of each cell (tahun, wilayah, indikator):
-- baru = no current value, sama = same number, berubah = different number. The source is not compared: a file
-- that only restates figures changes nothing.
CREATE OR REPLACE TEMP TABLE _banding AS
SELECT u.*,
       CASE WHEN s.batch_id IS NULL THEN 'baru'
            WHEN u.nilai IS NULL OR s.nilai IS NOT DISTINCT FROM u.nilai THEN 'sama'
            ELSE 'berubah' END AS status,
       s.nilai AS nilai_lama, s.batch_id AS batch_lama
FROM _unggah u
LEFT JOIN v_nilai_tersimpan s
       ON s.tahun = u.tahun AND s.kode_wilayah = u.kode_wilayah AND s.indikator = u.indikator;
SELECT * FROM _banding ORDER BY _baris, indikator;
