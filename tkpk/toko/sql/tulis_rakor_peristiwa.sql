-- tulis
-- One event of a rakor (created, edited or withdrawn); a new rakor takes its id from rakor_seq first.
INSERT INTO rakor_peristiwa (peristiwa_id, rakor_id, tanggal, judul, tempat, sampel, dihapus, oleh, waktu)
VALUES (nextval('peristiwa_rakor_seq'), $rakor_id, $tanggal, $judul, $tempat, $sampel, $dihapus, $oleh, $waktu)
RETURNING peristiwa_id;
