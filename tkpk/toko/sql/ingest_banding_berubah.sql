-- tulis
-- (Marked as a write only because it reads the temporary table _banding and the registered upload _unggah of the
-- caller's cursor: the tests that run every read file on a fresh store leave it out.)
-- The changed rows of an intervention upload (one row per Excel row), from the temporary table _banding that
-- ingest_banding_intervensi.sql just made on the caller's cursor, so this cannot run on its own: all a saved
-- upload's preview needs besides the counts (the cells "lama → baru"), with the upload's cells joined back by
-- Excel row (the table holds only the stored side).
SELECT u.*, b.* EXCLUDE (_baris) FROM _banding b JOIN _unggah u USING (_baris) WHERE b.status = 'berubah'
ORDER BY _baris;
