-- Every place an upload may name, for matching codes and names (tkpk.ingest.wilayah).
SELECT kode, nama, tingkat, kode_kec, kode_kab FROM wilayah ORDER BY kode;
