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


class StoreTidakTersedia(RuntimeError):
    """The store cannot be used as asked; the message is one Indonesian line, and a CLI exits 2 on it."""


class StoreLockedError(StoreTidakTersedia):
    """Another process holds the store open (DuckDB allows one process per file, even read-only)."""


class BukanStore(StoreTidakTersedia):
    """The file exists but is not a DuckDB file (or not a TKPK store)."""


class StoreTidakAda(StoreTidakTersedia):
    """The file does not exist; a command that only reads or adds to a store never creates one."""


def connect(path: Path | str, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the store; a lock held by another process becomes a clear :class:`StoreLockedError`, a file that is
    not a DuckDB database a :class:`BukanStore`."""
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        teks = str(exc).lower()
        if "lock" in teks:
            raise StoreLockedError(
                f"Basis data {path} sedang dipakai oleh proses lain (mis. aplikasi atau impor yang berjalan). "
                "Tutup proses itu lalu coba lagi."
            ) from exc
        if "not a valid duckdb database" in teks:
            raise BukanStore(f"Berkas {path} bukan basis data DuckDB; periksa --db.") from exc
        raise


def buka_cli(path: Path, *, baca_saja: bool) -> duckdb.DuckDBPyConnection:
    """The store for a command that works on an existing one (ingest, rollback, export): never created by mistake
    (a mistyped --db is refused, it does not become a new empty store), read-only when ``baca_saja`` (a dry run
    writes nothing, not even a migration), and refused with one line when locked or not a store."""
    if path.is_dir():
        raise StoreTidakAda(f"--db menunjuk folder {path}, bukan berkas basis data; sebutkan berkasnya, mis. "
                            f"{path / 'tkpk.duckdb'}.")
    if not path.is_file():
        raise StoreTidakAda(f"Basis data {path} tidak ditemukan; periksa --db (buat basis data baru hanya dengan: "
                            f"python -m tkpk init --db {path}).")
    con = connect(path, read_only=baca_saja)
    try:
        ada = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'schema_version'").fetchone()
        if not ada or not ada[0]:
            raise BukanStore(f"Berkas {path} adalah DuckDB tetapi bukan basis data TKPK (tidak ada schema_version); "
                             "periksa --db.")
        if baca_saja:
            sudah = {r[0] for r in con.execute("SELECT version FROM schema_version").fetchall()}
            kurang = [v for v, _, _ in migrations() if v not in sudah]
            if kurang:
                raise StoreTidakTersedia(f"Basis data {path} perlu dimutakhirkan (migrasi {kurang[0]:04d}) sebelum uji "
                                         f"coba; jalankan dulu: python -m tkpk init --db {path}.")
    except BaseException:
        con.close()
        raise
    return con


def migrations() -> list[tuple[int, str, str]]:
    """The numbered ``tkpk/toko/migrations/NNNN_name.sql`` files, in order: (version, name, sql)."""
    found = []
    for entry in resources.files("tkpk.toko.migrations").iterdir():
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
    from tkpk.toko.queries import execute

    row = execute(cur, "tulis_batch_baru", {
        "jenis": jenis, "nama_file": nama_file, "sha256": sha256, "jumlah_baris": jumlah_baris, "oleh": oleh,
        "waktu": waktu or datetime.now(), "sampel": sampel, "keterangan": keterangan,
    })
    assert row is not None
    return int(row[0])
