-- Reporting periods that have program rows, for the year and quarter pickers of the pillar page.
-- triwulan NULL = a yearly report; a quarter is only offered when some OPD reported by quarter.
SELECT DISTINCT tahun, triwulan
FROM v_intervensi
ORDER BY tahun, triwulan NULLS FIRST;
