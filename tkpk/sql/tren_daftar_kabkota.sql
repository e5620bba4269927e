-- The kab/kota of Kalimantan Selatan, for the comparison picker.
SELECT kode, nama, tingkat FROM wilayah WHERE tingkat IN ('kabupaten', 'kota') ORDER BY kode;
