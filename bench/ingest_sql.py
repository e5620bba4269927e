"""Issue 17's proposed way, checks as SQL over the ``read_csv`` relation, measured part by part in DuckDB alone
(``python -m bench.ingest_sql CSV STORE``; prints JSON).

Why: the ingest stays at about 3 × ``read_csv`` into the store, and the issue names this rewrite as the way to
2 ×. Before rewriting every check, each part such a rewrite cannot do without is timed here as bare SQL, with no
check around it, on a copy of the store: reading the file as text (every cell is checked as text first), trimming
the cells as the reader must (DuckDB's ``trim`` removes fewer characters than ``str.strip``, so this is a lower
bound), folding the kegiatan names for the spelling check, the spelling check's two distinct counts, and writing
the rows with their commit. Best of 3 for each, beside the floor in the same minutes and the ingest's own reader
(Arrow: decoding, reading and trimming) on the same file.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path

import duckdb

from tkpk.ingest.tersimpan import _BUKAN_HURUF
from tkpk.toko.db import connect

# Each step reads the tables the one before it made; none of them takes a value from outside but the CSV path.
LANGKAH = {
    "baca_teks_s": "CREATE OR REPLACE TEMP TABLE u AS SELECT * FROM read_csv($csv, header = true, all_varchar = true)",
    "rapikan_s": "CREATE OR REPLACE TEMP TABLE r AS SELECT COLUMNS(*).trim() FROM u",
    "lipat_s": "CREATE OR REPLACE TEMP TABLE f AS SELECT kegiatan, "
               f"lower(regexp_replace(kegiatan, '{_BUKAN_HURUF}', '', 'g')) AS nk FROM r",
    "beda_s": "SELECT count(DISTINCT kegiatan), count(DISTINCT nk) FROM f",
    "tulis_s": "BEGIN TRANSACTION; CREATE OR REPLACE TABLE tulis AS SELECT * FROM r; COMMIT",
}


def _sekali(con: duckdb.DuckDBPyConnection, teks: str, csv: Path) -> float:
    t = time.perf_counter()
    if "$csv" in teks:
        con.execute(teks, {"csv": str(csv)}).fetchall()
    else:
        con.execute(teks).fetchall()
    return time.perf_counter() - t


def _baca_arrow(csv: Path) -> float:
    """The ingest's own reader on the same bytes (decode, Arrow columns, cells trimmed as ``str.strip``)."""
    from tkpk.ingest.reader import baca

    data = csv.read_bytes()
    t = time.perf_counter()
    baca(data, csv.name, "intervensi")
    return time.perf_counter() - t


def measure(csv: Path, store: Path, ulang: int = 3) -> dict[str, float]:
    """Best of ``ulang`` per step and for the floor (``read_csv`` into a table of the store, committed)."""
    from bench.ingest import floor_read_csv_store

    kerja = store.with_name("sql_" + store.name)
    shutil.copy(store, kerja)
    out: dict[str, float] = {k: float("inf") for k in LANGKAH}
    try:
        con = connect(kerja)
        try:
            for _ in range(ulang):
                for nama, teks in LANGKAH.items():
                    out[nama] = min(out[nama], _sekali(con, teks, csv))
        finally:
            con.close()
    finally:
        kerja.unlink(missing_ok=True)
        Path(str(kerja) + ".wal").unlink(missing_ok=True)
    out["jumlah_s"] = sum(out[k] for k in LANGKAH)
    out["baca_arrow_s"] = min(_baca_arrow(csv) for _ in range(ulang))
    out["lantai_toko_s"] = min(floor_read_csv_store(csv, store) for _ in range(ulang))
    return out


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]), Path(sys.argv[2]))))
