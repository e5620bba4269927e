-- When each OPD first reported each period of a year: the load time of the earliest active batch that brought a
-- row for it (and that batch). Used for "reporting by the deadline" in the award ranking.
-- params: {"tahun": 2025}
SELECT i.kode_opd, i.tahun, i.triwulan, min(b.waktu) AS pertama_lapor, arg_min(b.batch_id, b.waktu) AS batch_id,
       bool_or(b.sampel) AS sampel
FROM intervensi i
JOIN batch b USING (batch_id)
WHERE b.status = 'aktif' AND i.tahun = $tahun
GROUP BY ALL
ORDER BY i.kode_opd, i.triwulan NULLS LAST;
