-- Every kecamatan, desa and kelurahan of one kabupaten (with or without a boundary), for the place picker
-- and for reading ?tempat= from a shared link.
-- params: {"kode_kab": "63.03"}
SELECT w.kode, w.nama, w.tingkat, w.kode_kec, k.nama AS nama_kecamatan
FROM wilayah w
LEFT JOIN wilayah k ON k.kode = w.kode_kec AND k.tingkat = 'kecamatan'
WHERE w.tingkat IN ('kecamatan', 'desa', 'kelurahan') AND w.kode_kab = $kode_kab
ORDER BY w.kode;
