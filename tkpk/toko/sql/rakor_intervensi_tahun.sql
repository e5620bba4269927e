-- Every current intervention row of one year, all quarters (plan against delivery reads them cumulatively).
-- params: {"tahun": 2025}
SELECT tahun, triwulan, pilar, kode_opd, program, kegiatan, kode_wilayah, satuan_output, target_output,
       capaian_output, pagu, realisasi, sampel
FROM v_intervensi
WHERE tahun = $tahun;
