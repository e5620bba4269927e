"""The app's one DuckDB connection per process; each query takes its own cursor (see tkpk.toko.queries).

``TKPK_DB`` names either the store file (read-write, one process per file) or a Parquet snapshot folder written
by ``python -m tkpk export-parquet`` (read-only, any number of app replicas; see docs/SCALING.md).
"""

from __future__ import annotations

import logging

import duckdb
import streamlit as st

from tkpk.bangun import init_store
from tkpk.config import db_path, is_parquet_store
from tkpk.toko.db import StoreLockedError, connect, migrate
from tkpk.toko.queries import scalar
from tkpk.ui.aman import galat_internal

LOG = logging.getLogger("tkpk.koneksi")

PESAN_TERKUNCI = (
    "🔒 Basis data sedang dipakai oleh proses lain (mis. aplikasi lain atau impor yang berjalan), sehingga dasbor "
    "ini tidak dapat membukanya. Hanya satu proses aplikasi yang boleh memakai satu berkas basis data. Pengelola "
    "server: nama berkasnya tercatat di log server."
)
PESAN_HANYA_BACA = (
    "Dasbor ini membaca salinan data (set Parquet) yang hanya-baca, sehingga unggah dan pembatalan batch "
    "tidak tersedia di sini. Unggah data melalui instans penulis yang memakai berkas basis data DuckDB."
)


@st.cache_resource(show_spinner="Membuka basis data…")
def _open(path: str) -> duckdb.DuckDBPyConnection:
    con = connect(path)
    migrate(con)
    if not scalar(con, "batch_jumlah"):
        # A fresh store gets the bundled data once; an existing one is never reloaded behind the analyst's back.
        init_store(con)
    return con


@st.cache_resource(show_spinner="Membuka set Parquet…")
def _open_parquet(path: str) -> duckdb.DuckDBPyConnection:
    from tkpk.toko.parket import connect_parquet

    return connect_parquet(path)


def hanya_baca() -> bool:
    """True when the app reads a Parquet snapshot: pages that write must show :data:`PESAN_HANYA_BACA`."""
    return is_parquet_store()


def conn() -> duckdb.DuckDBPyConnection:
    """The cached connection; a store locked by another process stops the page with a clear message."""
    if hanya_baca():
        try:
            return _open_parquet(str(db_path()))
        except Exception as exc:  # the path and the library's words go to the log only
            galat_internal(exc, f"membuka set Parquet {db_path()}", "Set data Parquet tidak dapat dibuka.")
            st.stop()
            raise
    try:
        return _open(str(db_path()))
    except StoreLockedError as exc:
        LOG.warning("basis data terkunci: %s", exc)
        st.error(PESAN_TERKUNCI)
        st.stop()
        raise


def conn_latar() -> duckdb.DuckDBPyConnection:
    """The same cached connection for work outside a page run (the server's warm-up, :mod:`tkpk.ui.panas`): an
    error is raised to the caller, not drawn."""
    return _open_parquet(str(db_path())) if hanya_baca() else _open(str(db_path()))
