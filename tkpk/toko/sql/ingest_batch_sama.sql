-- The active batch that already holds a file with this hash, if any: uploading it again changes nothing.
-- params: {"jenis": "bps", "sha256": "x"}
SELECT batch_id, waktu, oleh, nama_file FROM batch
WHERE jenis = $jenis AND sha256 = $sha256 AND status = 'aktif'
ORDER BY batch_id DESC LIMIT 1;
