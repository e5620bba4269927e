-- tulis
INSERT OR REPLACE INTO indikator
VALUES ($kode, $nama, $satuan, $tingkat, $lebih_tinggi_lebih_buruk, $deskripsi, $sumber_baku, $pembilang, $penyebut,
        $urutan);
