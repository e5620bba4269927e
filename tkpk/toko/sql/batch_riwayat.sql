-- Every load and rollback, newest first, for the history page.
SELECT batch_id, jenis, nama_file, oleh, waktu, jumlah_baris, status, sampel, keterangan, sha256
FROM batch
ORDER BY batch_id DESC;
