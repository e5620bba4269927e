-- persen_miskin (register-based proxy, not BPS P0) per kecamatan and desa of Banjar in one year, for the
-- fallback poverty-pocket rule of the pillar page (tkpk.kinerja.kantong_tahun).
-- params: {"tahun": 2024}
SELECT n.kode_wilayah, n.nilai AS persen_miskin, w.tingkat, n.sumber, n.sampel
FROM v_nilai_indikator n
JOIN wilayah w ON w.kode = n.kode_wilayah
WHERE n.indikator = 'persen_miskin' AND n.tahun = $tahun
  AND w.tingkat IN ('kecamatan', 'desa', 'kelurahan')
ORDER BY n.kode_wilayah;
