-- The current poverty series for every kab/kota and the province, with each row's kind of source; missing
-- values stay NULL.
SELECT tahun, kode_wilayah, nama, tingkat, p0, penduduk_miskin, garis_kemiskinan, p1, p2, p0_ekstrem,
       penduduk_miskin_ekstrem, sumber, jenis_sumber, batch_id
FROM v_kemiskinan_kabupaten
-- A sample or register row never reaches a BPS figure: such a year shows as a gap instead.
WHERE NOT sampel AND coalesce(jenis_sumber, '') NOT IN ('contoh', 'register')
ORDER BY kode_wilayah, tahun;
