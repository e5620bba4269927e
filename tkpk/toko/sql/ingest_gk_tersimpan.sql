-- Every stored garis kemiskinan of the given places, with the batch that gave it, for the plausibility check of a
-- BPS upload against the nearest stored year on either side
-- (tkpk.ingest.kewajaran_tersimpan.garis_kemiskinan_terdekat).
-- params: {"wilayah": ["63.03"]}
SELECT x.tahun, x.kode_wilayah, x.garis_kemiskinan AS nilai, x.batch_id_garis_kemiskinan AS batch_id,
       b.sampel, b.nama_file
FROM kemiskinan_per_sel(NULL) x
JOIN batch b ON b.batch_id = x.batch_id_garis_kemiskinan
WHERE x.garis_kemiskinan IS NOT NULL AND list_contains($wilayah, x.kode_wilayah)
ORDER BY x.kode_wilayah, x.tahun;
