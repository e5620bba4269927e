-- Every event of one decision, oldest first: what changed, who, when.
-- params: {"keputusan_id": 1}
SELECT peristiwa_id, keputusan_id, rakor_id, teks, kode_opd, tenggat, kode_wilayah, program, indikator, target,
       status, catatan, dihapus, sampel, oleh, waktu
FROM keputusan_peristiwa
WHERE keputusan_id = $keputusan_id
ORDER BY peristiwa_id;
