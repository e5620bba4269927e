-- Every current program row of one pillar, all years: the scorecard picks the period and the year comparison
-- uses the rest, so both read exactly the same rows.
-- params: {"pilar": 2}
SELECT tahun, triwulan, pilar, kode_opd, program, kegiatan, kode_wilayah, pagu, realisasi, satuan_output,
       target_output, capaian_output, target_penerima, penerima, sumber_dana, keterangan, sumber, batch_id, sampel
FROM v_intervensi
WHERE pilar = $pilar AND (kode_wilayah IS NULL OR (kode_wilayah >= '63.03.' AND kode_wilayah < '63.03/'))
ORDER BY tahun, triwulan NULLS FIRST, kode_opd, program, kode_wilayah NULLS FIRST;
