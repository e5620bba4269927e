-- The kab/kota of Kalimantan Selatan, for the comparison picker.
SELECT kode, nama, tingkat FROM wilayah WHERE tingkat IN ('kabupaten', 'kota') AND kode_induk = '63' ORDER BY kode;
