"""A large, valid intervention CSV (the upload template's columns) for ingest benchmarks and crash tests.

Why generated with DuckDB: a million rows written from Python would take longer than the ingest being measured.
Every row is unique on the intervention key (``kegiatan`` carries the row number), every OPD matches its
pillar, realisasi ≤ pagu and capaian ≤ target, so the file is accepted without warnings and the whole
file goes through the commit path.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from tkpk import katalog

SQL = """
WITH o AS (SELECT unnest($opd) AS opd, unnest($pilar) AS pilar, generate_subscripts($opd, 1) - 1 AS n),
     w AS (SELECT unnest($kode) AS kode, generate_subscripts($kode, 1) - 1 AS n),
     r AS (SELECT i, hash(i, $seed) AS h FROM range($jumlah) t(i))
SELECT 2019 + (r.i % 7) AS tahun,
       o.pilar, o.opd,
       'Program uji ' || (r.h % 40) AS program,
       'Kegiatan uji ' || r.i AS kegiatan,
       w.kode AS kode_wilayah,
       (1 + r.h % 500) * 1000000 AS pagu,
       (1 + r.h % 500) * 1000000 - (r.h % 7) * 100000 AS realisasi,
       'paket' AS satuan_output,
       10 + r.h % 90 AS target_output,
       10 + r.h % 90 - (r.h % 5) AS capaian_output,
       10 + r.h % 90 AS target_penerima,
       10 + r.h % 90 - (r.h % 3) AS penerima,
       'APBD' AS sumber_dana
FROM r
JOIN o ON o.n = r.i % len($opd)
JOIN w ON w.n = (r.i // len($opd)) % len($kode)
ORDER BY r.i
"""


def tulis_csv(path: Path, jumlah: int, kode_wilayah: list[str], seed: int = 8) -> Path:
    """Write ``jumlah`` intervention rows spread over ``kode_wilayah``; deterministic for a given seed."""
    con = duckdb.connect()
    try:
        con.sql(SQL, params={
            "opd": [o.nama_singkat for o in katalog.OPD], "pilar": [o.pilar for o in katalog.OPD],
            "kode": kode_wilayah, "jumlah": jumlah, "seed": seed,
        }).write_csv(str(path), header=True)
    finally:
        con.close()
    return path


def kode_desa(db: Path) -> list[str]:
    """The desa/kelurahan codes of a store, for rows that its place matcher will accept."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT kode FROM wilayah WHERE tingkat IN ('desa', 'kelurahan') ORDER BY kode").fetchall()
    finally:
        con.close()
    return [r[0] for r in rows]
