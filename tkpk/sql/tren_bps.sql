-- The BPS series of the chosen places (kab/kota codes and/or the province), one row per place and year, with the
-- kind of source of each row (only jenis_sumber = 'bps' is BPS's own release). Missing values stay NULL; the
-- full year grid is made in Python so gaps stay gaps.
-- params: {"kode": ["63", "63.03"]}
SELECT tahun, kode_wilayah, nama, tingkat, p0, penduduk_miskin, garis_kemiskinan, p1, p2, p0_ekstrem,
       penduduk_miskin_ekstrem, sumber, jenis_sumber, sampel
FROM v_kemiskinan_kabupaten
WHERE list_contains($kode, kode_wilayah)
  -- a sample or register row never reaches a BPS chart: such a year shows as a gap instead
  AND NOT sampel AND coalesce(jenis_sumber, '') NOT IN ('contoh', 'register')
ORDER BY kode_wilayah, tahun;
