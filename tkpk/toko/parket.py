"""The store as a partitioned Parquet set, and a read-only DuckDB over it.

Why: one DuckDB file allows one process (it holds a file lock), so a province- or country-wide deployment
cannot run many app replicas on it. A Parquet snapshot can be read by any number of processes, from a local
disk or object storage, while a single writer keeps the DuckDB file. ``python -m tkpk export-parquet`` writes
that snapshot; :func:`connect_parquet` gives the app the same table and ``v_*`` view names over it, so every
named query in ``tkpk/toko/sql`` runs unchanged.

Layout: tables holding a place code are Hive-partitioned by province (the first segment of the Kemendagri
code, ``provinsi=63``; rows without a place, e.g. kabupaten-wide programs, go to ``provinsi=semua``). Small
tables are written whole. ``_manifest.json`` lists what was written. The set is written to a temporary
sibling folder and swapped in, so a reader never sees half a snapshot.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import duckdb

# Tables that carry a place code, and which column holds it; everything else is small and written whole.
KOLOM_TEMPAT = {
    "wilayah": "kode",
    "batas_wilayah": "kode",
    "kemiskinan_kabupaten": "kode_wilayah",
    "nilai_indikator": "kode_wilayah",
    "target_indikator": "kode_wilayah",
    "intervensi": "kode_wilayah",
}
KOLOM_PARTISI = "provinsi"
TANPA_TEMPAT = "semua"
MANIFEST = "_manifest.json"


class ParketError(RuntimeError):
    """The Parquet set is missing or incomplete; the message is for the operator."""


def _lit(path: Path) -> str:
    """A path as a SQL string literal (DDL such as COPY and CREATE VIEW cannot take bound parameters)."""
    return "'" + str(path).replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def base_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every base table of the main schema, in name order."""
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_type = 'BASE TABLE' AND table_schema = 'main' ORDER BY 1"
    ).fetchall()
    return [r[0] for r in rows]


def _write_table(con: duckdb.DuckDBPyConnection, table: str, out: Path) -> dict[str, object]:
    """Write one table; partitioned tables are sorted by place code so row-group statistics prune well."""
    n = int(con.execute(f"SELECT count(*) FROM {_ident(table)}").fetchone()[0])
    col = KOLOM_TEMPAT.get(table)
    if col is None:
        con.execute(f"COPY {_ident(table)} TO {_lit(out / f'{table}.parquet')} (FORMAT parquet)")
        return {"tabel": table, "baris": n, "partisi": None}
    folder = out / table
    if n == 0:
        # An empty table still needs one file so that the reader's glob and schema resolve.
        empty = folder / f"{KOLOM_PARTISI}={TANPA_TEMPAT}"
        empty.mkdir(parents=True)
        con.execute(f"COPY {_ident(table)} TO {_lit(empty / 'data_0.parquet')} (FORMAT parquet)")
    else:
        c = _ident(col)
        con.execute(
            f"COPY (SELECT *, coalesce(split_part({c}, '.', 1), '{TANPA_TEMPAT}') AS {KOLOM_PARTISI} "
            f"FROM {_ident(table)} ORDER BY {c}) TO {_lit(folder)} "
            f"(FORMAT parquet, PARTITION_BY ({KOLOM_PARTISI}))"
        )
    return {"tabel": table, "baris": n, "partisi": KOLOM_PARTISI}


def export(con: duckdb.DuckDBPyConnection, out: Path) -> list[dict[str, object]]:
    """Write every base table under ``out`` (replacing a previous snapshot there atomically)."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + f".tmp-{datetime.now():%Y%m%d%H%M%S%f}")
    tmp.mkdir()
    try:
        written = [_write_table(con, t, tmp) for t in base_tables(con)]
        (tmp / MANIFEST).write_text(json.dumps(
            {"dibuat": datetime.now().isoformat(timespec="seconds"), "tabel": written}, indent=1), encoding="utf-8")
        old = out.with_name(out.name + ".lama")
        if out.exists():
            out.rename(old)
        tmp.rename(out)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return written


def export_path(db: Path, out: Path) -> list[dict[str, object]]:
    """Export a store file, opened read-only so nothing in it can change."""
    from tkpk.toko.db import connect

    con = connect(db, read_only=True)
    try:
        return export(con, out)
    finally:
        con.close()


def _manifest(folder: Path) -> list[dict[str, object]]:
    path = folder / MANIFEST
    if not path.is_file():
        raise ParketError(f"Folder {folder} bukan set Parquet TKPK (tidak ada {MANIFEST}); "
                          "buat dengan: python -m tkpk export-parquet --out FOLDER")
    return list(json.loads(path.read_text(encoding="utf-8"))["tabel"])


def view_statements() -> list[str]:
    """Every ``CREATE OR REPLACE VIEW`` and ``MACRO`` of the migrations, in migration order (a later one replaces
    an earlier; the views of migration 0004 read table macros).

    Why from the migrations: the Parquet reader must show the same ``v_*`` views as the store that was exported,
    and the migrations are where those views are defined; tables and ALTERs do not apply to files.
    """
    from tkpk.toko.db import migrations

    out = []
    for _, _, text in migrations():
        for statement in duckdb.extract_statements(text):
            code = "\n".join(line for line in statement.query.splitlines() if not line.lstrip().startswith("--"))
            if code.strip().upper().startswith(("CREATE OR REPLACE VIEW", "CREATE OR REPLACE MACRO")):
                out.append(code.strip())
    return out


def connect_parquet(folder: Path | str) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB whose tables are views over the Parquet set, plus the ``v_*`` views of the store.

    Nothing can be written through it: the tables are views over files, so an insert fails. Callers that
    offer uploads must check :func:`tkpk.config.is_parquet_store` first and say the store is read-only.
    """
    folder = Path(folder).resolve()
    con = duckdb.connect(":memory:")
    try:
        for entry in _manifest(folder):
            table = str(entry["tabel"])
            if entry["partisi"]:
                src = (f"read_parquet({_lit(folder / table / '*' / '*.parquet')}, hive_partitioning = true, "
                       f"hive_types = {{'{KOLOM_PARTISI}': VARCHAR}})")
                con.execute(f"CREATE VIEW {_ident(table)} AS SELECT * EXCLUDE ({KOLOM_PARTISI}) FROM {src}")
            else:
                src = f"read_parquet({_lit(folder / f'{table}.parquet')})"
                con.execute(f"CREATE VIEW {_ident(table)} AS SELECT * FROM {src}")
        for view in view_statements():
            con.execute(view)
    except BaseException:
        con.close()
        raise
    return con


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m tkpk export-parquet [--db PATH] --out DIR``; exit 0 ok, 2 store unavailable, 1 internal."""
    from tkpk.config import db_path
    from tkpk.toko.db import StoreTidakTersedia

    p = argparse.ArgumentParser(prog="python -m tkpk export-parquet",
                                description="Tulis basis data sebagai set Parquet yang dipartisi per provinsi.")
    p.add_argument("--db", default=str(db_path()), help="berkas DuckDB (bawaan: $TKPK_DB atau data/tkpk.duckdb)")
    p.add_argument("--out", required=True, help="folder keluaran (diganti utuh bila sudah ada)")
    args = p.parse_args(list(sys.argv[1:] if argv is None else argv))
    db = Path(args.db)
    if not db.is_file():
        print(f"GALAT: basis data {db} tidak ditemukan.", file=sys.stderr)
        return 2
    try:
        written = export_path(db, Path(args.out))
    except StoreTidakTersedia as exc:
        print(f"GALAT: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:
        print(f"Kesalahan internal: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    for w in written:
        bagian = f"dipartisi per {w['partisi']}" if w["partisi"] else "utuh"
        print(f"- {w['tabel']}: {w['baris']} baris ({bagian})")
    print(f"Set Parquet ditulis ke {args.out}")
    return 0
