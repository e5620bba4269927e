-- tulis
-- (Marked as a write only because it reads a table registered on the caller's connection: the tests that run every
-- read file on a fresh store leave it out.)
-- How many distinct hashes the keys of an upload's rows have (_kunci: one struct column k of the key columns).
-- As many as rows means no key repeats; fewer means a repeat or, rarely, a hash collision, and the caller asks
-- pandas which rows (tkpk.ingest.aturan.tanpa_ganda).
SELECT count(DISTINCT hash(k)) AS jumlah FROM _kunci;
