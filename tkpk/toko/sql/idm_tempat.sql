-- Every IDM fact stored for one place (a desa's status, a kecamatan's count or flag, a kabupaten's total).
-- params: {"kode": "63.03.17"}
SELECT n.tahun, n.indikator, n.nilai, n.sumber, n.jenis_sumber
FROM v_nilai_indikator n
WHERE n.kode_wilayah = $kode AND n.indikator IN ('idm_tertinggal', 'idm_jumlah_tertinggal', 'idm_kec_ada_tertinggal')
  AND NOT n.sampel
ORDER BY n.tahun, n.indikator;
