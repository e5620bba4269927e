-- What rolling back one batch of BPS figures changes, cell by cell (old = now, new = without the batch), from the
-- same macro as v_kemiskinan_kabupaten. baru NULL = the figure becomes empty. A figure that stays but changes
-- source gets lines of its own, lama_teks → baru_teks: kolom 'jenis sumber <figure>' when the kind of source
-- changes, 'sumber <figure>' when the source text changes (both when both do): the screens name each figure's
-- source, so that is a change a person must see.
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
           s.penduduk_miskin_ekstrem AS pme_s, t.penduduk_miskin_ekstrem AS pme_t,
           s.sumber_p0 AS p0_ss, t.sumber_p0 AS p0_st, s.jenis_sumber_p0 AS p0_js, t.jenis_sumber_p0 AS p0_jt,
           s.sumber_penduduk_miskin AS pm_ss, t.sumber_penduduk_miskin AS pm_st, s.jenis_sumber_penduduk_miskin AS pm_js, t.jenis_sumber_penduduk_miskin AS pm_jt,
           s.sumber_garis_kemiskinan AS gk_ss, t.sumber_garis_kemiskinan AS gk_st, s.jenis_sumber_garis_kemiskinan AS gk_js, t.jenis_sumber_garis_kemiskinan AS gk_jt,
           s.sumber_p1 AS p1_ss, t.sumber_p1 AS p1_st, s.jenis_sumber_p1 AS p1_js, t.jenis_sumber_p1 AS p1_jt,
           s.sumber_p2 AS p2_ss, t.sumber_p2 AS p2_st, s.jenis_sumber_p2 AS p2_js, t.jenis_sumber_p2 AS p2_jt,
           s.sumber_p0_ekstrem AS pe_ss, t.sumber_p0_ekstrem AS pe_st, s.jenis_sumber_p0_ekstrem AS pe_js, t.jenis_sumber_p0_ekstrem AS pe_jt,
           s.sumber_penduduk_miskin_ekstrem AS pme_ss, t.sumber_penduduk_miskin_ekstrem AS pme_st, s.jenis_sumber_penduduk_miskin_ekstrem AS pme_js, t.jenis_sumber_penduduk_miskin_ekstrem AS pme_jt
    FROM k
    LEFT JOIN s USING (tahun, kode_wilayah)
    LEFT JOIN t USING (tahun, kode_wilayah)
)
SELECT tahun, kode_wilayah, NULL::VARCHAR AS rincian_kunci, kolom, lama, baru, lama_teks, baru_teks
FROM (
    SELECT tahun, kode_wilayah, 'p0' AS kolom, p0_s AS lama, p0_t AS baru, NULL::VARCHAR AS lama_teks,
           NULL::VARCHAR AS baru_teks
    FROM d WHERE p0_s IS DISTINCT FROM p0_t
    UNION ALL SELECT tahun, kode_wilayah, 'penduduk_miskin', pm_s, pm_t, NULL, NULL FROM d WHERE pm_s IS DISTINCT FROM pm_t
    UNION ALL SELECT tahun, kode_wilayah, 'garis_kemiskinan', gk_s, gk_t, NULL, NULL FROM d WHERE gk_s IS DISTINCT FROM gk_t
    UNION ALL SELECT tahun, kode_wilayah, 'p1', p1_s, p1_t, NULL, NULL FROM d WHERE p1_s IS DISTINCT FROM p1_t
    UNION ALL SELECT tahun, kode_wilayah, 'p2', p2_s, p2_t, NULL, NULL FROM d WHERE p2_s IS DISTINCT FROM p2_t
    UNION ALL SELECT tahun, kode_wilayah, 'p0_ekstrem', pe_s, pe_t, NULL, NULL FROM d WHERE pe_s IS DISTINCT FROM pe_t
    UNION ALL SELECT tahun, kode_wilayah, 'penduduk_miskin_ekstrem', pme_s, pme_t, NULL, NULL FROM d
        WHERE pme_s IS DISTINCT FROM pme_t
    UNION ALL SELECT tahun, kode_wilayah, 'jenis sumber p0', NULL, NULL,
        coalesce(p0_js, '(tidak dicatat)'), coalesce(p0_jt, '(tidak dicatat)')
        FROM d WHERE p0_s IS NOT NULL AND p0_t IS NOT NULL AND p0_js IS DISTINCT FROM p0_jt
    UNION ALL SELECT tahun, kode_wilayah, 'sumber p0', NULL, NULL, p0_ss, p0_st
        FROM d WHERE p0_s IS NOT NULL AND p0_t IS NOT NULL AND p0_ss IS DISTINCT FROM p0_st
    UNION ALL SELECT tahun, kode_wilayah, 'jenis sumber penduduk_miskin', NULL, NULL,
        coalesce(pm_js, '(tidak dicatat)'), coalesce(pm_jt, '(tidak dicatat)')
        FROM d WHERE pm_s IS NOT NULL AND pm_t IS NOT NULL AND pm_js IS DISTINCT FROM pm_jt
    UNION ALL SELECT tahun, kode_wilayah, 'sumber penduduk_miskin', NULL, NULL, pm_ss, pm_st
        FROM d WHERE pm_s IS NOT NULL AND pm_t IS NOT NULL AND pm_ss IS DISTINCT FROM pm_st
    UNION ALL SELECT tahun, kode_wilayah, 'jenis sumber garis_kemiskinan', NULL, NULL,
        coalesce(gk_js, '(tidak dicatat)'), coalesce(gk_jt, '(tidak dicatat)')
        FROM d WHERE gk_s IS NOT NULL AND gk_t IS NOT NULL AND gk_js IS DISTINCT FROM gk_jt
    UNION ALL SELECT tahun, kode_wilayah, 'sumber garis_kemiskinan', NULL, NULL, gk_ss, gk_st
        FROM d WHERE gk_s IS NOT NULL AND gk_t IS NOT NULL AND gk_ss IS DISTINCT FROM gk_st
    UNION ALL SELECT tahun, kode_wilayah, 'jenis sumber p1', NULL, NULL,
        coalesce(p1_js, '(tidak dicatat)'), coalesce(p1_jt, '(tidak dicatat)')
        FROM d WHERE p1_s IS NOT NULL AND p1_t IS NOT NULL AND p1_js IS DISTINCT FROM p1_jt
    UNION ALL SELECT tahun, kode_wilayah, 'sumber p1', NULL, NULL, p1_ss, p1_st
        FROM d WHERE p1_s IS NOT NULL AND p1_t IS NOT NULL AND p1_ss IS DISTINCT FROM p1_st
    UNION ALL SELECT tahun, kode_wilayah, 'jenis sumber p2', NULL, NULL,
        coalesce(p2_js, '(tidak dicatat)'), coalesce(p2_jt, '(tidak dicatat)')
        FROM d WHERE p2_s IS NOT NULL AND p2_t IS NOT NULL AND p2_js IS DISTINCT FROM p2_jt
    UNION ALL SELECT tahun, kode_wilayah, 'sumber p2', NULL, NULL, p2_ss, p2_st
        FROM d WHERE p2_s IS NOT NULL AND p2_t IS NOT NULL AND p2_ss IS DISTINCT FROM p2_st
    UNION ALL SELECT tahun, kode_wilayah, 'jenis sumber p0_ekstrem', NULL, NULL,
        coalesce(pe_js, '(tidak dicatat)'), coalesce(pe_jt, '(tidak dicatat)')
        FROM d WHERE pe_s IS NOT NULL AND pe_t IS NOT NULL AND pe_js IS DISTINCT FROM pe_jt
    UNION ALL SELECT tahun, kode_wilayah, 'sumber p0_ekstrem', NULL, NULL, pe_ss, pe_st
        FROM d WHERE pe_s IS NOT NULL AND pe_t IS NOT NULL AND pe_ss IS DISTINCT FROM pe_st
    UNION ALL SELECT tahun, kode_wilayah, 'jenis sumber penduduk_miskin_ekstrem', NULL, NULL,
        coalesce(pme_js, '(tidak dicatat)'), coalesce(pme_jt, '(tidak dicatat)')
        FROM d WHERE pme_s IS NOT NULL AND pme_t IS NOT NULL AND pme_js IS DISTINCT FROM pme_jt
    UNION ALL SELECT tahun, kode_wilayah, 'sumber penduduk_miskin_ekstrem', NULL, NULL, pme_ss, pme_st
        FROM d WHERE pme_s IS NOT NULL AND pme_t IS NOT NULL AND pme_ss IS DISTINCT FROM pme_st
)
-- each figure's value first, then the kind of its source, then its source text
ORDER BY tahun, kode_wilayah, regexp_replace(kolom, '^(jenis )?sumber ', ''), kolom LIKE '%sumber%',
    kolom LIKE 'sumber%';
