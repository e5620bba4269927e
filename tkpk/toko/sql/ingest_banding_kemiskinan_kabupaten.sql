-- tulis
-- Writes only a temporary table on the caller's cursor (the upload frame is registered there as _unggah,
-- so this cannot run on its own).
-- Upload against the current BPS figures per (tahun, kode_wilayah), cell by cell. An empty cell is "not
-- reported in this file" (BPS publishes P1/P2 and GK at other times than P0): it is no change and it is stored
-- as empty, so the figure stays the one of the batch that reported it. baru = no current row; berubah = a reported
-- figure differs from (or adds to) the current one, or restates it under another source or kind of source (the
-- headline's BPS/media/kutipan label would change); sama = every reported figure equals the current one, with
-- the same kind and source. A file that names no source of its own (sumber 'Unggahan berkas <file>', the
-- default) claims no new source text, so the same figures in a renamed file stay "sama"; its kind still counts.
CREATE OR REPLACE TEMP TABLE _banding AS
SELECT u.*,
       CASE WHEN s.tahun IS NULL THEN 'baru'
            WHEN (u.p0 IS NULL OR (u.p0 IS NOT DISTINCT FROM s.p0 AND (u.sumber IS NOT DISTINCT FROM s.sumber_p0 OR u.sumber LIKE 'Unggahan berkas %')
                  AND u.jenis_sumber IS NOT DISTINCT FROM s.jenis_sumber_p0))
             AND (u.penduduk_miskin IS NULL OR (u.penduduk_miskin IS NOT DISTINCT FROM s.penduduk_miskin AND (u.sumber IS NOT DISTINCT FROM s.sumber_penduduk_miskin OR u.sumber LIKE 'Unggahan berkas %')
                  AND u.jenis_sumber IS NOT DISTINCT FROM s.jenis_sumber_penduduk_miskin))
             AND (u.garis_kemiskinan IS NULL OR (u.garis_kemiskinan IS NOT DISTINCT FROM s.garis_kemiskinan AND (u.sumber IS NOT DISTINCT FROM s.sumber_garis_kemiskinan OR u.sumber LIKE 'Unggahan berkas %')
                  AND u.jenis_sumber IS NOT DISTINCT FROM s.jenis_sumber_garis_kemiskinan))
             AND (u.p1 IS NULL OR (u.p1 IS NOT DISTINCT FROM s.p1 AND (u.sumber IS NOT DISTINCT FROM s.sumber_p1 OR u.sumber LIKE 'Unggahan berkas %')
                  AND u.jenis_sumber IS NOT DISTINCT FROM s.jenis_sumber_p1))
             AND (u.p2 IS NULL OR (u.p2 IS NOT DISTINCT FROM s.p2 AND (u.sumber IS NOT DISTINCT FROM s.sumber_p2 OR u.sumber LIKE 'Unggahan berkas %')
                  AND u.jenis_sumber IS NOT DISTINCT FROM s.jenis_sumber_p2))
             AND (u.p0_ekstrem IS NULL OR (u.p0_ekstrem IS NOT DISTINCT FROM s.p0_ekstrem AND (u.sumber IS NOT DISTINCT FROM s.sumber_p0_ekstrem OR u.sumber LIKE 'Unggahan berkas %')
                  AND u.jenis_sumber IS NOT DISTINCT FROM s.jenis_sumber_p0_ekstrem))
             AND (u.penduduk_miskin_ekstrem IS NULL OR (u.penduduk_miskin_ekstrem IS NOT DISTINCT FROM s.penduduk_miskin_ekstrem AND (u.sumber IS NOT DISTINCT FROM s.sumber_penduduk_miskin_ekstrem OR u.sumber LIKE 'Unggahan berkas %')
                  AND u.jenis_sumber IS NOT DISTINCT FROM s.jenis_sumber_penduduk_miskin_ekstrem)) THEN 'sama'
            ELSE 'berubah' END AS status,
       s.p0 AS p0_lama, s.penduduk_miskin AS penduduk_miskin_lama, s.garis_kemiskinan AS garis_kemiskinan_lama,
       s.p1 AS p1_lama, s.p2 AS p2_lama, s.p0_ekstrem AS p0_ekstrem_lama,
       s.penduduk_miskin_ekstrem AS penduduk_miskin_ekstrem_lama, s.batch_id AS batch_lama,
       s.sumber_p0 AS sumber_p0_lama, s.jenis_sumber_p0 AS jenis_sumber_p0_lama,
       s.sumber_penduduk_miskin AS sumber_penduduk_miskin_lama, s.jenis_sumber_penduduk_miskin AS jenis_sumber_penduduk_miskin_lama,
       s.sumber_garis_kemiskinan AS sumber_garis_kemiskinan_lama, s.jenis_sumber_garis_kemiskinan AS jenis_sumber_garis_kemiskinan_lama,
       s.sumber_p1 AS sumber_p1_lama, s.jenis_sumber_p1 AS jenis_sumber_p1_lama,
       s.sumber_p2 AS sumber_p2_lama, s.jenis_sumber_p2 AS jenis_sumber_p2_lama,
       s.sumber_p0_ekstrem AS sumber_p0_ekstrem_lama, s.jenis_sumber_p0_ekstrem AS jenis_sumber_p0_ekstrem_lama,
       s.sumber_penduduk_miskin_ekstrem AS sumber_penduduk_miskin_ekstrem_lama, s.jenis_sumber_penduduk_miskin_ekstrem AS jenis_sumber_penduduk_miskin_ekstrem_lama
FROM _unggah u
LEFT JOIN kemiskinan_per_sel(NULL) s ON s.tahun = u.tahun AND s.kode_wilayah = u.kode_wilayah;
SELECT * FROM _banding ORDER BY _baris;
