-- Interventions of one year in Kabupaten Banjar (its places, or kabupaten-wide rows), row by row, for the
-- scorecard functions (tkpk.pilar.skor) when they are present.
-- params: {"tahun": 2024}
SELECT * FROM v_intervensi
WHERE tahun = $tahun AND (kode_wilayah IS NULL OR (kode_wilayah >= '63.03.' AND kode_wilayah < '63.03/'));
