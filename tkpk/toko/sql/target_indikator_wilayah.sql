-- RPJMD/RPKD and national targets of one indicator for the chosen places, with their source and kind of source.
-- params: {"indikator": "p0", "kode": ["63.03"]}
SELECT t.tahun, t.kode_wilayah, w.nama, t.indikator, t.nilai, t.dokumen, t.sumber, t.jenis_sumber, t.rincian
FROM v_target_indikator t
LEFT JOIN wilayah w ON w.kode = t.kode_wilayah
WHERE t.indikator = $indikator AND list_contains($kode, t.kode_wilayah)
ORDER BY t.kode_wilayah, t.tahun;
