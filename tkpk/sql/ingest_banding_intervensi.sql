-- tulis
-- Writes only a temporary table on the caller's cursor (the upload frame is registered there as _unggah,
-- so this cannot run on its own).
-- Upload (registered as _unggah) against current interventions by the v_intervensi key; nullable key parts
-- (triwulan, kegiatan, kode_wilayah) match when both are empty. Source text is not compared.
CREATE OR REPLACE TEMP TABLE _banding AS
SELECT u.*,
       CASE WHEN s.batch_id IS NULL THEN 'baru'
            WHEN s.pilar IS NOT DISTINCT FROM u.pilar AND s.pagu IS NOT DISTINCT FROM u.pagu
             AND s.realisasi IS NOT DISTINCT FROM u.realisasi AND s.satuan_output IS NOT DISTINCT FROM u.satuan_output
             AND s.target_output IS NOT DISTINCT FROM u.target_output
             AND s.capaian_output IS NOT DISTINCT FROM u.capaian_output
             AND s.target_penerima IS NOT DISTINCT FROM u.target_penerima
             AND s.penerima IS NOT DISTINCT FROM u.penerima AND s.sumber_dana IS NOT DISTINCT FROM u.sumber_dana
             AND s.keterangan IS NOT DISTINCT FROM u.keterangan THEN 'sama'
            ELSE 'berubah' END AS status,
       s.pilar AS pilar_lama, s.pagu AS pagu_lama, s.realisasi AS realisasi_lama,
       s.satuan_output AS satuan_output_lama, s.target_output AS target_output_lama,
       s.capaian_output AS capaian_output_lama, s.target_penerima AS target_penerima_lama,
       s.penerima AS penerima_lama, s.sumber_dana AS sumber_dana_lama, s.keterangan AS keterangan_lama,
       s.batch_id AS batch_lama
FROM _unggah u
LEFT JOIN (
    SELECT i.* FROM intervensi i JOIN batch b USING (batch_id)
    WHERE b.status = 'aktif'
    QUALIFY row_number() OVER (
        PARTITION BY i.tahun, i.triwulan, i.kode_opd, i.program, i.kegiatan, i.kode_wilayah
        ORDER BY i.batch_id DESC) = 1
) s ON s.tahun = u.tahun AND s.triwulan IS NOT DISTINCT FROM u.triwulan AND s.kode_opd = u.kode_opd
   AND s.program = u.program AND s.kegiatan IS NOT DISTINCT FROM u.kegiatan
   AND s.kode_wilayah IS NOT DISTINCT FROM u.kode_wilayah;
SELECT * FROM _banding ORDER BY _baris;
