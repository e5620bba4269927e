-- The current poverty series for every kab/kota and the province, per figure, UNFILTERED: read it through
-- tkpk.tren.ringkasan.bps_seri (which applies tkpk.tren.figur_bps.saring), never directly.
-- Each figure comes with its own source (sumber_<f>, jenis_sumber_<f>) and its own sample flag (sampel_<f>: the batch that
-- reported it is sample data); the row's sumber/jenis_sumber are P0's. tkpk.tren.figur_bps.saring then nulls each
-- figure from a register, sample kind or sample batch, so no such figure is ever shown as a BPS figure (a year
-- without one shows as a gap). Missing values stay NULL.
WITH c AS (SELECT list(batch_id) FILTER (WHERE sampel) AS ids FROM batch)
SELECT k.tahun, k.kode_wilayah, k.nama, k.tingkat, k.p0, k.penduduk_miskin, k.garis_kemiskinan, k.p1, k.p2,
       k.p0_ekstrem, k.penduduk_miskin_ekstrem, k.sumber, k.jenis_sumber, k.batch_id, k.sampel,
       k.sumber_p0, k.sumber_penduduk_miskin, k.sumber_garis_kemiskinan, k.sumber_p1, k.sumber_p2,
       k.sumber_p0_ekstrem, k.sumber_penduduk_miskin_ekstrem, k.jenis_sumber_p0, k.jenis_sumber_penduduk_miskin,
       k.jenis_sumber_garis_kemiskinan, k.jenis_sumber_p1, k.jenis_sumber_p2, k.jenis_sumber_p0_ekstrem,
       k.jenis_sumber_penduduk_miskin_ekstrem,
       coalesce(list_contains(c.ids, k.batch_id_p0), FALSE) AS sampel_p0,
       coalesce(list_contains(c.ids, k.batch_id_penduduk_miskin), FALSE) AS sampel_penduduk_miskin,
       coalesce(list_contains(c.ids, k.batch_id_garis_kemiskinan), FALSE) AS sampel_garis_kemiskinan,
       coalesce(list_contains(c.ids, k.batch_id_p1), FALSE) AS sampel_p1,
       coalesce(list_contains(c.ids, k.batch_id_p2), FALSE) AS sampel_p2,
       coalesce(list_contains(c.ids, k.batch_id_p0_ekstrem), FALSE) AS sampel_p0_ekstrem,
       coalesce(list_contains(c.ids, k.batch_id_penduduk_miskin_ekstrem), FALSE) AS sampel_penduduk_miskin_ekstrem
FROM v_kemiskinan_kabupaten k, c
ORDER BY k.kode_wilayah, k.tahun;
