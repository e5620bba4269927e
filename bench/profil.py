"""Profile findings on the national store: the slowest named queries, and what the range filter on the place
code buys, measured by running the kabupaten-scoped queries as they are and with that filter taken out.

Why a range: the ``v_*`` views pick the newest batch with a window over (…, kode_wilayah, …). DuckDB pushes a
filter on a partition column through that window into the scan, but a filter that arrives through a join with
``wilayah`` (``w.kode_kab = $kode_kab``) or a ``starts_with`` on a parameter is not pushed, so without the range
every query for one kabupaten ranks all 12 million indicator rows of the country first.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import duckdb

from tkpk.toko import queries

# (query, the range as the SQL file has it, the same place without it): the second run is the query as it was
# before the profile of 2026-11-28 (bench/RESULTS.md at 6529805).
FIXES = [
    ("seri_indikator_kecamatan", "\n  AND n.kode_wilayah >= '63.03.' AND n.kode_wilayah < '63.03/'", ""),
    ("tahun_nilai_wilayah", "WHERE n.kode_wilayah >= $kode_kab || '.' AND n.kode_wilayah < $kode_kab || '/'\n  AND ",
     "WHERE "),
    ("nilai_tingkat_tahun", "\n  AND n.kode_wilayah >= $kode_kab || '.' AND n.kode_wilayah < $kode_kab || '/'", ""),
]


def _params(name: str) -> dict:
    for line in queries.sql(name).splitlines():
        if line.startswith("-- params:"):
            return json.loads(line.removeprefix("-- params:"))
    return {}


def _best(con: duckdb.DuckDBPyConnection, sql: str, params: dict, runs: int = 2) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        con.execute(sql, params).df()
        best = min(best, time.perf_counter() - t)
    return 1000 * best


def slowest(db: Path, top: int = 8) -> list[tuple[str, float]]:
    """Every read query once (after one warm-up), slowest first."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = []
        for name in queries.names():
            if queries.is_write(name) or name.startswith("ingest_"):
                continue
            try:
                out.append((name, _best(con, queries.sql(name), _params(name), runs=1)))
            except duckdb.Error:
                continue
        return sorted(out, key=lambda r: -r[1])[:top]
    finally:
        con.close()


def fixes(db: Path) -> list[dict[str, object]]:
    """Milliseconds (best of two) without and with the range, and whether the answers are identical."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = []
        for name, dengan, tanpa in FIXES:
            after = queries.sql(name)
            if dengan not in after:
                raise AssertionError(f"{name}.sql no longer holds the range filter this benchmark measures")
            before = after.replace(dengan, tanpa, 1)
            p = _params(name)
            same = con.execute(before, p).df().equals(con.execute(after, p).df())
            out.append({"query": name, "before_ms": _best(con, before, p), "after_ms": _best(con, after, p),
                        "same": same})
        return out
    finally:
        con.close()
