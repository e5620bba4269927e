-- Boundaries (GeoJSON text, EPSG:4326) of one map level of ONE kabupaten, with the kecamatan name, so a
-- national store never loads every desa of Indonesia for one map.
-- params: {"tingkat": ["desa", "kelurahan"], "kode_kab": "63.03"}
SELECT w.kode, w.nama, w.tingkat, w.kode_kec, k.nama AS nama_kecamatan, b.geojson, b.sumber AS sumber_batas
FROM batas_wilayah b
JOIN wilayah w USING (kode)
LEFT JOIN wilayah k ON k.kode = w.kode_kec AND k.tingkat = 'kecamatan'
WHERE list_contains($tingkat, w.tingkat) AND w.kode_kab = $kode_kab
ORDER BY w.kode;
