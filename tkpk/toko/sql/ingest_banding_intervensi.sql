-- tulis
-- Writes only a temporary table on the caller's cursor (the upload frame is registered there as _unggah,
-- so this cannot run on its own).
-- Upload (registered as _unggah) against the current interventions by the v_intervensi key, cell by cell;
-- nullable key parts (triwulan, kegiatan, kode_wilayah) match when both are empty. An empty value cell is
-- "not reported in this file": no change, and stored as empty. Source text is not compared.
-- The stored side is intervensi_per_sel(NULL) (migration 0004), cell by cell, for the columns compared here; written
-- out because the macro counts each key's batches with a window over every stored row (4 s for a million): here
-- a hash count finds the keys reported by more than one active batch, and the rest is each row as it is.
-- tests/integration/test_ingest_himpunan.py compares this statement with the one on the macro.
CREATE OR REPLACE TEMP TABLE _banding AS
WITH aktif AS (
    SELECT i.* FROM intervensi i JOIN batch b USING (batch_id) WHERE b.status = 'aktif'
), ganda AS (
    SELECT tahun, triwulan, kode_opd, program, kegiatan, kode_wilayah
    FROM aktif GROUP BY tahun, triwulan, kode_opd, program, kegiatan, kode_wilayah HAVING count(*) > 1
), per_sel AS (
    -- keys reported by more than one active batch: each cell from the newest batch that reported it
    SELECT tahun, triwulan, kode_opd, program, kegiatan, kode_wilayah,
           arg_max(pilar, batch_id) AS pilar,
           arg_max(pagu, batch_id) AS pagu,
           arg_max(realisasi, batch_id) AS realisasi,
           arg_max(satuan_output, batch_id) AS satuan_output,
           arg_max(target_output, batch_id) AS target_output,
           arg_max(capaian_output, batch_id) AS capaian_output,
           arg_max(target_penerima, batch_id) AS target_penerima,
           arg_max(penerima, batch_id) AS penerima,
           arg_max(sumber_dana, batch_id) AS sumber_dana,
           arg_max(keterangan, batch_id) AS keterangan,
           arg_max(satuan_penerima, batch_id) AS satuan_penerima,
           list_max([
               max(batch_id) FILTER (WHERE pilar IS NOT NULL),
               max(batch_id) FILTER (WHERE pagu IS NOT NULL),
               max(batch_id) FILTER (WHERE realisasi IS NOT NULL),
               max(batch_id) FILTER (WHERE satuan_output IS NOT NULL),
               max(batch_id) FILTER (WHERE target_output IS NOT NULL),
               max(batch_id) FILTER (WHERE capaian_output IS NOT NULL),
               max(batch_id) FILTER (WHERE target_penerima IS NOT NULL),
               max(batch_id) FILTER (WHERE penerima IS NOT NULL),
               max(batch_id) FILTER (WHERE sumber_dana IS NOT NULL),
               max(batch_id) FILTER (WHERE keterangan IS NOT NULL),
               max(batch_id) FILTER (WHERE satuan_penerima IS NOT NULL)]) AS batch_id
    FROM (SELECT a.* FROM aktif a
          SEMI JOIN ganda k ON k.tahun = a.tahun AND k.triwulan IS NOT DISTINCT FROM a.triwulan
                           AND k.kode_opd = a.kode_opd AND k.program = a.program
                           AND k.kegiatan IS NOT DISTINCT FROM a.kegiatan
                           AND k.kode_wilayah IS NOT DISTINCT FROM a.kode_wilayah)
    GROUP BY tahun, triwulan, kode_opd, program, kegiatan, kode_wilayah
    UNION ALL
    -- a key reported by one active batch (by far the common case) is that batch's row as it is
    SELECT tahun, triwulan, kode_opd, program, kegiatan, kode_wilayah, pilar, pagu, realisasi, satuan_output,
           target_output, capaian_output, target_penerima, penerima, sumber_dana, keterangan, satuan_penerima,
           batch_id
    FROM aktif a
    ANTI JOIN ganda k ON k.tahun = a.tahun AND k.triwulan IS NOT DISTINCT FROM a.triwulan
                     AND k.kode_opd = a.kode_opd AND k.program = a.program
                     AND k.kegiatan IS NOT DISTINCT FROM a.kegiatan AND k.kode_wilayah IS NOT DISTINCT FROM a.kode_wilayah
)
SELECT u.*,
       CASE WHEN s.tahun IS NULL THEN 'baru'
            WHEN (u.pilar IS NULL OR s.pilar IS NOT DISTINCT FROM u.pilar)
             AND (u.pagu IS NULL OR s.pagu IS NOT DISTINCT FROM u.pagu)
             AND (u.realisasi IS NULL OR s.realisasi IS NOT DISTINCT FROM u.realisasi)
             AND (u.satuan_output IS NULL OR s.satuan_output IS NOT DISTINCT FROM u.satuan_output)
             AND (u.target_output IS NULL OR s.target_output IS NOT DISTINCT FROM u.target_output)
             AND (u.capaian_output IS NULL OR s.capaian_output IS NOT DISTINCT FROM u.capaian_output)
             AND (u.target_penerima IS NULL OR s.target_penerima IS NOT DISTINCT FROM u.target_penerima)
             AND (u.penerima IS NULL OR s.penerima IS NOT DISTINCT FROM u.penerima)
             AND (u.sumber_dana IS NULL OR s.sumber_dana IS NOT DISTINCT FROM u.sumber_dana)
             AND (u.keterangan IS NULL OR s.keterangan IS NOT DISTINCT FROM u.keterangan)
             AND (u.satuan_penerima IS NULL OR s.satuan_penerima IS NOT DISTINCT FROM u.satuan_penerima) THEN 'sama'
            ELSE 'berubah' END AS status,
       s.pilar AS pilar_lama, s.pagu AS pagu_lama, s.realisasi AS realisasi_lama,
       s.satuan_output AS satuan_output_lama, s.target_output AS target_output_lama,
       s.capaian_output AS capaian_output_lama, s.target_penerima AS target_penerima_lama,
       s.penerima AS penerima_lama, s.sumber_dana AS sumber_dana_lama, s.keterangan AS keterangan_lama,
       s.satuan_penerima AS satuan_penerima_lama, s.batch_id AS batch_lama
FROM _unggah u
LEFT JOIN per_sel s
       ON s.tahun = u.tahun AND s.triwulan IS NOT DISTINCT FROM u.triwulan AND s.kode_opd = u.kode_opd
      AND s.program = u.program AND s.kegiatan IS NOT DISTINCT FROM u.kegiatan
      AND s.kode_wilayah IS NOT DISTINCT FROM u.kode_wilayah;
SELECT * FROM _banding ORDER BY _baris;
