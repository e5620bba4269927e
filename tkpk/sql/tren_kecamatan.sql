-- One catalogue indicator (stored or derived share) for every kecamatan of Kabupaten Banjar, all years.
-- params: {"indikator": "persen_miskin"}
SELECT n.tahun, w.kode AS kode_wilayah, w.nama, n.indikator, n.nilai, n.sumber, n.sampel
FROM v_nilai_indikator n
JOIN wilayah w ON w.kode = n.kode_wilayah
WHERE n.indikator = $indikator AND w.tingkat = 'kecamatan' AND w.kode_kab = '63.03'
ORDER BY w.kode, n.tahun;
