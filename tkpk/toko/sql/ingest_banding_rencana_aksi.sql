-- tulis
-- Writes only a temporary table on the caller's cursor (the upload frame is registered there as _unggah,
-- so this cannot run on its own).
-- Upload (registered as _unggah) against the current action plans by the v_rencana_aksi key, cell by cell;
-- nullable key parts (triwulan, kegiatan, kode_wilayah) match when both are empty. An empty value cell is
-- "not reported in this file": no change, and stored as empty. Source text is not compared.
CREATE OR REPLACE TEMP TABLE _banding AS
SELECT u.*,
       CASE WHEN s.tahun IS NULL THEN 'baru'
            WHEN (u.pilar IS NULL OR s.pilar IS NOT DISTINCT FROM u.pilar)
             AND (u.satuan_output IS NULL OR s.satuan_output IS NOT DISTINCT FROM u.satuan_output)
             AND (u.target_output IS NULL OR s.target_output IS NOT DISTINCT FROM u.target_output)
             AND (u.pagu_rencana IS NULL OR s.pagu_rencana IS NOT DISTINCT FROM u.pagu_rencana)
             AND (u.keterangan IS NULL OR s.keterangan IS NOT DISTINCT FROM u.keterangan) THEN 'sama'
            ELSE 'berubah' END AS status,
       s.pilar AS pilar_lama, s.satuan_output AS satuan_output_lama, s.target_output AS target_output_lama,
       s.pagu_rencana AS pagu_rencana_lama, s.keterangan AS keterangan_lama, s.batch_id AS batch_lama
FROM _unggah u
LEFT JOIN rencana_per_sel(NULL) s
       ON s.tahun = u.tahun AND s.triwulan IS NOT DISTINCT FROM u.triwulan AND s.kode_opd = u.kode_opd
      AND s.program = u.program AND s.kegiatan IS NOT DISTINCT FROM u.kegiatan
      AND s.kode_wilayah IS NOT DISTINCT FROM u.kode_wilayah;
SELECT * FROM _banding ORDER BY _baris;
