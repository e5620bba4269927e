-- Every catalogue indicator for the 20 kecamatan of Kabupaten Banjar, all years (long form), for the exports:
-- pockets of the year, the kecamatan brief's indicators and trend. Register-based proxies, not BPS figures.
SELECT n.tahun, w.kode, w.nama, n.indikator, n.nilai, n.sumber, n.sampel
FROM v_nilai_indikator n
JOIN wilayah w ON w.kode = n.kode_wilayah
WHERE w.tingkat = 'kecamatan' AND w.kode_kab = '63.03'
ORDER BY w.kode, n.indikator, n.tahun;
