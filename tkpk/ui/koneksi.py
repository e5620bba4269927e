"""The app's one DuckDB connection per process; each query takes its own cursor (see tkpk.queries)."""

from __future__ import annotations

import duckdb
import streamlit as st

from tkpk.config import db_path
from tkpk.db import StoreLockedError, connect, migrate
from tkpk.queries import scalar
from tkpk.store import init_store


@st.cache_resource(show_spinner="Membuka basis data…")
def _open(path: str) -> duckdb.DuckDBPyConnection:
    con = connect(path)
    migrate(con)
    if not scalar(con, "batch_jumlah"):
        # A fresh store gets the bundled data once; an existing one is never reloaded behind the analyst's back.
        init_store(con)
    return con


def conn() -> duckdb.DuckDBPyConnection:
    """The cached connection; a store locked by another process stops the page with a clear message."""
    try:
        return _open(str(db_path()))
    except StoreLockedError as exc:
        st.error(
            f"{exc}\n\nDasbor ini tidak dapat membuka basis data karena sedang dipakai oleh proses lain. "
            "Hanya satu proses aplikasi yang boleh memakai satu berkas basis data."
        )
        st.stop()
        raise
