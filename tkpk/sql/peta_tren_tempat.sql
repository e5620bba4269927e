-- One indicator of one place over all years, for the trend in the place profile.
-- params: {"kode": "63.03.17", "indikator": "persen_jiwa_desil_1_4"}
SELECT n.tahun, n.nilai, n.sumber, n.sampel
FROM v_nilai_indikator n
WHERE n.kode_wilayah = $kode AND n.indikator = $indikator
ORDER BY n.tahun;
