-- The BPS series of the chosen places (kab/kota codes and/or the province), one row per place and year, with the
-- kind of source of each row (only jenis_sumber = 'bps' is BPS's own release). Missing values stay NULL; the
-- full year grid is made in Python so gaps stay gaps. Each figure comes with its own source (sumber_<figure>,
-- jenis_sumber_<figure>) and sample flag (sampel_<figure>): versioning is per cell, so a figure's source is the
-- batch that reported it. tkpk.tren.figur_bps nulls a figure from a register, sample kind or sample batch (a gap);
-- there is no row filter, so a real count stays on the chart in a year whose P0 is a register figure.
-- params: {"kode": ["63", "63.03"]}
WITH c AS (SELECT list(batch_id) FILTER (WHERE sampel) AS ids FROM batch)
SELECT k.tahun, k.kode_wilayah, k.nama, k.tingkat, k.p0, k.penduduk_miskin, k.garis_kemiskinan, k.p1, k.p2,
       k.p0_ekstrem, k.penduduk_miskin_ekstrem, k.sumber, k.jenis_sumber, k.sampel,
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
WHERE list_contains($kode, k.kode_wilayah)
ORDER BY k.kode_wilayah, k.tahun;
