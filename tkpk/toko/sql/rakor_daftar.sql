-- Every rakor on record, newest meeting first, with how many decisions it took.
SELECT r.rakor_id, r.tanggal, r.judul, r.tempat, r.sampel, r.diubah_oleh, r.diubah_waktu,
       count(k.keputusan_id) AS jumlah_keputusan
FROM v_rakor r
LEFT JOIN v_keputusan k USING (rakor_id)
GROUP BY ALL
ORDER BY r.tanggal DESC, r.rakor_id DESC;
