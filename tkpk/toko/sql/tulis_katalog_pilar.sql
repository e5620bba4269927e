-- tulis
INSERT OR REPLACE INTO pilar VALUES ($kode, $nama, $nama_singkat);
