-- tulis
-- Writes only a temporary table on the caller's cursor (_ejaan and _simpan registered as for
-- ingest_ejaan_intervensi), so this cannot run on its own.
-- Is a stored name spelt otherwise than the same name (after folding) in the upload? When not, and the upload
-- itself spells each name one way (checked in Python), the costly rewrite is skipped.
CREATE OR REPLACE TEMP TABLE _ejaan_perlu AS
SELECT (SELECT count(*) FROM _simpan s
        SEMI JOIN _ejaan u ON u.kode_opd = s.kode_opd AND u.np = s.np AND u.program <> s.program)
     + (SELECT count(*) FROM _simpan s
        SEMI JOIN _ejaan u ON u.kode_opd = s.kode_opd AND u.np = s.np AND u.nk = s.nk AND u.kegiatan <> s.kegiatan)
     AS jumlah;
SELECT jumlah FROM _ejaan_perlu;
