-- Every current target (RPJMD/RPKD, national) with its place name, source and kind of source.
SELECT t.tahun, t.kode_wilayah, w.nama, t.indikator, t.nilai, t.dokumen, t.sumber, t.jenis_sumber, t.rincian
FROM v_target_indikator t
LEFT JOIN wilayah w ON w.kode = t.kode_wilayah
ORDER BY t.indikator, t.kode_wilayah, t.tahun;
