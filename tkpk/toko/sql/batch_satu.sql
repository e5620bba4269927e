-- One batch by id (rollback checks it exists, is active and holds data).
-- params: {"batch_id": 1}
SELECT batch_id, jenis, nama_file, oleh, waktu, jumlah_baris, status, sampel, keterangan
FROM batch WHERE batch_id = $batch_id;
