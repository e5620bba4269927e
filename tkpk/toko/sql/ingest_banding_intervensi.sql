-- tulis
-- Writes only a temporary table on the caller's cursor (the upload frame is registered there as _unggah,
-- so this cannot run on its own).
-- Upload (registered as _unggah) against the current interventions by the v_intervensi key, cell by cell;
-- nullable key parts (triwulan, kegiatan, kode_wilayah) match when both are empty. An empty value cell is
-- "not reported in this file": no change, and stored as empty. Source text is not compared.
-- The stored side is intervensi_per_sel(NULL), the same macro v_intervensi and the rollback preview read, for the
-- columns compared here. Since migration 0009 the macro counts a key's active batches with a hash aggregate, not
-- a window, so it costs what the inline copy this file held before did (which it replaces; on a million stored
-- rows the comparison of a 50.000-row file took 1,0-1,3 CPU seconds, against 2,4-2,5 on the 0004 macro).
-- tests/integration/test_ingest_himpunan.py compares this statement with the one on the 0004 macro.
-- The temporary table holds each row's Excel row number, status and stored cells, not the upload's own cells
-- again: copying a million uploaded rows into it cost 0,35-0,4 s of a commit that reads only the counts and the
-- changed rows. The final SELECT (and ingest_banding_berubah.sql) joins the upload back by _baris, so _unggah
-- stays registered until the caller has read them (tkpk.ingest.simpan._dibandingkan).
CREATE OR REPLACE TEMP TABLE _banding AS
WITH per_sel AS (
    SELECT tahun, triwulan, kode_opd, program, kegiatan, kode_wilayah, pilar, pagu, realisasi, satuan_output,
           target_output, capaian_output, target_penerima, penerima, sumber_dana, keterangan, satuan_penerima,
           batch_id
    FROM intervensi_per_sel(NULL)
)
SELECT u._baris,
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
SELECT u.*, b.* EXCLUDE (_baris) FROM _banding b JOIN _unggah u USING (_baris) ORDER BY _baris;
