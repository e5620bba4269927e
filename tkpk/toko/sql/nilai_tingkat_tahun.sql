-- Every catalogue indicator (stored and derived shares, with source and sample flag) for the places of one
-- map level of one kabupaten in one year, long form. Kecamatan/desa poverty figures are register-based
-- proxies (DTSEN/P3KE), not BPS rates.
-- params: {"tahun": 2024, "tingkat": ["kecamatan"], "kode_kab": "63.03"}
-- The range on n.kode_wilayah (every code of the kabupaten starts with its code and a dot; '/' sorts right
-- after '.') reaches the scan through the views' newest-batch window; a join filter does not (bench/RESULTS.md).
SELECT w.kode, n.indikator, n.nilai, n.sumber, n.sampel
FROM v_nilai_indikator n
JOIN wilayah w ON w.kode = n.kode_wilayah
WHERE n.tahun = $tahun AND list_contains($tingkat, w.tingkat) AND w.kode_kab = $kode_kab
  AND n.kode_wilayah >= $kode_kab || '.' AND n.kode_wilayah < $kode_kab || '/'
ORDER BY w.kode, n.indikator;
