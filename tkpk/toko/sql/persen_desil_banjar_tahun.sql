-- persen_jiwa_desil_1_4 (register-based proxy, not BPS P0) per kecamatan and desa of Banjar in one year, for the
-- fallback poverty-pocket rule of the pillar page (tkpk.pilar.kartu.kantong_tahun).
-- params: {"tahun": 2024}
-- The range on n.kode_wilayah (every code of the kabupaten starts with its code and a dot; '/' sorts right
-- after '.') reaches the scan through the views' newest-batch window; a join filter does not (bench/RESULTS.md).
SELECT n.kode_wilayah, n.nilai AS persen_jiwa_desil_1_4, w.tingkat, n.sumber, n.sampel
FROM v_nilai_indikator n
JOIN wilayah w ON w.kode = n.kode_wilayah
WHERE n.indikator = 'persen_jiwa_desil_1_4' AND n.tahun = $tahun
  AND w.tingkat IN ('kecamatan', 'desa', 'kelurahan') AND w.kode_kab = '63.03'
  AND n.kode_wilayah >= '63.03.' AND n.kode_wilayah < '63.03/'
ORDER BY n.kode_wilayah;
