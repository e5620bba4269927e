-- tulis
-- Bulk insert from the DataFrame registered as _muat, matching columns by name.
INSERT INTO intervensi BY NAME SELECT * FROM _muat;
