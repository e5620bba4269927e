-- Current action plans of one year (every OPD), for plan against delivery.
-- params: {"tahun": 2025}
SELECT tahun, triwulan, pilar, kode_opd, program, kegiatan, kode_wilayah, satuan_output, target_output,
       pagu_rencana, keterangan, sumber, batch_id, sampel
FROM v_rencana_aksi
WHERE tahun = $tahun
ORDER BY pilar, kode_opd, program, triwulan NULLS LAST;
