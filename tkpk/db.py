"""Connection, migrations and the single write path.

DuckDB connections are not safe to share between threads, but cursors are; every query takes its own
cursor. Writes go through :func:`transaction`, which holds one process-wide lock so two Streamlit sessions
never interleave a write, and wraps the work in one transaction so a failure leaves nothing half-written.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from importlib import resources
from pathlib import Path

import duckdb

WRITE_LOCK = threading.RLock()


class StoreLockedError(RuntimeError):
    """Another process holds the store open for writing."""


def connect(path: Path | str, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the store; a lock held by another process becomes a clear :class:`StoreLockedError`."""
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise StoreLockedError(
                f"Basis data {path} sedang dipakai oleh proses lain (mis. aplikasi atau impor yang berjalan). "
                "Tutup proses itu lalu coba lagi."
            ) from exc
        raise


def migrations() -> list[tuple[int, str, str]]:
    """The numbered ``tkpk/migrations/NNNN_name.sql`` files, in order: (version, name, sql)."""
    found = []
    for entry in resources.files("tkpk.migrations").iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), name[5:-4], entry.read_text(encoding="utf-8")))
    return sorted(found)


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply the migrations not yet recorded in ``schema_version``; returns the versions applied."""
    with WRITE_LOCK:
        con.execute(
            "CREATE TABLE IF NOT EXISTS schema_version "
            "(version INTEGER PRIMARY KEY, nama VARCHAR NOT NULL, diterapkan TIMESTAMP NOT NULL)"
        )
        done = {row[0] for row in con.execute("SELECT version FROM schema_version").fetchall()}
        applied = []
        for version, name, sql in migrations():
            if version in done:
                continue
            con.execute("BEGIN TRANSACTION")
            try:
                con.execute(sql)
                con.execute(
                    "INSERT INTO schema_version VALUES (?, ?, ?)", [version, name, datetime.now()]
                )
                con.execute("COMMIT")
            except Exception:
                con.execute("ROLLBACK")
                raise
            applied.append(version)
        return applied


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """One serialized write transaction on its own cursor; any exception rolls everything back."""
    with WRITE_LOCK:
        cur = con.cursor()
        cur.execute("BEGIN TRANSACTION")
        try:
            yield cur
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        else:
            cur.execute("COMMIT")
        finally:
            cur.close()


def new_batch(
    cur: duckdb.DuckDBPyConnection,
    *,
    jenis: str,
    oleh: str,
    nama_file: str | None = None,
    sha256: str | None = None,
    jumlah_baris: int = 0,
    sampel: bool = False,
    keterangan: str | None = None,
    waktu: datetime | None = None,
) -> int:
    """Record a load and return its id; call inside :func:`transaction` with the rows it brings."""
    from tkpk.queries import execute

    row = execute(cur, "tulis_batch_baru", {
        "jenis": jenis, "nama_file": nama_file, "sha256": sha256, "jumlah_baris": jumlah_baris, "oleh": oleh,
        "waktu": waktu or datetime.now(), "sampel": sampel, "keterangan": keterangan,
    })
    assert row is not None
    return int(row[0])
