-- tulis
-- (Marked as a write only because it reads tables registered on the caller's cursor: the tests that run every read
-- file on a fresh store leave it out.)
-- The distinct kegiatan of an upload (_mirip_unggah: kode_opd, p = folded program, lk = folded kegiatan, _k = its
-- position) that may be "mirip dengan" a stored one (_mirip_simpan: the stored kegiatan with the same folds): their
-- OPD and program have stored kegiatan, and their folded name is not one of them (tkpk.ingest.tersimpan.mirip).
SELECT u._k, u.kode_opd, u.p, u.lk
FROM _mirip_unggah u
SEMI JOIN (SELECT DISTINCT kode_opd, p FROM _mirip_simpan) g ON g.kode_opd = u.kode_opd AND g.p = u.p
ANTI JOIN (SELECT DISTINCT kode_opd, p, lk FROM _mirip_simpan) s
       ON s.kode_opd = u.kode_opd AND s.p = u.p AND s.lk = u.lk
ORDER BY u._k;
