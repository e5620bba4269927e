-- The desa/kecamatan "penduduk miskin" and "persen miskin" were register counts under a BPS-sounding name. They
-- are now named for what they are (tkpk/katalog.py KODE_LAMA): jiwa_desil_1_4 and its share persen_jiwa_desil_1_4.
-- Stored rows and targets keep their values and batches; only the code changes, so history and rollback still hold.
-- The old catalogue rows go: the loader writes the new catalogue after migrating.

UPDATE nilai_indikator SET indikator = 'jiwa_desil_1_4' WHERE indikator = 'penduduk_miskin';
UPDATE target_indikator SET indikator = 'jiwa_desil_1_4'
WHERE indikator = 'penduduk_miskin' AND kode_wilayah NOT IN (SELECT kode FROM wilayah WHERE tingkat IN ('provinsi', 'kabupaten', 'kota'));
UPDATE target_indikator SET indikator = 'persen_jiwa_desil_1_4' WHERE indikator = 'persen_miskin';
DELETE FROM indikator WHERE kode IN ('penduduk_miskin', 'persen_miskin');
