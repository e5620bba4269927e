-- tulis
-- Writes only a temporary table on the caller's cursor (the upload frame is registered there as _unggah,
-- so this cannot run on its own).
-- Upload against current BPS figures per (tahun, kode_wilayah). An empty cell means "not given": it keeps the
-- current value (BPS publishes P1/P2 and GK at other times than P0), so a file with only P0 does not blank the
-- rest. Source text is not compared.
CREATE OR REPLACE TEMP TABLE _banding AS
WITH s AS (
    SELECT k.* FROM kemiskinan_kabupaten k JOIN batch b USING (batch_id)
    WHERE b.status = 'aktif'
    QUALIFY row_number() OVER (PARTITION BY k.tahun, k.kode_wilayah ORDER BY k.batch_id DESC) = 1
), m AS (
    SELECT u.tahun, u.kode_wilayah,
           coalesce(u.p0, s.p0) AS p0, coalesce(u.penduduk_miskin, s.penduduk_miskin) AS penduduk_miskin,
           coalesce(u.garis_kemiskinan, s.garis_kemiskinan) AS garis_kemiskinan,
           coalesce(u.p1, s.p1) AS p1, coalesce(u.p2, s.p2) AS p2, u.sumber, u._baris,
           s.p0 AS p0_lama, s.penduduk_miskin AS penduduk_miskin_lama, s.garis_kemiskinan AS garis_kemiskinan_lama,
           s.p1 AS p1_lama, s.p2 AS p2_lama, s.batch_id AS batch_lama
    FROM _unggah u
    LEFT JOIN s ON s.tahun = u.tahun AND s.kode_wilayah = u.kode_wilayah
)
SELECT m.* EXCLUDE (p0_lama, penduduk_miskin_lama, garis_kemiskinan_lama, p1_lama, p2_lama, batch_lama),
       CASE WHEN batch_lama IS NULL THEN 'baru'
            WHEN p0 IS NOT DISTINCT FROM p0_lama AND penduduk_miskin IS NOT DISTINCT FROM penduduk_miskin_lama
             AND garis_kemiskinan IS NOT DISTINCT FROM garis_kemiskinan_lama AND p1 IS NOT DISTINCT FROM p1_lama
             AND p2 IS NOT DISTINCT FROM p2_lama THEN 'sama'
            ELSE 'berubah' END AS status,
       p0_lama, penduduk_miskin_lama, garis_kemiskinan_lama, p1_lama, p2_lama, batch_lama
FROM m;
SELECT * FROM _banding ORDER BY _baris;
