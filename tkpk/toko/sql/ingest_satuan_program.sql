-- The output units the current reports (interventions) of the given OPDs use per program, for the warning on a
-- plan whose unit differs from the reports' (its capaian cannot be compared with the plan).
-- params: {"opd": ["DINSOS"]}
SELECT DISTINCT kode_opd, program, satuan_output
FROM v_intervensi
WHERE list_contains($opd, kode_opd) AND satuan_output IS NOT NULL
ORDER BY 1, 2, 3;
