-- Years with indicator values for the kecamatan/desa of one kabupaten, newest first (the map's year picker).
-- params: {"kode_kab": "63.03"}
SELECT DISTINCT n.tahun
FROM v_nilai_indikator n
JOIN wilayah w ON w.kode = n.kode_wilayah
WHERE w.kode_kab = $kode_kab AND w.tingkat IN ('kecamatan', 'desa', 'kelurahan')
ORDER BY n.tahun DESC;
