-- The BPS series of the chosen places (kab/kota codes and/or the province), one row per place and year, with the
-- kind of source of each row (only jenis_sumber = 'bps' is BPS's own release). Missing values stay NULL; the
-- full year grid is made in Python so gaps stay gaps. Each figure comes with its own source (sumber_<figure>,
-- jenis_sumber_<figure>): versioning is per cell, so a figure's source is the batch that reported it.
-- params: {"kode": ["63", "63.03"]}
SELECT tahun, kode_wilayah, nama, tingkat, p0, penduduk_miskin, garis_kemiskinan, p1, p2, p0_ekstrem,
       penduduk_miskin_ekstrem, sumber, jenis_sumber, sampel,
       sumber_p0, sumber_penduduk_miskin, sumber_garis_kemiskinan, sumber_p1, sumber_p2, sumber_p0_ekstrem,
       sumber_penduduk_miskin_ekstrem, jenis_sumber_p0, jenis_sumber_penduduk_miskin, jenis_sumber_garis_kemiskinan,
       jenis_sumber_p1, jenis_sumber_p2, jenis_sumber_p0_ekstrem, jenis_sumber_penduduk_miskin_ekstrem
FROM v_kemiskinan_kabupaten
WHERE list_contains($kode, kode_wilayah)
  -- a sample or register row never reaches a BPS chart: such a year shows as a gap instead
  AND NOT sampel AND coalesce(jenis_sumber, '') NOT IN ('contoh', 'register')
ORDER BY kode_wilayah, tahun;
