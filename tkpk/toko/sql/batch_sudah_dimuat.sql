-- Was a file with this hash ever loaded as this kind, active or rolled back? A bundled file an analyst rolled back
-- stays rolled back: `init` must not bring it back as the newest batch over the analysts' own uploads.
-- params: {"jenis": "bps", "sha256": "x"}
SELECT count(*) > 0 FROM batch WHERE jenis = $jenis AND sha256 = $sha256;
