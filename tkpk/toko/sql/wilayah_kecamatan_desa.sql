-- Codes and names of every kecamatan, desa and kelurahan the store knows (what a decision's place may be).
SELECT kode, nama FROM wilayah WHERE tingkat IN ('kecamatan', 'desa', 'kelurahan') ORDER BY kode;
