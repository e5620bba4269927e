-- The BPS series of the chosen places (kab/kota codes and/or the province), one row per place and year.
-- Missing values stay NULL; the full year grid is made in Python so gaps stay gaps.
-- params: {"kode": ["63", "63.03"]}
SELECT tahun, kode_wilayah, nama, tingkat, p0, penduduk_miskin, garis_kemiskinan, p1, p2, sumber, sampel
FROM v_kemiskinan_kabupaten
WHERE list_contains($kode, kode_wilayah)
ORDER BY kode_wilayah, tahun;
