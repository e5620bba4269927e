-- tulis
-- Writes only a temporary table on the caller's cursor (the upload frame is registered there as _unggah,
-- so this cannot run on its own).
-- Upload (registered as _unggah) against the current value of each cell (tahun, wilayah, indikator):
-- baru = no current value; sama = same number with the same source and kind of source; berubah = a different
-- number, or the same number under another source or kind (what the screens say about its source would change).
-- A file that names no source of its own (sumber 'Unggahan berkas <file>', the default) claims no new source
-- text, so the same values in a renamed file stay "sama"; its kind still counts.
-- The current value is v_nilai_tersimpan's (the macro nilai_per_sel of migration 0004: the newest active non-empty
-- value per cell), written out here over the upload's cells only: through the view DuckDB ranked every row of the
-- table before the join narrowed it (4 s for a five-row file on the national store's 12 million rows);
-- tests/integration/test_nilai_per_sel_sempit.py holds the two to the same answer.
CREATE OR REPLACE TEMP TABLE _banding AS
WITH s AS (
    SELECT n.tahun, n.kode_wilayah, n.indikator, n.nilai, n.sumber, n.jenis_sumber, n.batch_id
    FROM nilai_indikator n
    JOIN batch b USING (batch_id)
    SEMI JOIN _unggah u ON u.tahun = n.tahun AND u.kode_wilayah = n.kode_wilayah AND u.indikator = n.indikator
    WHERE b.status = 'aktif' AND n.nilai IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY n.tahun, n.kode_wilayah, n.indikator ORDER BY n.batch_id DESC) = 1
)
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
LEFT JOIN s ON s.tahun = u.tahun AND s.kode_wilayah = u.kode_wilayah AND s.indikator = u.indikator;
SELECT * FROM _banding ORDER BY _baris, indikator;
