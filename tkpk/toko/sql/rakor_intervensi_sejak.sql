-- Current intervention rows from a year on: what a follow-up of a rakor's decisions compares against.
-- params: {"tahun": 2024}
SELECT tahun, triwulan, pilar, kode_opd, program, kegiatan, kode_wilayah, satuan_output, target_output,
       capaian_output, pagu, realisasi, sampel
FROM v_intervensi
WHERE tahun >= $tahun;
