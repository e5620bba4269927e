-- One catalogue indicator (stored or derived share) for every kecamatan of Kabupaten Banjar, all years.
-- params: {"indikator": "persen_miskin"}
-- The range on n.kode_wilayah (every code of the kabupaten starts with its code and a dot; '/' sorts right
-- after '.') reaches the scan through the views' newest-batch window; a join filter does not (bench/RESULTS.md).
SELECT n.tahun, w.kode AS kode_wilayah, w.nama, n.indikator, n.nilai, n.sumber, n.sampel
FROM v_nilai_indikator n
JOIN wilayah w ON w.kode = n.kode_wilayah
WHERE n.indikator = $indikator AND w.tingkat = 'kecamatan' AND w.kode_kab = '63.03'
  AND n.kode_wilayah >= '63.03.' AND n.kode_wilayah < '63.03/'
ORDER BY w.kode, n.tahun;
