"""Building the store: migrate, then load the bundled real data and (by default) the labelled sample data."""

from __future__ import annotations

from pathlib import Path

import duckdb

from tkpk.contoh.berkas import muat_contoh
from tkpk.toko.db import connect, migrate
from tkpk.toko.referensi import load_reference


def init_store(con: duckdb.DuckDBPyConnection, *, contoh: bool = True) -> list[str]:
    """Bring a store up to date; running it again changes nothing. Returns a line per thing loaded."""
    applied = migrate(con)
    report = [f"migrasi {v:04d} diterapkan" for v in applied]
    report += load_reference(con)
    if contoh:
        report += muat_contoh(con)
    return report


def init_path(path: Path, *, contoh: bool = True) -> list[str]:
    con = connect(path)
    try:
        return init_store(con, contoh=contoh)
    finally:
        con.close()
