-- What rolling back one batch of targets changes, cell by cell (old = now, new = without the batch), from the
-- same macro as v_target_indikator. baru NULL = the cell becomes empty.
-- Columns shared by every kind: tahun, kode_wilayah, rincian_kunci, kolom, lama, baru, lama_teks, baru_teks.
-- params: {"batch_id": 1}
WITH k AS (
    SELECT DISTINCT tahun, kode_wilayah, indikator FROM target_indikator WHERE batch_id = $batch_id
), s AS (
    SELECT x.* FROM target_per_sel(NULL) x SEMI JOIN k USING (tahun, kode_wilayah, indikator)
), t AS (
    SELECT x.* FROM target_per_sel($batch_id) x SEMI JOIN k USING (tahun, kode_wilayah, indikator)
), d AS (
    SELECT k.tahun, k.kode_wilayah, k.indikator,
           s.nilai AS nilai_s, t.nilai AS nilai_t, s.dokumen AS dokumen_s, t.dokumen AS dokumen_t,
           s.sumber AS sumber_s, t.sumber AS sumber_t, s.jenis_sumber AS jenis_s, t.jenis_sumber AS jenis_t,
           s.rincian AS rincian_s, t.rincian AS rincian_t
    FROM k
    LEFT JOIN s USING (tahun, kode_wilayah, indikator)
    LEFT JOIN t USING (tahun, kode_wilayah, indikator)
)
SELECT * FROM (
    SELECT tahun, kode_wilayah, indikator AS rincian_kunci, 'nilai' AS kolom, nilai_s AS lama, nilai_t AS baru,
           NULL::VARCHAR AS lama_teks, NULL::VARCHAR AS baru_teks FROM d WHERE nilai_s IS DISTINCT FROM nilai_t
    UNION ALL SELECT tahun, kode_wilayah, indikator, 'dokumen', NULL, NULL, dokumen_s, dokumen_t FROM d
        WHERE dokumen_s IS DISTINCT FROM dokumen_t
    UNION ALL SELECT tahun, kode_wilayah, indikator, 'sumber', NULL, NULL, sumber_s, sumber_t FROM d
        WHERE sumber_s IS DISTINCT FROM sumber_t
    UNION ALL SELECT tahun, kode_wilayah, indikator, 'jenis_sumber', NULL, NULL, jenis_s, jenis_t FROM d
        WHERE jenis_s IS DISTINCT FROM jenis_t
    UNION ALL SELECT tahun, kode_wilayah, indikator, 'rincian', NULL, NULL, rincian_s, rincian_t FROM d
        WHERE rincian_s IS DISTINCT FROM rincian_t
)
ORDER BY tahun, kode_wilayah, rincian_kunci, kolom;
