"""The ingest of one file in-process, by stage (``python -m bench.ingest_proses CSV STORE``; prints JSON).

Why in-process (issue 17): the CLI's figure also holds the interpreter's start-up and imports, which no upload
through the app pays; here they are measured on their own line (``startup_s``, a fresh ``python -c`` importing the
ingest), and the ingest itself by stage: reading and checking the file (``periksa`` without the store pass, as the
CLI runs it), then the store checks, comparison, write and commit in one transaction (``simpan_hasil``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def startup() -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import tkpk.ingest.proses, tkpk.toko.db"], cwd=ROOT, check=True)
    return time.perf_counter() - t


def measure(csv: Path, db: Path) -> dict[str, object]:
    from tkpk.ingest.proses import periksa, simpan_hasil
    from tkpk.toko.db import connect, migrate

    con = connect(db)
    try:
        migrate(con)
        beban = os.getloadavg()[0]
        t0, c0 = time.perf_counter(), time.process_time()
        data = csv.read_bytes()
        t1, c1 = time.perf_counter(), time.process_time()
        hasil = periksa(con, data, csv.name, "intervensi", bandingkan=False)
        t2, c2 = time.perf_counter(), time.process_time()
        hasil = simpan_hasil(con, hasil, "bench")
        t3, c3 = time.perf_counter(), time.process_time()
    finally:
        con.close()
    # CPU seconds (all threads of this process) beside the wall clock: on a shared machine the wall figure moves
    # with the other load (the 1-minute load average before and after is reported too), the CPU figure far less
    return {"read_bytes_s": t1 - t0, "periksa_s": t2 - t1, "simpan_s": t3 - t2, "total_s": t3 - t0,
            "periksa_cpu_s": c2 - c1, "simpan_cpu_s": c3 - c2, "total_cpu_s": c3 - c0,
            "load_sebelum": beban, "load_sesudah": os.getloadavg()[0],
            "status": hasil.status, "batch_id": hasil.batch_id, "last": (hasil.baris_teks() or [""])[-1][:300]}


def lantai(csv: Path, db: Path) -> dict[str, float]:
    """Both floors, best of 3, in the same minutes as the ingest: ``read_csv`` into memory, and into a copy of
    the store with its commit (the like-for-like one: the ingest writes every row too)."""
    from bench.ingest import floor_read_csv, floor_read_csv_store

    return {"lantai_memori_s": min(floor_read_csv(csv) for _ in range(3)),
            "lantai_toko_s": min(floor_read_csv_store(csv, db) for _ in range(3))}


if __name__ == "__main__":
    csv, db = Path(sys.argv[1]), Path(sys.argv[2])
    dasar = db.with_name("dasar_" + db.name)
    shutil.copy(db, dasar)  # the store as given, for the floors after the ingest has written into db
    try:
        out = measure(csv, db)
        out |= lantai(csv, dasar)
    finally:
        dasar.unlink(missing_ok=True)
    out["startup_s"] = startup()
    print(json.dumps(out))
