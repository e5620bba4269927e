-- Every catalogue indicator for the 20 kecamatan of Kabupaten Banjar, all years (long form), for the exports:
-- pockets of the year, the kecamatan brief's indicators and trend. Register-based proxies, not BPS figures.
-- The range on n.kode_wilayah (every code of the kabupaten starts with its code and a dot; '/' sorts right
-- after '.') reaches the scan through the views' newest-batch window; a join filter does not (bench/RESULTS.md).
SELECT n.tahun, w.kode, w.nama, n.indikator, n.nilai, n.sumber, n.sampel
FROM v_nilai_indikator n
JOIN wilayah w ON w.kode = n.kode_wilayah
WHERE w.tingkat = 'kecamatan' AND w.kode_kab = '63.03'
  AND n.kode_wilayah >= '63.03.' AND n.kode_wilayah < '63.03/'
ORDER BY w.kode, n.indikator, n.tahun;
