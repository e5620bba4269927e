-- tulis
-- Bulk insert from the DataFrame registered as _muat, matching columns by name.
INSERT INTO nilai_indikator BY NAME SELECT * FROM _muat;
