-- Drops the ART index on intervensi (tahun, pilar) that migration 0001 created.
--
-- No query used it: DuckDB reads an ART index only for a point lookup that picks out a handful of rows, and a
-- year and pillar pick out thousands; every query on intervensi scans, with zone maps, as it did. Its cost was on
-- every write: committing the 1.000.000-row intervention file spent 0,4-0,9 s on the index alone (bench/RESULTS.md
-- (f), issue 17), and each upload, rollback and restore paid its share.
DROP INDEX IF EXISTS idx_intervensi_tahun;
