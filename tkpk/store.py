"""Building the store: migrate, then load the bundled real data and (by default) the labelled sample data."""

from __future__ import annotations

from pathlib import Path

import duckdb

from tkpk.db import connect, migrate
from tkpk.reference import load_reference
from tkpk.sample_store import load_sample


def init_store(con: duckdb.DuckDBPyConnection, *, sample: bool = True) -> list[str]:
    """Bring a store up to date; running it again changes nothing. Returns a line per thing loaded."""
    applied = migrate(con)
    report = [f"migrasi {v:04d} diterapkan" for v in applied]
    report += load_reference(con)
    if sample:
        report += load_sample(con)
    return report


def init_path(path: Path, *, sample: bool = True) -> list[str]:
    con = connect(path)
    try:
        return init_store(con, sample=sample)
    finally:
        con.close()
