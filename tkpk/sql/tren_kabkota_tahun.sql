-- Every kab/kota of Kalimantan Selatan with its BPS figures for one year (NULLs where there is no figure),
-- so the map and the ranked bars always show all 13 places. Each figure has its own source (sumber_<figure>).
-- params: {"tahun": 2024}
SELECT w.kode AS kode_wilayah, w.nama, w.tingkat, $tahun::INTEGER AS tahun,
       k.p0, k.penduduk_miskin, k.garis_kemiskinan, k.p1, k.p2, k.p0_ekstrem, k.penduduk_miskin_ekstrem, k.sumber,
       k.jenis_sumber, coalesce(k.sampel, FALSE) AS sampel,
       k.sumber_p0, k.sumber_penduduk_miskin, k.sumber_garis_kemiskinan, k.sumber_p1, k.sumber_p2, k.sumber_p0_ekstrem,
       k.sumber_penduduk_miskin_ekstrem, k.jenis_sumber_p0, k.jenis_sumber_penduduk_miskin,
       k.jenis_sumber_garis_kemiskinan, k.jenis_sumber_p1, k.jenis_sumber_p2, k.jenis_sumber_p0_ekstrem,
       k.jenis_sumber_penduduk_miskin_ekstrem
FROM wilayah w
LEFT JOIN v_kemiskinan_kabupaten k ON k.kode_wilayah = w.kode AND k.tahun = $tahun
  AND NOT k.sampel AND coalesce(k.jenis_sumber, '') NOT IN ('contoh', 'register')
WHERE w.tingkat IN ('kabupaten', 'kota') AND w.kode_induk = '63'
ORDER BY w.kode;
