-- tulis
INSERT OR REPLACE INTO opd VALUES ($kode, $nama_singkat, $nama_lengkap, $pilar, $urutan);
