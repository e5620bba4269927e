-- tulis
-- Bulk insert from the DataFrame registered as _muat, matching columns by name.
INSERT INTO kemiskinan_kabupaten BY NAME SELECT * FROM _muat;
