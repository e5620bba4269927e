-- tulis
-- (Marked as a write only because it reads the temporary table _banding of the caller's cursor: the tests that run
-- every read file on a fresh store leave it out.)
-- The changed rows of an intervention upload (one row per Excel row), from the temporary table _banding that
-- ingest_banding_intervensi.sql just made on the caller's cursor, so this cannot run on its own: all a saved
-- upload's preview needs besides the counts (the cells "lama → baru").
SELECT * FROM _banding WHERE status = 'berubah' ORDER BY _baris;
