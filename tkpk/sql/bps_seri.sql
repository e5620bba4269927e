-- The current BPS series for every kab/kota and the province; missing values stay NULL.
SELECT tahun, kode_wilayah, nama, tingkat, p0, penduduk_miskin, garis_kemiskinan, p1, p2, sumber, batch_id
FROM v_kemiskinan_kabupaten
ORDER BY kode_wilayah, tahun;
