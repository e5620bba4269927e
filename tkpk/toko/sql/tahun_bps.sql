-- Years with any BPS figure in the store, newest first.
SELECT DISTINCT tahun FROM v_kemiskinan_kabupaten ORDER BY tahun DESC;
