-- tulis
-- Writes only a temporary table on the caller's cursor (_ejaan and _simpan registered as for
-- ingest_ejaan_intervensi), so this cannot run on its own.
-- Does any name of the upload need another spelling: two spellings in the file that fold to the same name, or a
-- stored name that folds to a name of the file but is spelt otherwise? When not (the common case), the costly
-- rewrite is skipped.
CREATE OR REPLACE TEMP TABLE _ejaan_perlu AS
SELECT (SELECT count(*) FROM (SELECT kode_opd, np FROM _ejaan GROUP BY ALL HAVING count(DISTINCT program) > 1))
     + (SELECT count(*) FROM (SELECT kode_opd, np, nk FROM _ejaan WHERE kegiatan IS NOT NULL GROUP BY ALL
                              HAVING count(DISTINCT kegiatan) > 1))
     + (SELECT count(*) FROM (SELECT DISTINCT s.kode_opd, s.np, s.program FROM _simpan s
                              JOIN (SELECT DISTINCT kode_opd, np, program FROM _ejaan) u
                                ON u.kode_opd = s.kode_opd AND u.np = s.np AND u.program <> s.program))
     + (SELECT count(*) FROM _simpan s
        SEMI JOIN _ejaan u ON u.kode_opd = s.kode_opd AND u.np = s.np AND u.nk = s.nk AND u.kegiatan <> s.kegiatan)
     AS jumlah;
SELECT jumlah FROM _ejaan_perlu;
