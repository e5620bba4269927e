-- The BPS series of the chosen places (kab/kota codes and/or the province), one row per place and year.
-- Missing values stay NULL; the full year grid is made in Python so gaps stay gaps. Each figure comes with its own
-- source (sumber_<figure>): a figure's source is the batch that reported it, which may differ per figure.
-- params: {"kode": ["63", "63.03"]}
SELECT tahun, kode_wilayah, nama, tingkat, p0, penduduk_miskin, garis_kemiskinan, p1, p2, sumber, sampel,
       sumber_p0, sumber_penduduk_miskin, sumber_garis_kemiskinan, sumber_p1, sumber_p2
FROM v_kemiskinan_kabupaten
WHERE list_contains($kode, kode_wilayah)
ORDER BY kode_wilayah, tahun;
