-- Desa named by the source as IDM "Tertinggal" in one year (real rows only), with the source, for the map overlay.
-- params: {"tahun": 2021, "kode_kab": "63.03"}
SELECT n.kode_wilayah AS kode, w.nama, n.sumber, n.jenis_sumber
FROM v_nilai_indikator n
JOIN wilayah w ON w.kode = n.kode_wilayah
WHERE n.indikator = 'idm_tertinggal' AND n.tahun = $tahun AND n.nilai = 1 AND NOT n.sampel
  AND n.kode_wilayah >= $kode_kab || '.' AND n.kode_wilayah < $kode_kab || '/'
ORDER BY n.kode_wilayah;
