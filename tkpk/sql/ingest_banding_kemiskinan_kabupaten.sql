-- tulis
-- Writes only a temporary table on the caller's cursor (the upload frame is registered there as _unggah,
-- so this cannot run on its own).
-- Upload (registered as _unggah) against current BPS figures per (tahun, kode_wilayah); source text not compared.
CREATE OR REPLACE TEMP TABLE _banding AS
SELECT u.*,
       CASE WHEN s.batch_id IS NULL THEN 'baru'
            WHEN s.p0 IS NOT DISTINCT FROM u.p0 AND s.penduduk_miskin IS NOT DISTINCT FROM u.penduduk_miskin
             AND s.garis_kemiskinan IS NOT DISTINCT FROM u.garis_kemiskinan AND s.p1 IS NOT DISTINCT FROM u.p1
             AND s.p2 IS NOT DISTINCT FROM u.p2 THEN 'sama'
            ELSE 'berubah' END AS status,
       s.p0 AS p0_lama, s.penduduk_miskin AS penduduk_miskin_lama, s.garis_kemiskinan AS garis_kemiskinan_lama,
       s.p1 AS p1_lama, s.p2 AS p2_lama, s.batch_id AS batch_lama
FROM _unggah u
LEFT JOIN (
    SELECT k.* FROM kemiskinan_kabupaten k JOIN batch b USING (batch_id)
    WHERE b.status = 'aktif'
    QUALIFY row_number() OVER (PARTITION BY k.tahun, k.kode_wilayah ORDER BY k.batch_id DESC) = 1
) s ON s.tahun = u.tahun AND s.kode_wilayah = u.kode_wilayah;
SELECT * FROM _banding ORDER BY _baris;
