-- "Data terakhir diperbarui": the newest active batch of each kind.
SELECT jenis, batch_id, nama_file, oleh, waktu, jumlah_baris, sampel
FROM batch
WHERE status = 'aktif' AND jenis IN ('referensi', 'bps', 'indikator', 'intervensi', 'target')
QUALIFY row_number() OVER (PARTITION BY jenis ORDER BY waktu DESC, batch_id DESC) = 1
ORDER BY jenis;
