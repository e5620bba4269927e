-- What rolling back one batch of BPS figures changes, cell by cell (old = now, new = without the batch), from the
-- same macro as v_kemiskinan_kabupaten. baru NULL = the figure becomes empty.
-- Columns shared by every kind: tahun, kode_wilayah, rincian_kunci, kolom, lama, baru, lama_teks, baru_teks.
-- params: {"batch_id": 1}
WITH k AS (
    SELECT DISTINCT tahun, kode_wilayah FROM kemiskinan_kabupaten WHERE batch_id = $batch_id
), s AS (
    SELECT x.* FROM kemiskinan_per_sel(NULL) x SEMI JOIN k USING (tahun, kode_wilayah)
), t AS (
    SELECT x.* FROM kemiskinan_per_sel($batch_id) x SEMI JOIN k USING (tahun, kode_wilayah)
), d AS (
    SELECT k.tahun, k.kode_wilayah,
           s.p0 AS p0_s, t.p0 AS p0_t, s.penduduk_miskin AS pm_s, t.penduduk_miskin AS pm_t,
           s.garis_kemiskinan AS gk_s, t.garis_kemiskinan AS gk_t, s.p1 AS p1_s, t.p1 AS p1_t,
           s.p2 AS p2_s, t.p2 AS p2_t, s.p0_ekstrem AS pe_s, t.p0_ekstrem AS pe_t,
           s.penduduk_miskin_ekstrem AS pme_s, t.penduduk_miskin_ekstrem AS pme_t
    FROM k
    LEFT JOIN s USING (tahun, kode_wilayah)
    LEFT JOIN t USING (tahun, kode_wilayah)
)
SELECT tahun, kode_wilayah, NULL::VARCHAR AS rincian_kunci, kolom, lama, baru, NULL::VARCHAR AS lama_teks,
       NULL::VARCHAR AS baru_teks
FROM (
    SELECT tahun, kode_wilayah, 'p0' AS kolom, p0_s AS lama, p0_t AS baru FROM d WHERE p0_s IS DISTINCT FROM p0_t
    UNION ALL SELECT tahun, kode_wilayah, 'penduduk_miskin', pm_s, pm_t FROM d WHERE pm_s IS DISTINCT FROM pm_t
    UNION ALL SELECT tahun, kode_wilayah, 'garis_kemiskinan', gk_s, gk_t FROM d WHERE gk_s IS DISTINCT FROM gk_t
    UNION ALL SELECT tahun, kode_wilayah, 'p1', p1_s, p1_t FROM d WHERE p1_s IS DISTINCT FROM p1_t
    UNION ALL SELECT tahun, kode_wilayah, 'p2', p2_s, p2_t FROM d WHERE p2_s IS DISTINCT FROM p2_t
    UNION ALL SELECT tahun, kode_wilayah, 'p0_ekstrem', pe_s, pe_t FROM d WHERE pe_s IS DISTINCT FROM pe_t
    UNION ALL SELECT tahun, kode_wilayah, 'penduduk_miskin_ekstrem', pme_s, pme_t FROM d
        WHERE pme_s IS DISTINCT FROM pme_t
)
ORDER BY tahun, kode_wilayah, kolom;
