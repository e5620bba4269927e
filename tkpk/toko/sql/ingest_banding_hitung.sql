-- tulis
-- (Marked as a write only because it reads the temporary table _banding of the caller's cursor: the tests that run
-- every read file on a fresh store leave it out.)
-- Rows of the upload per comparison status (baru/berubah/sama), from the temporary table _banding that
-- ingest_banding_<tabel>.sql just made on the caller's cursor, so this cannot run on its own.
SELECT status, count(*) AS n FROM _banding GROUP BY status;
