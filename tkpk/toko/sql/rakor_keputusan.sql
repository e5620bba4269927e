-- The current state of every decision of one rakor, with the names of its OPD and place.
-- params: {"rakor_id": 1}
SELECT k.*, o.nama_singkat AS nama_opd, o.pilar, w.nama AS nama_wilayah, w.tingkat AS tingkat_wilayah,
       w.kode_kec
FROM v_keputusan k
LEFT JOIN opd o ON o.kode = k.kode_opd
LEFT JOIN wilayah w ON w.kode = k.kode_wilayah
WHERE k.rakor_id = $rakor_id
ORDER BY k.keputusan_id;
