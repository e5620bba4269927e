-- Versioning per cell (issue 13). Each cell's value is the one from the newest active batch that reported that
-- cell; an empty value cell (NULL) means "not reported in that file", so it never hides an older value. Key
-- columns keep their meaning (triwulan NULL = the whole year, kode_wilayah NULL = kabupaten-wide).
--
-- Each wide table gets a table macro <tabel>_per_sel(kecuali): the current state computed from the active
-- batches, leaving out batch `kecuali` (NULL = none). The v_* views are the macro with NULL; the rollback
-- preview compares the macro with NULL and with the batch to be rolled back, so the preview and the views can
-- never disagree. This file holds macros and views only, so the Parquet snapshot (tkpk/toko/parket.py) runs it as is.
--
-- Sources: a figure's source is the source of the batch that reported that figure.
-- * v_kemiskinan_kabupaten: sumber_<f>, jenis_sumber_<f>, batch_id_<f> per figure; the row's sumber,
--   jenis_sumber and batch_id are P0's (the headline), or, in a row without P0, those of the newest batch that
--   reported any of its figures; sampel is true when any shown figure comes from sample data.
-- * v_intervensi, v_target_indikator: batch_id is the newest batch that gives a current cell of the row; sumber
--   (intervensi) lists the source of every batch that gives one, oldest first, each once, joined by "; ".
-- * v_nilai_tersimpan: one cell per row, so the row's source is the cell's source.

CREATE OR REPLACE MACRO nilai_per_sel(kecuali) AS TABLE
SELECT n.tahun, n.kode_wilayah, n.indikator, n.nilai, n.sumber, n.jenis_sumber, n.batch_id, b.sampel
FROM nilai_indikator n
JOIN batch b USING (batch_id)
WHERE b.status = 'aktif' AND n.nilai IS NOT NULL AND n.batch_id IS DISTINCT FROM kecuali
QUALIFY row_number() OVER (PARTITION BY n.tahun, n.kode_wilayah, n.indikator ORDER BY n.batch_id DESC) = 1;

CREATE OR REPLACE MACRO kemiskinan_per_sel(kecuali) AS TABLE
WITH aktif AS (
    SELECT k.*, b.sampel,
           k.p0 IS NOT NULL OR k.penduduk_miskin IS NOT NULL OR k.garis_kemiskinan IS NOT NULL OR k.p1 IS NOT NULL
           OR k.p2 IS NOT NULL OR k.p0_ekstrem IS NOT NULL OR k.penduduk_miskin_ekstrem IS NOT NULL AS berisi
    FROM kemiskinan_kabupaten k
    JOIN batch b USING (batch_id)
    WHERE b.status = 'aktif' AND k.batch_id IS DISTINCT FROM kecuali
), sel AS (
    SELECT tahun, kode_wilayah,
           arg_max(p0, batch_id) AS p0,
           arg_max(penduduk_miskin, batch_id) AS penduduk_miskin,
           arg_max(garis_kemiskinan, batch_id) AS garis_kemiskinan,
           arg_max(p1, batch_id) AS p1,
           arg_max(p2, batch_id) AS p2,
           arg_max(p0_ekstrem, batch_id) AS p0_ekstrem,
           arg_max(penduduk_miskin_ekstrem, batch_id) AS penduduk_miskin_ekstrem,
           max(batch_id) FILTER (WHERE p0 IS NOT NULL) AS batch_id_p0,
           max(batch_id) FILTER (WHERE penduduk_miskin IS NOT NULL) AS batch_id_penduduk_miskin,
           max(batch_id) FILTER (WHERE garis_kemiskinan IS NOT NULL) AS batch_id_garis_kemiskinan,
           max(batch_id) FILTER (WHERE p1 IS NOT NULL) AS batch_id_p1,
           max(batch_id) FILTER (WHERE p2 IS NOT NULL) AS batch_id_p2,
           max(batch_id) FILTER (WHERE p0_ekstrem IS NOT NULL) AS batch_id_p0_ekstrem,
           max(batch_id) FILTER (WHERE penduduk_miskin_ekstrem IS NOT NULL) AS batch_id_penduduk_miskin_ekstrem,
           arg_max(sumber, batch_id) FILTER (WHERE p0 IS NOT NULL) AS sumber_p0,
           arg_max(sumber, batch_id) FILTER (WHERE penduduk_miskin IS NOT NULL) AS sumber_penduduk_miskin,
           arg_max(sumber, batch_id) FILTER (WHERE garis_kemiskinan IS NOT NULL) AS sumber_garis_kemiskinan,
           arg_max(sumber, batch_id) FILTER (WHERE p1 IS NOT NULL) AS sumber_p1,
           arg_max(sumber, batch_id) FILTER (WHERE p2 IS NOT NULL) AS sumber_p2,
           arg_max(sumber, batch_id) FILTER (WHERE p0_ekstrem IS NOT NULL) AS sumber_p0_ekstrem,
           arg_max(sumber, batch_id) FILTER (WHERE penduduk_miskin_ekstrem IS NOT NULL)
               AS sumber_penduduk_miskin_ekstrem,
           arg_max(jenis_sumber, batch_id) FILTER (WHERE p0 IS NOT NULL) AS jenis_sumber_p0,
           arg_max(jenis_sumber, batch_id) FILTER (WHERE penduduk_miskin IS NOT NULL) AS jenis_sumber_penduduk_miskin,
           arg_max(jenis_sumber, batch_id) FILTER (WHERE garis_kemiskinan IS NOT NULL)
               AS jenis_sumber_garis_kemiskinan,
           arg_max(jenis_sumber, batch_id) FILTER (WHERE p1 IS NOT NULL) AS jenis_sumber_p1,
           arg_max(jenis_sumber, batch_id) FILTER (WHERE p2 IS NOT NULL) AS jenis_sumber_p2,
           arg_max(jenis_sumber, batch_id) FILTER (WHERE p0_ekstrem IS NOT NULL) AS jenis_sumber_p0_ekstrem,
           arg_max(jenis_sumber, batch_id) FILTER (WHERE penduduk_miskin_ekstrem IS NOT NULL)
               AS jenis_sumber_penduduk_miskin_ekstrem,
           -- a row without P0 takes the newest batch that reported any of its figures
           arg_max(sumber, batch_id) FILTER (WHERE berisi) AS sumber_baru,
           arg_max(jenis_sumber, batch_id) FILTER (WHERE berisi) AS jenis_sumber_baru,
           max(batch_id) FILTER (WHERE berisi) AS batch_id_baru,
           -- sample flag of each figure's batch; the row is sample when any of its figures is
           coalesce(arg_max(sampel, batch_id) FILTER (WHERE p0 IS NOT NULL), FALSE)
           OR coalesce(arg_max(sampel, batch_id) FILTER (WHERE penduduk_miskin IS NOT NULL), FALSE)
           OR coalesce(arg_max(sampel, batch_id) FILTER (WHERE garis_kemiskinan IS NOT NULL), FALSE)
           OR coalesce(arg_max(sampel, batch_id) FILTER (WHERE p1 IS NOT NULL), FALSE)
           OR coalesce(arg_max(sampel, batch_id) FILTER (WHERE p2 IS NOT NULL), FALSE)
           OR coalesce(arg_max(sampel, batch_id) FILTER (WHERE p0_ekstrem IS NOT NULL), FALSE)
           OR coalesce(arg_max(sampel, batch_id) FILTER (WHERE penduduk_miskin_ekstrem IS NOT NULL), FALSE) AS sampel
    FROM aktif
    GROUP BY tahun, kode_wilayah
    HAVING bool_or(berisi)
)
SELECT s.tahun, s.kode_wilayah, w.nama, w.tingkat, s.p0, s.penduduk_miskin, s.garis_kemiskinan, s.p1, s.p2,
       s.p0_ekstrem, s.penduduk_miskin_ekstrem,
       CASE WHEN s.p0 IS NULL THEN s.sumber_baru ELSE s.sumber_p0 END AS sumber,
       CASE WHEN s.p0 IS NULL THEN s.jenis_sumber_baru ELSE s.jenis_sumber_p0 END AS jenis_sumber,
       CASE WHEN s.p0 IS NULL THEN s.batch_id_baru ELSE s.batch_id_p0 END AS batch_id,
       s.sampel,
       s.sumber_p0, s.sumber_penduduk_miskin, s.sumber_garis_kemiskinan, s.sumber_p1, s.sumber_p2,
       s.sumber_p0_ekstrem, s.sumber_penduduk_miskin_ekstrem,
       s.jenis_sumber_p0, s.jenis_sumber_penduduk_miskin, s.jenis_sumber_garis_kemiskinan, s.jenis_sumber_p1,
       s.jenis_sumber_p2, s.jenis_sumber_p0_ekstrem, s.jenis_sumber_penduduk_miskin_ekstrem,
       s.batch_id_p0, s.batch_id_penduduk_miskin, s.batch_id_garis_kemiskinan, s.batch_id_p1, s.batch_id_p2,
       s.batch_id_p0_ekstrem, s.batch_id_penduduk_miskin_ekstrem
FROM sel s
JOIN wilayah w ON w.kode = s.kode_wilayah;

CREATE OR REPLACE MACRO target_per_sel(kecuali) AS TABLE
WITH aktif AS (
    SELECT t.*, b.sampel FROM target_indikator t
    JOIN batch b USING (batch_id)
    WHERE b.status = 'aktif' AND t.batch_id IS DISTINCT FROM kecuali
), sel AS (
    SELECT tahun, kode_wilayah, indikator,
           arg_max(nilai, batch_id) AS nilai,
           arg_max(dokumen, batch_id) AS dokumen,
           arg_max(sumber, batch_id) AS sumber,
           arg_max(jenis_sumber, batch_id) AS jenis_sumber,
           arg_max(rincian, batch_id) AS rincian,
           max(batch_id) FILTER (WHERE nilai IS NOT NULL) AS b_nilai,
           max(batch_id) FILTER (WHERE dokumen IS NOT NULL) AS b_dokumen,
           max(batch_id) FILTER (WHERE sumber IS NOT NULL) AS b_sumber,
           max(batch_id) FILTER (WHERE jenis_sumber IS NOT NULL) AS b_jenis_sumber,
           max(batch_id) FILTER (WHERE rincian IS NOT NULL) AS b_rincian,
           list(batch_id ORDER BY batch_id) AS bl,
           list(sampel ORDER BY batch_id) AS pl
    FROM aktif
    GROUP BY tahun, kode_wilayah, indikator
)
SELECT tahun, kode_wilayah, indikator, nilai, dokumen,
       greatest(b_nilai, b_dokumen, b_sumber, b_jenis_sumber, b_rincian) AS batch_id,
       sumber, jenis_sumber, rincian,
       coalesce(list_bool_or(list_filter(pl, lambda x, i: list_contains(
           [b_nilai, b_dokumen, b_sumber, b_jenis_sumber, b_rincian], bl[i]))), FALSE) AS sampel
FROM sel;

CREATE OR REPLACE MACRO intervensi_per_sel(kecuali) AS TABLE
WITH aktif AS (
    SELECT i.*, b.sampel,
           count(*) OVER (PARTITION BY i.tahun, i.triwulan, i.kode_opd, i.program, i.kegiatan, i.kode_wilayah) AS n
    FROM intervensi i
    JOIN batch b USING (batch_id)
    WHERE b.status = 'aktif' AND i.batch_id IS DISTINCT FROM kecuali
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
    FROM aktif
    WHERE n > 1
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
SELECT tahun, triwulan, pilar, kode_opd, program, kegiatan, kode_wilayah, pagu, realisasi, satuan_output,
       target_output, capaian_output, target_penerima, penerima, sumber_dana, keterangan, sumber, batch_id,
       satuan_penerima, sampel
FROM aktif
WHERE n = 1;

CREATE OR REPLACE VIEW v_kemiskinan_kabupaten AS SELECT * FROM kemiskinan_per_sel(NULL);

CREATE OR REPLACE VIEW v_nilai_tersimpan AS SELECT * FROM nilai_per_sel(NULL);

-- Stored values plus derived shares (100 * numerator / denominator), defined by the catalogue.
CREATE OR REPLACE VIEW v_nilai_indikator AS
SELECT tahun, kode_wilayah, indikator, nilai, sumber, jenis_sumber, batch_id, sampel
FROM v_nilai_tersimpan
UNION ALL
SELECT a.tahun, a.kode_wilayah, i.kode AS indikator,
       CASE WHEN b.nilai IS NULL OR b.nilai = 0 THEN NULL ELSE 100.0 * a.nilai / b.nilai END AS nilai,
       CASE WHEN a.sumber = b.sumber THEN a.sumber ELSE a.sumber || '; ' || b.sumber END AS sumber,
       CASE WHEN a.jenis_sumber IS NOT DISTINCT FROM b.jenis_sumber THEN a.jenis_sumber ELSE 'turunan' END
           AS jenis_sumber,
       greatest(a.batch_id, b.batch_id) AS batch_id,
       a.sampel OR b.sampel AS sampel
FROM indikator i
JOIN v_nilai_tersimpan a ON a.indikator = i.pembilang
JOIN v_nilai_tersimpan b ON b.indikator = i.penyebut AND b.tahun = a.tahun AND b.kode_wilayah = a.kode_wilayah
WHERE i.pembilang IS NOT NULL;

CREATE OR REPLACE VIEW v_target_indikator AS SELECT * FROM target_per_sel(NULL);

CREATE OR REPLACE VIEW v_intervensi AS SELECT * FROM intervensi_per_sel(NULL);
