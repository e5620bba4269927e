-- Drops the ART index on intervensi (tahun, pilar) that migration 0001 created.
--
-- No query used it: DuckDB reads an ART index only for a point lookup that picks out a handful of rows, and a
-- year and pillar pick out thousands; every query on intervensi scans, with zone maps, as it did (EXPLAIN of
-- `WHERE tahun = 2024 AND pilar = 1` shows a sequential scan with the index in place). Its cost was on every write:
-- the COMMIT of a million inserted rows took 0,40-0,50 s with the index against 0,05-0,07 s without it (four
-- interleaved runs each, bench/RESULTS.md (f), issue 17), and each upload, rollback and restore paid its share.
DROP INDEX IF EXISTS idx_intervensi_tahun;
