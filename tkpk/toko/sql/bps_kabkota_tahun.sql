-- Every kab/kota of Kalimantan Selatan with its BPS figures for one year (NULLs where there is no figure),
-- so the map and the ranked bars always show all 13 places. Each figure has its own source (sumber_<figure>)
-- and sample flag (sampel_<figure>); tkpk.tren.figur_bps nulls a figure from a register, sample kind or sample batch.
-- params: {"tahun": 2024}
WITH c AS (SELECT list(batch_id) FILTER (WHERE sampel) AS ids FROM batch)
SELECT w.kode AS kode_wilayah, w.nama, w.tingkat, $tahun::INTEGER AS tahun,
       k.p0, k.penduduk_miskin, k.garis_kemiskinan, k.p1, k.p2, k.p0_ekstrem, k.penduduk_miskin_ekstrem, k.sumber,
       k.jenis_sumber, coalesce(k.sampel, FALSE) AS sampel,
       k.sumber_p0, k.sumber_penduduk_miskin, k.sumber_garis_kemiskinan, k.sumber_p1, k.sumber_p2, k.sumber_p0_ekstrem,
       k.sumber_penduduk_miskin_ekstrem, k.jenis_sumber_p0, k.jenis_sumber_penduduk_miskin,
       k.jenis_sumber_garis_kemiskinan, k.jenis_sumber_p1, k.jenis_sumber_p2, k.jenis_sumber_p0_ekstrem,
       k.jenis_sumber_penduduk_miskin_ekstrem,
       coalesce(list_contains(c.ids, k.batch_id_p0), FALSE) AS sampel_p0,
       coalesce(list_contains(c.ids, k.batch_id_penduduk_miskin), FALSE) AS sampel_penduduk_miskin,
       coalesce(list_contains(c.ids, k.batch_id_garis_kemiskinan), FALSE) AS sampel_garis_kemiskinan,
       coalesce(list_contains(c.ids, k.batch_id_p1), FALSE) AS sampel_p1,
       coalesce(list_contains(c.ids, k.batch_id_p2), FALSE) AS sampel_p2,
       coalesce(list_contains(c.ids, k.batch_id_p0_ekstrem), FALSE) AS sampel_p0_ekstrem,
       coalesce(list_contains(c.ids, k.batch_id_penduduk_miskin_ekstrem), FALSE) AS sampel_penduduk_miskin_ekstrem
FROM wilayah w
CROSS JOIN c
LEFT JOIN v_kemiskinan_kabupaten k ON k.kode_wilayah = w.kode AND k.tahun = $tahun
WHERE w.tingkat IN ('kabupaten', 'kota') AND w.kode_induk = '63'
ORDER BY w.kode;
