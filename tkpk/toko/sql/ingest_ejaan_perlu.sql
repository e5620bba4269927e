-- tulis
-- Writes only a temporary table on the caller's cursor (_ejaan and _simpan registered as for
-- ingest_ejaan_intervensi), so this cannot run on its own.
-- Does any name of the upload need another spelling: the upload spells one folded name two ways (anywhere in the
-- file: a superset of two ways within one OPD and program), or a stored name is spelt otherwise than the same
-- folded name in the upload? When not (the common case), the costly rewrite is skipped.
-- The stored side is reduced to its distinct names first: a join of every stored row with every upload row of the
-- same (OPD, folded program) ran for minutes on a second upload of a million rows; with distinct stored names a
-- probe meets at most the upload rows of its own name. The answer is only "any?".
CREATE OR REPLACE TEMP TABLE _ejaan_perlu AS
WITH sp AS (SELECT DISTINCT kode_opd, np, program FROM _simpan),
     sk AS (SELECT DISTINCT kode_opd, np, nk, kegiatan FROM _simpan)
SELECT (SELECT (count(DISTINCT program) <> count(DISTINCT np))::INTEGER
             + (count(DISTINCT kegiatan) <> count(DISTINCT nk))::INTEGER FROM _ejaan)
     + (SELECT count(*) FROM sp s
        SEMI JOIN _ejaan u ON u.kode_opd = s.kode_opd AND u.np = s.np AND u.program <> s.program)
     + (SELECT count(*) FROM sk s
        SEMI JOIN _ejaan u ON u.kode_opd = s.kode_opd AND u.np = s.np AND u.nk = s.nk AND u.kegiatan <> s.kegiatan)
     AS jumlah;
SELECT jumlah FROM _ejaan_perlu;
