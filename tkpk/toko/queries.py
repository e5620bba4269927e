"""Named SQL: every read the app makes is a ``tkpk/toko/sql/<name>.sql`` file run with bound parameters.

A page never holds SQL; it calls a function in a domain module, which calls :func:`fetch` by name. That keeps
"where does this number come from?" one hop away, and lets a test run every file against a fresh store.
"""

from __future__ import annotations

import contextlib
from functools import cache
from importlib import resources
from typing import Any

import duckdb
import pandas as pd


@cache
def sql(name: str) -> str:
    """The text of ``tkpk/toko/sql/<name>.sql``."""
    return (resources.files("tkpk.toko.sql") / f"{name}.sql").read_text(encoding="utf-8")


def names() -> list[str]:
    """Every named query, for the test that runs them all."""
    return sorted(e.name[:-4] for e in resources.files("tkpk.toko.sql").iterdir() if e.name.endswith(".sql"))


def fetch(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None) -> pd.DataFrame:
    """Run a named query on its own cursor (safe across Streamlit threads) and return a DataFrame."""
    cur = con.cursor()
    try:
        return cur.execute(sql(name), params or {}).df()
    finally:
        cur.close()


def scalar(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None) -> Any:
    """First column of the first row of a named query, or ``None``."""
    cur = con.cursor()
    try:
        row = cur.execute(sql(name), params or {}).fetchone()
        return None if row is None else row[0]
    finally:
        cur.close()


def is_write(name: str) -> bool:
    """Write statements start with a ``-- tulis`` line; the read-everything test leaves them out."""
    return sql(name).lstrip().startswith("-- tulis")


def execute(cur: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None) -> Any:
    """Run a named statement on the caller's cursor (inside its transaction); returns the first row, if any."""
    result = cur.execute(sql(name), params or {})
    try:
        return result.fetchone()
    except duckdb.InvalidInputException:
        return None  # statements without a result set


def lepas(cur: duckdb.DuckDBPyConnection, *nama: str) -> None:
    """Unregister tables registered on a cursor; after a failed statement the transaction is aborted and
    unregistering fails too, which must not hide the first error."""
    for n in nama:
        with contextlib.suppress(duckdb.Error):
            cur.unregister(n)


def sisipkan(cur: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    """Bulk-insert a DataFrame through ``tulis_muat_<table>.sql``: one set-based insert, never row by row."""
    cur.register("_muat", frame)
    try:
        cur.execute(sql(f"tulis_muat_{table}"))
    finally:
        cur.unregister("_muat")


def versi_data(con: duckdb.DuckDBPyConnection) -> tuple[str, int, int, float, int]:
    """The store's fingerprint (file, newest batch, batch count, active batches).

    Why: every load, every rollback and every rakor decision event changes it, so a cache keyed on it refreshes
    the moment the data changes, and is never stale for a rakor audience looking at a just-uploaded file.
    """
    cur = con.cursor()
    try:
        berkas, terbaru, jumlah, aktif, peristiwa = cur.execute(sql("versi_data")).fetchone()  # type: ignore[misc]
    finally:
        cur.close()
    return (str(berkas), int(terbaru), int(jumlah), float(aktif), int(peristiwa))
