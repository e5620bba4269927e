-- The newest event of one decision (withdrawn or not), the base an edit starts from.
-- params: {"keputusan_id": 1}
SELECT keputusan_id, rakor_id, teks, kode_opd, tenggat, kode_wilayah, program, indikator, target, status,
       catatan, dihapus, sampel
FROM keputusan_peristiwa
WHERE keputusan_id = $keputusan_id
ORDER BY peristiwa_id DESC
LIMIT 1;
