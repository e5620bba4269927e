-- Program rows of one year located in one kabupaten (kode_wilayah in its code range) plus kabupaten-wide rows
-- (kode_wilayah NULL), with pillar and OPD names and every column any page or file shows: the one read behind the
-- map's targeting and place profile, the workbook, the PDFs and the rakor slides (tkpk.toko.tahun). Quarterly rows
-- are cumulative: callers pick one period with tkpk.pilar.skor.pilih_periode.
-- params: {"tahun": 2024, "kode_kab": "63.03"}
SELECT i.tahun, i.triwulan, i.pilar, p.nama_singkat AS nama_pilar, i.kode_opd,
       coalesce(o.nama_singkat, i.kode_opd) AS nama_opd, i.program, i.kegiatan, i.kode_wilayah,
       i.pagu, i.realisasi, i.satuan_output, i.target_output, i.capaian_output, i.target_penerima, i.penerima,
       i.satuan_penerima, i.sumber, i.batch_id, i.sampel
FROM v_intervensi i
LEFT JOIN pilar p ON p.kode = i.pilar
LEFT JOIN opd o ON o.kode = i.kode_opd
WHERE i.tahun = $tahun
  AND (i.kode_wilayah IS NULL OR (i.kode_wilayah >= $kode_kab || '.' AND i.kode_wilayah < $kode_kab || '/'))
ORDER BY i.pilar, i.kode_opd, i.program, i.kode_wilayah NULLS FIRST;
