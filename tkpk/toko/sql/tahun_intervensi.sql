-- Years that have program rows, newest first: the export's default year and its "year has data" check.
SELECT DISTINCT tahun FROM v_intervensi ORDER BY tahun DESC;
