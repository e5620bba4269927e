-- Years with indicator values for the kecamatan/desa of one kabupaten, newest first (the map's year picker).
-- params: {"kode_kab": "63.03"}
-- The range on n.kode_wilayah (every code of the kabupaten starts with its code and a dot; '/' sorts right
-- after '.') reaches the scan through the views' newest-batch window; a join filter does not (bench/RESULTS.md).
SELECT DISTINCT n.tahun
FROM v_nilai_indikator n
JOIN wilayah w ON w.kode = n.kode_wilayah
WHERE n.kode_wilayah >= $kode_kab || '.' AND n.kode_wilayah < $kode_kab || '/'
  AND w.kode_kab = $kode_kab AND w.tingkat IN ('kecamatan', 'desa', 'kelurahan')
ORDER BY n.tahun DESC;
