-- Every catalogue indicator for the desa and kelurahan of Kabupaten Banjar in one year (long form), with the
-- kecamatan name, for desa-level pockets and "kantong belum tersentuh" in the exports and the rakor slides.
-- params: {"tahun": 2024}
-- The range on n.kode_wilayah (every code of the kabupaten starts with its code and a dot; '/' sorts right
-- after '.') reaches the scan through the views' newest-batch window; a join filter does not (bench/RESULTS.md).
SELECT n.tahun, w.kode, w.nama, w.kode_kec, k.nama AS nama_kecamatan, n.indikator, n.nilai, n.sumber, n.sampel
FROM v_nilai_indikator n
JOIN wilayah w ON w.kode = n.kode_wilayah
LEFT JOIN wilayah k ON k.kode = w.kode_kec AND k.tingkat = 'kecamatan'
WHERE n.tahun = $tahun AND w.tingkat IN ('desa', 'kelurahan') AND w.kode_kab = '63.03'
  AND n.kode_wilayah >= '63.03.' AND n.kode_wilayah < '63.03/'
ORDER BY w.kode, n.indikator;
