-- tulis
-- Places and boundaries are replaced as a whole when a new code edition is bundled (frame registered as _muat).
DELETE FROM batas_wilayah;
DELETE FROM wilayah;
