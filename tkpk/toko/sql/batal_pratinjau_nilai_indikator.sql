-- What rolling back one batch of indicator values changes: every cell the batch reported whose current value
-- differs from the value it would have without the batch (the same macro as v_nilai_tersimpan, once with nothing
-- left out and once leaving the batch out). baru NULL = the cell becomes empty. A value that stays but changes
-- source gets lines of its own, lama_teks → baru_teks: kolom 'jenis sumber' when the kind of source changes,
-- 'sumber' when the source text changes (both when both do): the screens name each value's source.
-- Columns shared by every kind: tahun, kode_wilayah, rincian_kunci, kolom, lama, baru, lama_teks, baru_teks.
-- params: {"batch_id": 1}
WITH k AS (
    SELECT DISTINCT tahun, kode_wilayah, indikator FROM nilai_indikator WHERE batch_id = $batch_id
), s AS (
    SELECT n.* FROM nilai_per_sel(NULL) n SEMI JOIN k USING (tahun, kode_wilayah, indikator)
), t AS (
    SELECT n.* FROM nilai_per_sel($batch_id) n SEMI JOIN k USING (tahun, kode_wilayah, indikator)
), d AS (
    SELECT k.tahun, k.kode_wilayah, k.indikator, s.nilai AS lama, t.nilai AS baru, s.sumber AS ss, t.sumber AS st,
           s.jenis_sumber AS js, t.jenis_sumber AS jt
    FROM k
    LEFT JOIN s USING (tahun, kode_wilayah, indikator)
    LEFT JOIN t USING (tahun, kode_wilayah, indikator)
)
SELECT tahun, kode_wilayah, indikator AS rincian_kunci, kolom, lama, baru, lama_teks, baru_teks
FROM (
    SELECT tahun, kode_wilayah, indikator, 'nilai' AS kolom, lama, baru, NULL::VARCHAR AS lama_teks,
           NULL::VARCHAR AS baru_teks
    FROM d WHERE lama IS DISTINCT FROM baru
    UNION ALL
    SELECT tahun, kode_wilayah, indikator, 'jenis sumber', NULL, NULL, coalesce(js, '(tidak dicatat)'),
           coalesce(jt, '(tidak dicatat)')
    FROM d WHERE lama IS NOT NULL AND baru IS NOT NULL AND js IS DISTINCT FROM jt
    UNION ALL
    SELECT tahun, kode_wilayah, indikator, 'sumber', NULL, NULL, ss, st
    FROM d WHERE lama IS NOT NULL AND baru IS NOT NULL AND ss IS DISTINCT FROM st
)
ORDER BY tahun, kode_wilayah, rincian_kunci, CASE kolom WHEN 'nilai' THEN 0 WHEN 'jenis sumber' THEN 1 ELSE 2 END;
