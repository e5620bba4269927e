"""Profile findings on the national store: the slowest named queries, and the same queries with a range filter
on the place code added (the fix proposed to the page owners; their SQL files are not changed here).

Why a range: the ``v_*`` views pick the newest batch with a window over (…, kode_wilayah, …). DuckDB pushes a
filter on a partition column through that window into the scan, but a filter that arrives through a join with
``wilayah`` (``w.kode_kab = $kode_kab``) or a ``starts_with`` on a parameter is not pushed, so every query for one
kabupaten ranks all 12 million indicator rows of the country first.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import duckdb

from tkpk import queries

RANGE = " AND n.kode_wilayah >= {k} || '.' AND n.kode_wilayah < {k} || '/'"
# (query, text to extend, parameter expression for the kabupaten code)
FIXES = [
    ("tren_kecamatan", "AND w.kode_kab = '63.03'", "'63.03'"),
    ("peta_tahun", "WHERE w.kode_kab = $kode_kab", "$kode_kab"),
    ("peta_nilai", "AND w.kode_kab = $kode_kab", "$kode_kab"),
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
    """Before/after milliseconds (best of two) and whether the answer is identical."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = []
        for name, anchor, k in FIXES:
            before = queries.sql(name)
            if anchor not in before:
                continue
            after = before.replace(anchor, anchor + RANGE.format(k=k), 1)
            p = _params(name)
            same = con.execute(before, p).df().equals(con.execute(after, p).df())
            out.append({"query": name, "before_ms": _best(con, before, p), "after_ms": _best(con, after, p),
                        "same": same})
        return out
    finally:
        con.close()
