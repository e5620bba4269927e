-- Kecamatan and desa/kelurahan of Kabupaten Banjar, with the kecamatan name beside each desa.
SELECT w.kode, w.nama, w.tingkat, w.kode_kec, k.nama AS nama_kec, w.luas_km2
FROM wilayah w
LEFT JOIN wilayah k ON k.kode = w.kode_kec
WHERE w.kode_kab = '63.03' AND w.tingkat IN ('kecamatan', 'desa', 'kelurahan')
ORDER BY w.kode;
