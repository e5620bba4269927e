-- tulis
-- Roll a batch back: the v_* views skip it, so the previous value of each key becomes current again.
UPDATE batch SET status = 'dibatalkan' WHERE batch_id = $batch_id AND status = 'aktif';
