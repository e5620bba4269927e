-- Names of Banjar's kecamatan and desa/kelurahan, so drill-down tables show places by name (joined on code).
SELECT w.kode AS kode_wilayah, w.nama, w.tingkat, w.kode_kec, k.nama AS nama_kecamatan
FROM wilayah w
LEFT JOIN wilayah k ON k.kode = w.kode_kec AND k.tingkat = 'kecamatan'
WHERE w.tingkat IN ('kecamatan', 'desa', 'kelurahan') AND w.kode_kab = '63.03'
ORDER BY w.kode;
