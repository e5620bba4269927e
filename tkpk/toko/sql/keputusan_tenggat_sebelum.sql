-- The active decisions of a rakor due before a date, earliest first: a rakor cannot be moved after the deadlines of
-- its own decisions (tkpk.rakor.keputusan.ubah_rakor).
-- params: {"rakor_id": 1, "tanggal": "2026-11-30"}
SELECT keputusan_id, tenggat
FROM v_keputusan
WHERE rakor_id = $rakor_id AND tenggat IS NOT NULL AND tenggat < CAST($tanggal AS DATE)
ORDER BY tenggat, keputusan_id;
