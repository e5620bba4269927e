-- Interventions of one year, row by row, for the scorecard functions (tkpk.skor) when they are present.
-- params: {"tahun": 2024}
SELECT * FROM v_intervensi WHERE tahun = $tahun;
