-- Program rows of one year (every pillar), for the LP2KD workbook and the one-page briefs; the period is picked
-- in Python (tkpk.skor.pilih_periode) exactly as the pillar page does, so both show the same totals.
-- params: {"tahun": 2024}
SELECT tahun, triwulan, pilar, kode_opd, program, kegiatan, kode_wilayah, pagu, realisasi, satuan_output,
       target_output, capaian_output, target_penerima, penerima, sumber, batch_id, sampel
FROM v_intervensi
WHERE tahun = $tahun
ORDER BY pilar, kode_opd, program, kode_wilayah NULLS FIRST;
