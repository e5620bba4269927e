-- tulis
-- Writes only a temporary table on the caller's cursor (_ejaan and _simpan registered as for
-- ingest_ejaan_intervensi), so this cannot run on its own.
-- Does any name of the upload need another spelling: the upload spells one folded name two ways (anywhere in the
-- file: a superset of two ways within one OPD and program), or a stored name is spelt otherwise than the same
-- folded name in the upload? When not (the common case), the costly rewrite is skipped.
CREATE OR REPLACE TEMP TABLE _ejaan_perlu AS
SELECT (SELECT (count(DISTINCT program) <> count(DISTINCT np))::INTEGER
             + (count(DISTINCT kegiatan) <> count(DISTINCT nk))::INTEGER FROM _ejaan)
     + (SELECT count(*) FROM _simpan s
        SEMI JOIN _ejaan u ON u.kode_opd = s.kode_opd AND u.np = s.np AND u.program <> s.program)
     + (SELECT count(*) FROM _simpan s
        SEMI JOIN _ejaan u ON u.kode_opd = s.kode_opd AND u.np = s.np AND u.nk = s.nk AND u.kegiatan <> s.kegiatan)
     AS jumlah;
SELECT jumlah FROM _ejaan_perlu;
