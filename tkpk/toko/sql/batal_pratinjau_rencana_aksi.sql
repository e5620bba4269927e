-- What rolling back one batch of action plans changes, cell by cell (old = now, new = without the batch), from
-- the same macro as v_rencana_aksi; nullable key parts match when both are empty. baru NULL = the cell becomes empty.
-- Columns shared by every kind: tahun, kode_wilayah, rincian_kunci, kolom, lama, baru, lama_teks, baru_teks.
-- params: {"batch_id": 1}
WITH k AS (
    SELECT DISTINCT tahun, triwulan, kode_opd, program, kegiatan, kode_wilayah FROM rencana_aksi
    WHERE batch_id = $batch_id
), s AS (
    SELECT x.* FROM rencana_per_sel(NULL) x
    SEMI JOIN k ON x.tahun = k.tahun AND x.triwulan IS NOT DISTINCT FROM k.triwulan AND x.kode_opd = k.kode_opd
               AND x.program = k.program AND x.kegiatan IS NOT DISTINCT FROM k.kegiatan
               AND x.kode_wilayah IS NOT DISTINCT FROM k.kode_wilayah
), t AS (
    SELECT x.* FROM rencana_per_sel($batch_id) x
    SEMI JOIN k ON x.tahun = k.tahun AND x.triwulan IS NOT DISTINCT FROM k.triwulan AND x.kode_opd = k.kode_opd
               AND x.program = k.program AND x.kegiatan IS NOT DISTINCT FROM k.kegiatan
               AND x.kode_wilayah IS NOT DISTINCT FROM k.kode_wilayah
), d AS (
    SELECT k.tahun, k.kode_wilayah,
           concat_ws(' · ', 'rencana', k.kode_opd, k.program, k.kegiatan, 'triwulan ' || k.triwulan) AS rincian_kunci,
           s.pilar AS pilar_s, t.pilar AS pilar_t,
           s.satuan_output AS satuan_output_s, t.satuan_output AS satuan_output_t,
           s.target_output AS target_output_s, t.target_output AS target_output_t,
           s.pagu_rencana AS pagu_rencana_s, t.pagu_rencana AS pagu_rencana_t,
           s.keterangan AS keterangan_s, t.keterangan AS keterangan_t
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
    UNION ALL SELECT tahun, kode_wilayah, rincian_kunci, 'satuan_output', NULL, NULL, satuan_output_s,
        satuan_output_t FROM d WHERE satuan_output_s IS DISTINCT FROM satuan_output_t
    UNION ALL SELECT tahun, kode_wilayah, rincian_kunci, 'target_output', target_output_s, target_output_t, NULL,
        NULL FROM d WHERE target_output_s IS DISTINCT FROM target_output_t
    UNION ALL SELECT tahun, kode_wilayah, rincian_kunci, 'pagu_rencana', pagu_rencana_s, pagu_rencana_t, NULL, NULL
        FROM d WHERE pagu_rencana_s IS DISTINCT FROM pagu_rencana_t
    UNION ALL SELECT tahun, kode_wilayah, rincian_kunci, 'keterangan', NULL, NULL, keterangan_s, keterangan_t
        FROM d WHERE keterangan_s IS DISTINCT FROM keterangan_t
)
ORDER BY tahun, kode_wilayah NULLS FIRST, rincian_kunci, kolom;
