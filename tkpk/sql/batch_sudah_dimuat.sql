-- Is a file with this hash already loaded (and not rolled back) as this kind?
-- params: {"jenis": "bps", "sha256": "x"}
SELECT count(*) > 0 FROM batch WHERE jenis = $jenis AND sha256 = $sha256 AND status = 'aktif';
