-- tulis
-- Record a load; every data row it brings points back to this batch.
INSERT INTO batch (batch_id, jenis, nama_file, sha256, jumlah_baris, oleh, waktu, sampel, keterangan)
VALUES (nextval('batch_seq'), $jenis, $nama_file, $sha256, $jumlah_baris, $oleh, $waktu, $sampel, $keterangan)
RETURNING batch_id;
