-- The stored garis kemiskinan of the years before the given years, for the given places, with the batch that gave
-- it, for the year-on-year plausibility check of a BPS upload (tkpk.ingest.tersimpan.garis_kemiskinan_tahun_lalu
-- keeps the exact place-and-year pairs).
-- params: {"tahun": [2024], "wilayah": ["63.03"]}
SELECT x.tahun + 1 AS tahun, x.kode_wilayah, x.garis_kemiskinan AS nilai, x.batch_id_garis_kemiskinan AS batch_id,
       b.sampel, b.nama_file
FROM kemiskinan_per_sel(NULL) x
JOIN batch b ON b.batch_id = x.batch_id_garis_kemiskinan
WHERE x.garis_kemiskinan IS NOT NULL AND list_contains($tahun, x.tahun + 1) AND list_contains($wilayah, x.kode_wilayah)
ORDER BY x.kode_wilayah, x.tahun;
