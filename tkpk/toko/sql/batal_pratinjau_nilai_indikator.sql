-- What rolling back one batch of indicator values changes: every cell the batch reported whose current value
-- differs from the value it would have without the batch. baru NULL = the cell becomes empty. A value that stays
-- but changes source gets lines of its own, lama_teks → baru_teks: kolom 'jenis sumber' when the kind of source
-- changes, 'sumber' when the source text changes (both when both do): the screens name each value's source.
-- Columns shared by every kind: tahun, kode_wilayah, rincian_kunci, kolom, lama, baru, lama_teks, baru_teks.
-- The current value and the one without the batch are the macro nilai_per_sel's newest active non-empty value
-- per cell (migration 0004), written out here over the batch's own cells only: the macro ranks every row of the
-- table before a join can narrow it (6 s on the national store's 12 million rows, for a batch of any size);
-- tests/integration/test_nilai_per_sel_sempit.py holds the two to the same answer.
-- params: {"batch_id": 1}
WITH k AS (
    SELECT DISTINCT tahun, kode_wilayah, indikator FROM nilai_indikator WHERE batch_id = $batch_id
), r AS (
    SELECT n.tahun, n.kode_wilayah, n.indikator, n.nilai, n.sumber, n.jenis_sumber, n.batch_id
    FROM nilai_indikator n
    JOIN batch b USING (batch_id)
    SEMI JOIN k USING (tahun, kode_wilayah, indikator)
    WHERE b.status = 'aktif' AND n.nilai IS NOT NULL
), s AS (
    SELECT * FROM r
    QUALIFY row_number() OVER (PARTITION BY tahun, kode_wilayah, indikator ORDER BY batch_id DESC) = 1
), t AS (
    SELECT * FROM r WHERE batch_id IS DISTINCT FROM $batch_id
    QUALIFY row_number() OVER (PARTITION BY tahun, kode_wilayah, indikator ORDER BY batch_id DESC) = 1
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
