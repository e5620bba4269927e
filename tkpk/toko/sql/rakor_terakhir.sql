-- The newest event of one rakor (withdrawn or not), the base an edit starts from.
-- params: {"rakor_id": 1}
SELECT rakor_id, tanggal, judul, tempat, sampel, dihapus
FROM rakor_peristiwa
WHERE rakor_id = $rakor_id
ORDER BY peristiwa_id DESC
LIMIT 1;
