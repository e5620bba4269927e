-- intervensi_per_sel(kecuali) (migration 0004) without its window. The result is the same: the same columns in
-- the same order, the same values (cells, sumber, batch_id, sampel), and `kecuali` still leaves one batch out
-- (the rollback preview). Only the way a key's active batches are counted changes.
--
-- 0004 counted each key's batches with count(*) OVER (PARTITION BY key) over every active row (about 4 s for a
-- million rows). Here a hash aggregate finds the keys reported by more than one active batch (`ganda`); only
-- their rows are aggregated (SEMI JOIN), and every other row passes through as it is (ANTI JOIN). Nullable key
-- parts (triwulan, kegiatan, kode_wilayah) match when both are empty, as GROUP BY and PARTITION BY group them.
-- ingest_banding_intervensi.sql reads this macro; tests/integration/test_ingest_himpunan.py reads 0004's
-- definition from its file and checks that this one gives the same rows.

CREATE OR REPLACE MACRO intervensi_per_sel(kecuali) AS TABLE
WITH aktif AS (
    SELECT i.*, b.sampel
    FROM intervensi i
    JOIN batch b USING (batch_id)
    WHERE b.status = 'aktif' AND i.batch_id IS DISTINCT FROM kecuali
), ganda AS (
    SELECT tahun, triwulan, kode_opd, program, kegiatan, kode_wilayah
    FROM aktif
    GROUP BY tahun, triwulan, kode_opd, program, kegiatan, kode_wilayah
    HAVING count(*) > 1
), sel AS (
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
           -- the batch of each cell, so the row names exactly the batches its cells come from
           [max(batch_id) FILTER (WHERE pilar IS NOT NULL),
            max(batch_id) FILTER (WHERE pagu IS NOT NULL),
            max(batch_id) FILTER (WHERE realisasi IS NOT NULL),
            max(batch_id) FILTER (WHERE satuan_output IS NOT NULL),
            max(batch_id) FILTER (WHERE target_output IS NOT NULL),
            max(batch_id) FILTER (WHERE capaian_output IS NOT NULL),
            max(batch_id) FILTER (WHERE target_penerima IS NOT NULL),
            max(batch_id) FILTER (WHERE penerima IS NOT NULL),
            max(batch_id) FILTER (WHERE sumber_dana IS NOT NULL),
            max(batch_id) FILTER (WHERE keterangan IS NOT NULL),
            max(batch_id) FILTER (WHERE satuan_penerima IS NOT NULL)] AS bs,
           list(batch_id ORDER BY batch_id) AS bl,
           list(sumber ORDER BY batch_id) AS sl,
           list(sampel ORDER BY batch_id) AS pl
    FROM (SELECT a.* FROM aktif a
          SEMI JOIN ganda g ON g.tahun = a.tahun AND g.triwulan IS NOT DISTINCT FROM a.triwulan
                           AND g.kode_opd = a.kode_opd AND g.program = a.program
                           AND g.kegiatan IS NOT DISTINCT FROM a.kegiatan
                           AND g.kode_wilayah IS NOT DISTINCT FROM a.kode_wilayah)
    GROUP BY tahun, triwulan, kode_opd, program, kegiatan, kode_wilayah
)
SELECT tahun, triwulan, pilar, kode_opd, program, kegiatan, kode_wilayah, pagu, realisasi, satuan_output,
       target_output, capaian_output, target_penerima, penerima, sumber_dana, keterangan,
       -- each source once, in batch order (list_distinct would not keep the order)
       array_to_string(list_filter(sf, lambda x, i: list_position(sf, x) = i), '; ') AS sumber,
       list_max(bs) AS batch_id,
       satuan_penerima,
       coalesce(list_bool_or(list_filter(pl, lambda x, i: list_contains(bs, bl[i]))), FALSE) AS sampel
FROM (SELECT *, list_filter(sl, lambda x, i: list_contains(bs, bl[i])) AS sf FROM sel)
UNION ALL
-- a key reported by one active batch (by far the common case) is that batch's row as it is
SELECT a.tahun, a.triwulan, a.pilar, a.kode_opd, a.program, a.kegiatan, a.kode_wilayah, a.pagu, a.realisasi,
       a.satuan_output, a.target_output, a.capaian_output, a.target_penerima, a.penerima, a.sumber_dana,
       a.keterangan, a.sumber, a.batch_id, a.satuan_penerima, a.sampel
FROM aktif a
ANTI JOIN ganda g ON g.tahun = a.tahun AND g.triwulan IS NOT DISTINCT FROM a.triwulan
                 AND g.kode_opd = a.kode_opd AND g.program = a.program
                 AND g.kegiatan IS NOT DISTINCT FROM a.kegiatan
                 AND g.kode_wilayah IS NOT DISTINCT FROM a.kode_wilayah;

-- The view reads the macro by name; it is re-created so a store migrated here and a new one define it alike.
CREATE OR REPLACE VIEW v_intervensi AS SELECT * FROM intervensi_per_sel(NULL);
