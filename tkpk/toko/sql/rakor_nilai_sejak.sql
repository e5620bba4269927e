-- Indicator values from a year on for the given indicators (the ones rakor decisions set targets for).
-- params: {"tahun": 2024, "indikator": ["rtlh"]}
SELECT tahun, kode_wilayah, indikator, nilai, sampel
FROM v_nilai_indikator
WHERE tahun >= $tahun AND list_contains($indikator, indikator);
