-- tulis
-- Bulk insert from the DataFrame registered as _muat, matching columns by name.
INSERT INTO batas_wilayah BY NAME SELECT * FROM _muat;
