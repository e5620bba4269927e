-- tulis
-- A fresh decision id (advances the sequence, hence a write).
SELECT nextval('keputusan_seq');
