-- tulis
-- A fresh rakor id (advances the sequence, hence a write).
SELECT nextval('rakor_seq');
