-- tulis
-- Bulk insert from the DataFrame registered as _muat, matching columns by name.
INSERT INTO rencana_aksi BY NAME SELECT * FROM _muat;
