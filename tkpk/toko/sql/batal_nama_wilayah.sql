-- Names of the places a rollback preview lists.
-- params: {"kode": ["63.03"]}
SELECT kode, nama FROM wilayah WHERE list_contains($kode, kode);
