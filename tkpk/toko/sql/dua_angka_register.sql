-- Register facts of one kabupaten (Satu Data, SIKS-NG, BDT, P3KE) for the two-numbers panel, with source and kind
-- of source. Real rows only: a sample batch never supplies a "register" figure here.
-- params: {"kode": "63.03", "indikator": ["reg_miskin_satudata", "reg_miskin_siksng"]}
SELECT n.tahun, n.indikator, i.nama, i.satuan, n.nilai, n.sumber, n.jenis_sumber
FROM v_nilai_indikator n
JOIN indikator i ON i.kode = n.indikator
WHERE n.kode_wilayah = $kode AND list_contains($indikator, n.indikator) AND NOT n.sampel
ORDER BY n.indikator, n.tahun;
