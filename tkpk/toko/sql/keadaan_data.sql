-- The newest batch (a load or a rollback record) and when it came, so every page, slide and file can say which
-- state of the store it reflects ("data per batch 5, 1 November 2026").
SELECT batch_id, jenis, waktu
FROM batch
ORDER BY batch_id DESC
LIMIT 1;
