-- tulis
-- Writes one part of an intervention batch straight from the temporary table _banding (ingest_banding_intervensi.sql,
-- on the caller's cursor inside its transaction), so a million compared rows never travel to Python and back:
-- every row of the file as the file gave it, in Excel row order, rows dari <= _baris < sampai.
-- params: {"batch_id": 1, "dari": 2, "sampai": 100002}
INSERT INTO intervensi (tahun, triwulan, pilar, kode_opd, program, kegiatan, kode_wilayah, pagu, realisasi,
                        satuan_output, target_output, capaian_output, target_penerima, penerima, sumber_dana,
                        keterangan, satuan_penerima, sumber, batch_id)
SELECT tahun, triwulan, pilar, kode_opd, program, kegiatan, kode_wilayah, pagu, realisasi, satuan_output,
       target_output, capaian_output, target_penerima, penerima, sumber_dana, keterangan, satuan_penerima, sumber,
       $batch_id
FROM _banding
WHERE _baris >= $dari AND _baris < $sampai
ORDER BY _baris;
