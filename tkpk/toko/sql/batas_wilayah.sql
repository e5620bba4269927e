-- Boundaries (GeoJSON text) of the places at the given levels, e.g. ['kecamatan'] or ['desa', 'kelurahan'].
-- params: {"tingkat": ["kecamatan"]}
SELECT w.kode, w.nama, w.tingkat, w.kode_kec, w.kode_kab, w.luas_km2, b.geojson, b.sumber
FROM batas_wilayah b
JOIN wilayah w USING (kode)
WHERE list_contains($tingkat, w.tingkat)
ORDER BY w.kode;
