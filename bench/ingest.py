"""Ingest of a large intervention CSV: ``python -m tkpk ingest`` against two references on the same file.

- floor: DuckDB's bare ``read_csv`` into a table (what reading the bytes costs at best);
- the common way: pandas ``read_csv`` plus one INSERT per row. Row-by-row inserts take minutes for a million
  rows, so they run on the first ``CAP`` rows and the time is extrapolated linearly (stated in RESULTS.md).
Each runs on its own copy of the bundled Banjar store, so all three write into the same schema.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd

from bench.intervensi_csv import kode_desa, tulis_csv
from tkpk.bangun import init_path
from tkpk.toko.db import connect, migrate

ROOT = Path(__file__).resolve().parent.parent
CAP = 2_000
INSERT = ("INSERT INTO intervensi (tahun, pilar, kode_opd, program, kegiatan, kode_wilayah, pagu, realisasi, "
          "satuan_output, target_output, capaian_output, target_penerima, penerima, sumber_dana, sumber, batch_id) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', 0)")


def banjar_store(out: Path) -> Path:
    """The bundled store, built once per bench run."""
    path = out / "banjar.duckdb"
    if not path.exists():
        init_path(path)
    return path


def floor_read_csv(csv: Path) -> float:
    con = duckdb.connect()
    try:
        t = time.perf_counter()
        con.execute("CREATE TABLE t AS SELECT * FROM read_csv(?, header = true)", [str(csv)])
        return time.perf_counter() - t
    finally:
        con.close()


def floor_read_csv_store(csv: Path, store: Path) -> float:
    """DuckDB ``read_csv`` into a new table of a copy of the Banjar store, committed: what the bytes cost to read
    and to write to disk at best. The ingest writes every row too, so this is its like-for-like floor (issue 17);
    the in-memory floor above leaves the write out."""
    work = store.with_name("lantai_toko.duckdb")
    shutil.copy(store, work)
    Path(str(work) + ".wal").unlink(missing_ok=True)
    con = connect(work)
    try:
        t = time.perf_counter()
        con.execute("BEGIN TRANSACTION")
        con.execute("CREATE TABLE lantai AS SELECT * FROM read_csv(?, header = true)", [str(csv)])
        con.execute("COMMIT")
        return time.perf_counter() - t
    finally:
        con.close()
        work.unlink(missing_ok=True)
        Path(str(work) + ".wal").unlink(missing_ok=True)


def pandas_row_by_row(csv: Path, db: Path, rows: int) -> tuple[float, float, int]:
    """(read seconds for the whole file, insert seconds for CAP rows, rows inserted)."""
    t = time.perf_counter()
    frame = pd.read_csv(csv, dtype={"kode_wilayah": str})
    read = time.perf_counter() - t
    con = connect(db)
    try:
        migrate(con)
        part = frame.head(min(CAP, rows))
        t = time.perf_counter()
        for r in part.itertuples(index=False):
            con.execute(INSERT, [r.tahun, r.pilar, r.opd, r.program, r.kegiatan, r.kode_wilayah, r.pagu, r.realisasi,
                                 r.satuan_output, r.target_output, r.capaian_output, r.target_penerima, r.penerima,
                                 r.sumber_dana])
        return read, time.perf_counter() - t, len(part)
    finally:
        con.close()


def tkpk_cli(csv: Path, db: Path) -> tuple[float, int, str]:
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "tkpk", "ingest", str(csv), "--kind", "intervensi", "--db", str(db),
                           "--user", "bench"], cwd=ROOT, capture_output=True, text=True, check=False, timeout=1800)
    took = time.perf_counter() - t
    tail = (proc.stdout.strip().splitlines() or [""])[-1][:300]
    return took, proc.returncode, tail


def in_process(csv: Path, db: Path, modul: str = "bench.ingest_proses") -> dict[str, object]:
    """:mod:`bench.ingest_proses` (or ``modul``, e.g. :mod:`bench.ingest_sql`) in a process of its own (its
    store copy is ``db``)."""
    import json

    proc = subprocess.run([sys.executable, "-m", modul, str(csv), str(db)], cwd=ROOT,
                          capture_output=True, text=True, check=False, timeout=1800)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def measure(out: Path, rows: int = 1_000_000) -> dict[str, object]:
    store = banjar_store(out)
    csv = out / f"intervensi-{rows}.csv"
    if not csv.exists():
        tulis_csv(csv, rows, kode_desa(store))
    size_mb = csv.stat().st_size / 1e6
    work = out / "ingest.duckdb"
    shutil.copy(store, work)
    Path(str(work) + ".wal").unlink(missing_ok=True)
    cli, code, tail = tkpk_cli(csv, work)
    shutil.copy(store, work)
    Path(str(work) + ".wal").unlink(missing_ok=True)
    proses = in_process(csv, work)
    sql_saja = in_process(csv, store, "bench.ingest_sql")  # works on a copy of its own
    shutil.copy(store, work)
    read, ins, n = pandas_row_by_row(csv, work, rows)
    work.unlink(missing_ok=True)
    floor = proses["lantai_memori_s"]  # measured beside the in-process ingest (bench.ingest_proses.lantai)
    return {"rows": rows, "mb": size_mb, "floor_s": floor, "cli_s": cli, "cli_exit": code, "cli_last": tail,
            "pandas_read_s": read, "pandas_insert_s": ins, "pandas_rows": n,
            "pandas_total_est_s": read + ins * rows / n, "proses": proses, "sql": sql_saja}


if __name__ == "__main__":
    import json

    print(json.dumps(measure(Path(sys.argv[1]), int(sys.argv[2]))))
