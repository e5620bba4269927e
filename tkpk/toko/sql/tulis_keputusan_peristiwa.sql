-- tulis
-- One event of a decision: its whole state after the change, with who and when. Never updated, never deleted.
INSERT INTO keputusan_peristiwa (peristiwa_id, keputusan_id, rakor_id, teks, kode_opd, tenggat, kode_wilayah,
                                 program, indikator, target, status, catatan, dihapus, sampel, oleh, waktu)
VALUES (nextval('peristiwa_rakor_seq'), $keputusan_id, $rakor_id, $teks, $kode_opd, $tenggat, $kode_wilayah,
        $program, $indikator, $target, $status, $catatan, $dihapus, $sampel, $oleh, $waktu)
RETURNING peristiwa_id;
