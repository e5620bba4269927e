-- The stored garis kemiskinan of the year before each place and year of a BPS upload (registered as _kunci:
-- tahun, kode_wilayah), with the batch that gave it, for the year-on-year plausibility check
-- (tkpk.ingest.tersimpan.garis_kemiskinan_tahun_lalu).
SELECT k.tahun, k.kode_wilayah, x.garis_kemiskinan AS nilai, x.batch_id_garis_kemiskinan AS batch_id, b.sampel,
       b.nama_file
FROM _kunci k
JOIN kemiskinan_per_sel(NULL) x ON x.tahun = k.tahun - 1 AND x.kode_wilayah = k.kode_wilayah
JOIN batch b ON b.batch_id = x.batch_id_garis_kemiskinan
WHERE x.garis_kemiskinan IS NOT NULL;
