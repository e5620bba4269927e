-- The stored target of every plan row of the given OPDs and years, with the batch that gave it, for the check that
-- an upload leaves no stale quarter of the same plan series in place (tkpk.ingest.tersimpan.triwulan_tertinggal).
-- params: {"opd": ["DISPERKIMLH"], "tahun": [2026]}
SELECT tahun, triwulan, kode_opd, program, kegiatan, kode_wilayah, target_output, batch_id
FROM v_rencana_aksi
WHERE target_output IS NOT NULL AND list_contains($opd, kode_opd) AND list_contains($tahun, tahun)
ORDER BY tahun, kode_opd, program, triwulan NULLS LAST;
