-- tulis
-- Writes only a temporary table on the caller's cursor (the upload frame is registered there as _unggah,
-- so this cannot run on its own).
-- Upload (registered as _unggah) against the current value of each cell (tahun, wilayah, indikator):
-- baru = no current value; sama = same number with the same source and kind of source; berubah = a different
-- number, or the same number under another source or kind (what the screens say about its source would change).
-- A file that names no source of its own (sumber 'Unggahan berkas <file>', the default) claims no new source
-- text, so the same values in a renamed file stay "sama"; its kind still counts.
CREATE OR REPLACE TEMP TABLE _banding AS
SELECT u.*,
       CASE WHEN s.batch_id IS NULL THEN 'baru'
            WHEN u.nilai IS NULL OR (s.nilai IS NOT DISTINCT FROM u.nilai
                                     AND (s.sumber IS NOT DISTINCT FROM u.sumber
                                          OR u.sumber LIKE 'Unggahan berkas %')
                                     AND s.jenis_sumber IS NOT DISTINCT FROM u.jenis_sumber) THEN 'sama'
            ELSE 'berubah' END AS status,
       s.nilai AS nilai_lama, s.batch_id AS batch_lama, s.sumber AS sumber_nilai_lama,
       s.jenis_sumber AS jenis_sumber_nilai_lama
FROM _unggah u
LEFT JOIN v_nilai_tersimpan s
       ON s.tahun = u.tahun AND s.kode_wilayah = u.kode_wilayah AND s.indikator = u.indikator;
SELECT * FROM _banding ORDER BY _baris, indikator;
