-- Per-pillar totals of one year for the home page strip: budget, spending, output and who reported.
-- Output units differ between activities, so capaian is the mean of per-row capaian/target, never a sum of units.
-- params: {"tahun": 2024}
SELECT p.kode AS pilar, p.nama, p.nama_singkat,
       sum(i.pagu) AS pagu, sum(i.realisasi) AS realisasi,
       avg(CASE WHEN i.target_output > 0 THEN 100.0 * i.capaian_output / i.target_output END) AS capaian_persen,
       count(DISTINCT i.kode_opd) AS opd_lapor,
       (SELECT count(*) FROM opd o WHERE o.pilar = p.kode) AS opd_diharapkan,
       count(i.program) AS baris,
       coalesce(bool_or(i.sampel), FALSE) AS sampel
FROM pilar p
LEFT JOIN v_intervensi i ON i.pilar = p.kode AND i.tahun = $tahun
GROUP BY p.kode, p.nama, p.nama_singkat
ORDER BY p.kode;
