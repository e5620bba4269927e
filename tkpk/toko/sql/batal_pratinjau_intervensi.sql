-- What rolling back one batch of interventions changes, cell by cell (old = now, new = without the batch), from
-- the same macro as v_intervensi; nullable key parts match when both are empty. baru NULL = the cell becomes empty
-- (a program row whose every cell came from this batch disappears).
-- Columns shared by every kind: tahun, kode_wilayah, rincian_kunci, kolom, lama, baru, lama_teks, baru_teks.
-- params: {"batch_id": 1}
WITH k AS (
    SELECT DISTINCT tahun, triwulan, kode_opd, program, kegiatan, kode_wilayah FROM intervensi
    WHERE batch_id = $batch_id
), s AS (
    SELECT x.* FROM intervensi_per_sel(NULL) x
    SEMI JOIN k ON x.tahun = k.tahun AND x.triwulan IS NOT DISTINCT FROM k.triwulan AND x.kode_opd = k.kode_opd
               AND x.program = k.program AND x.kegiatan IS NOT DISTINCT FROM k.kegiatan
               AND x.kode_wilayah IS NOT DISTINCT FROM k.kode_wilayah
), t AS (
    SELECT x.* FROM intervensi_per_sel($batch_id) x
    SEMI JOIN k ON x.tahun = k.tahun AND x.triwulan IS NOT DISTINCT FROM k.triwulan AND x.kode_opd = k.kode_opd
               AND x.program = k.program AND x.kegiatan IS NOT DISTINCT FROM k.kegiatan
               AND x.kode_wilayah IS NOT DISTINCT FROM k.kode_wilayah
), d AS (
    SELECT k.tahun, k.kode_wilayah,
           concat_ws(' · ', k.kode_opd, k.program, k.kegiatan, 'triwulan ' || k.triwulan) AS rincian_kunci,
           s.pilar AS pilar_s, t.pilar AS pilar_t, s.pagu AS pagu_s, t.pagu AS pagu_t,
           s.realisasi AS realisasi_s, t.realisasi AS realisasi_t,
           s.satuan_output AS satuan_output_s, t.satuan_output AS satuan_output_t,
           s.target_output AS target_output_s, t.target_output AS target_output_t,
           s.capaian_output AS capaian_output_s, t.capaian_output AS capaian_output_t,
           s.target_penerima AS target_penerima_s, t.target_penerima AS target_penerima_t,
           s.penerima AS penerima_s, t.penerima AS penerima_t,
           s.sumber_dana AS sumber_dana_s, t.sumber_dana AS sumber_dana_t,
           s.keterangan AS keterangan_s, t.keterangan AS keterangan_t,
           s.satuan_penerima AS satuan_penerima_s, t.satuan_penerima AS satuan_penerima_t
    FROM k
    LEFT JOIN s ON s.tahun = k.tahun AND s.triwulan IS NOT DISTINCT FROM k.triwulan AND s.kode_opd = k.kode_opd
               AND s.program = k.program AND s.kegiatan IS NOT DISTINCT FROM k.kegiatan
               AND s.kode_wilayah IS NOT DISTINCT FROM k.kode_wilayah
    LEFT JOIN t ON t.tahun = k.tahun AND t.triwulan IS NOT DISTINCT FROM k.triwulan AND t.kode_opd = k.kode_opd
               AND t.program = k.program AND t.kegiatan IS NOT DISTINCT FROM k.kegiatan
               AND t.kode_wilayah IS NOT DISTINCT FROM k.kode_wilayah
)
SELECT * FROM (
    SELECT tahun, kode_wilayah, rincian_kunci, 'pilar' AS kolom, pilar_s::DOUBLE AS lama, pilar_t::DOUBLE AS baru,
           NULL::VARCHAR AS lama_teks, NULL::VARCHAR AS baru_teks FROM d WHERE pilar_s IS DISTINCT FROM pilar_t
    UNION ALL SELECT tahun, kode_wilayah, rincian_kunci, 'pagu', pagu_s, pagu_t, NULL, NULL FROM d
        WHERE pagu_s IS DISTINCT FROM pagu_t
    UNION ALL SELECT tahun, kode_wilayah, rincian_kunci, 'realisasi', realisasi_s, realisasi_t, NULL, NULL FROM d
        WHERE realisasi_s IS DISTINCT FROM realisasi_t
    UNION ALL SELECT tahun, kode_wilayah, rincian_kunci, 'satuan_output', NULL, NULL, satuan_output_s,
        satuan_output_t FROM d WHERE satuan_output_s IS DISTINCT FROM satuan_output_t
    UNION ALL SELECT tahun, kode_wilayah, rincian_kunci, 'target_output', target_output_s, target_output_t, NULL,
        NULL FROM d WHERE target_output_s IS DISTINCT FROM target_output_t
    UNION ALL SELECT tahun, kode_wilayah, rincian_kunci, 'capaian_output', capaian_output_s, capaian_output_t, NULL,
        NULL FROM d WHERE capaian_output_s IS DISTINCT FROM capaian_output_t
    UNION ALL SELECT tahun, kode_wilayah, rincian_kunci, 'target_penerima', target_penerima_s, target_penerima_t,
        NULL, NULL FROM d WHERE target_penerima_s IS DISTINCT FROM target_penerima_t
    UNION ALL SELECT tahun, kode_wilayah, rincian_kunci, 'penerima', penerima_s, penerima_t, NULL, NULL FROM d
        WHERE penerima_s IS DISTINCT FROM penerima_t
    UNION ALL SELECT tahun, kode_wilayah, rincian_kunci, 'sumber_dana', NULL, NULL, sumber_dana_s, sumber_dana_t
        FROM d WHERE sumber_dana_s IS DISTINCT FROM sumber_dana_t
    UNION ALL SELECT tahun, kode_wilayah, rincian_kunci, 'keterangan', NULL, NULL, keterangan_s, keterangan_t
        FROM d WHERE keterangan_s IS DISTINCT FROM keterangan_t
    UNION ALL SELECT tahun, kode_wilayah, rincian_kunci, 'satuan_penerima', NULL, NULL, satuan_penerima_s,
        satuan_penerima_t FROM d WHERE satuan_penerima_s IS DISTINCT FROM satuan_penerima_t
)
ORDER BY tahun, kode_wilayah NULLS FIRST, rincian_kunci, kolom;
