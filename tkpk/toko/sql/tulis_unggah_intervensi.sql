-- tulis
-- Writes one slice of an intervention batch from the upload's own Arrow table, registered as _potong on the
-- caller's cursor inside its transaction (tkpk.ingest.simpan._tulis_sql): every row of the file as the file gave
-- it, in Excel row order (the slice is in that order, and a scan of an Arrow table keeps it).
-- params: {"batch_id": 1}
INSERT INTO intervensi (tahun, triwulan, pilar, kode_opd, program, kegiatan, kode_wilayah, pagu, realisasi,
                        satuan_output, target_output, capaian_output, target_penerima, penerima, sumber_dana,
                        keterangan, satuan_penerima, sumber, batch_id)
SELECT tahun, triwulan, pilar, kode_opd, program, kegiatan, kode_wilayah, pagu, realisasi, satuan_output,
       target_output, capaian_output, target_penerima, penerima, sumber_dana, keterangan, satuan_penerima, sumber,
       $batch_id
FROM _potong;
