-- What rolling back one batch of indicator values changes: every cell the batch reported whose current value
-- differs from the value it would have without the batch (the same macro as v_nilai_tersimpan, once with nothing
-- left out and once leaving the batch out). baru NULL = the cell becomes empty.
-- Columns shared by every kind: tahun, kode_wilayah, rincian_kunci, kolom, lama, baru, lama_teks, baru_teks.
-- params: {"batch_id": 1}
WITH k AS (
    SELECT DISTINCT tahun, kode_wilayah, indikator FROM nilai_indikator WHERE batch_id = $batch_id
), s AS (
    SELECT n.* FROM nilai_per_sel(NULL) n SEMI JOIN k USING (tahun, kode_wilayah, indikator)
), t AS (
    SELECT n.* FROM nilai_per_sel($batch_id) n SEMI JOIN k USING (tahun, kode_wilayah, indikator)
)
SELECT k.tahun, k.kode_wilayah, k.indikator AS rincian_kunci, 'nilai' AS kolom, s.nilai AS lama, t.nilai AS baru,
       NULL::VARCHAR AS lama_teks, NULL::VARCHAR AS baru_teks
FROM k
LEFT JOIN s USING (tahun, kode_wilayah, indikator)
LEFT JOIN t USING (tahun, kode_wilayah, indikator)
WHERE s.nilai IS DISTINCT FROM t.nilai
ORDER BY k.tahun, k.kode_wilayah, k.indikator;
