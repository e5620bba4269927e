-- tulis
-- Writes only a temporary table on the caller's cursor (the upload's names are registered there as _ejaan: _i,
-- kode_opd, program, kegiatan, np, nk; the stored names as _simpan: kode_opd, program, kegiatan, b, np, nk; np/nk
-- are the names folded by tkpk.ingest.tersimpan.lipat), so this cannot run on its own.
-- Program and kegiatan names are the same when equal after folding case, spaces and punctuation ("Zakat
-- Produktif" = "zakat  produktif."): the stored spelling of an active batch is kept (the newest, if older files
-- spelled it differently), else the first spelling in the file. Returns only the rows whose spelling changes.
CREATE OR REPLACE TEMP TABLE _ejaan_baku AS
WITH sp AS (
    SELECT kode_opd, np, arg_max(program, b) AS program FROM _simpan GROUP BY ALL
), sk AS (
    SELECT kode_opd, np, nk, arg_max(kegiatan, b) AS kegiatan FROM _simpan WHERE kegiatan IS NOT NULL GROUP BY ALL
), fp AS (
    SELECT kode_opd, np, arg_min(program, _i) AS program FROM _ejaan GROUP BY ALL
), fk AS (
    SELECT kode_opd, np, nk, arg_min(kegiatan, _i) AS kegiatan FROM _ejaan WHERE kegiatan IS NOT NULL GROUP BY ALL
)
SELECT u._i, coalesce(sp.program, fp.program) AS program,
       CASE WHEN u.kegiatan IS NULL THEN NULL ELSE coalesce(sk.kegiatan, fk.kegiatan) END AS kegiatan
FROM _ejaan u
LEFT JOIN sp ON sp.kode_opd = u.kode_opd AND sp.np = u.np
LEFT JOIN fp ON fp.kode_opd = u.kode_opd AND fp.np = u.np
LEFT JOIN sk ON sk.kode_opd = u.kode_opd AND sk.np = u.np AND sk.nk = u.nk
LEFT JOIN fk ON fk.kode_opd = u.kode_opd AND fk.np = u.np AND fk.nk = u.nk
WHERE coalesce(sp.program, fp.program) IS DISTINCT FROM u.program
   OR (u.kegiatan IS NOT NULL AND coalesce(sk.kegiatan, fk.kegiatan) IS DISTINCT FROM u.kegiatan);
SELECT * FROM _ejaan_baku ORDER BY _i;
