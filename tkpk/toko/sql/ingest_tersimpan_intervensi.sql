-- tulis
-- Writes only a temporary table on the caller's cursor (the upload's keys are registered there as _kunci,
-- so this cannot run on its own).
-- The current pagu, realisasi and output target of the program rows an upload reports without them (registered
-- as _kunci with the v_intervensi key and _i), for the "realisasi above pagu" warnings against the store.
CREATE OR REPLACE TEMP TABLE _tersimpan AS
SELECT k._i, s.pagu, s.realisasi, s.target_output, s.capaian_output
FROM _kunci k
JOIN intervensi_per_sel(NULL) s
  ON s.tahun = k.tahun AND s.triwulan IS NOT DISTINCT FROM k.triwulan AND s.kode_opd = k.kode_opd
 AND s.program = k.program AND s.kegiatan IS NOT DISTINCT FROM k.kegiatan
 AND s.kode_wilayah IS NOT DISTINCT FROM k.kode_wilayah;
SELECT * FROM _tersimpan;
