"""``bench/ingest_sql.py`` times the SQL rewrite's parts; its figures must come from steps that really ran."""

from pathlib import Path

import duckdb

from bench.__main__ import tabel_sql
from bench.ingest_sql import LANGKAH, measure
from bench.intervensi_csv import tulis_csv
from tkpk.toko.db import connect, migrate


def test_every_step_runs_on_the_file_and_the_sum_is_theirs(tmp_path: Path) -> None:
    store = tmp_path / "toko.duckdb"
    con = connect(store)
    migrate(con)
    con.close()
    csv = tulis_csv(tmp_path / "i.csv", 2_000, ["63.03.01.2001", "63.03.02.2002"])
    out = measure(csv, store, ulang=1)
    assert set(LANGKAH) <= set(out)
    assert all(0 < out[k] < 60 for k in (*LANGKAH, "lantai_toko_s", "baca_arrow_s"))
    assert abs(out["jumlah_s"] - sum(out[k] for k in LANGKAH)) < 1e-9
    # the store given is left as it was: the steps wrote into a copy of their own
    con = duckdb.connect(str(store), read_only=True)
    try:
        tabel = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    finally:
        con.close()
    assert "tulis" not in tabel and "lantai" not in tabel
    assert not (tmp_path / "sql_toko.duckdb").exists()


def test_the_results_table_states_each_part_against_the_floor() -> None:
    baris = tabel_sql({"lantai_toko_s": 2.0, "baca_teks_s": 1.0, "rapikan_s": 0.5, "lipat_s": 0.25, "beda_s": 0.25,
                       "tulis_s": 1.0, "jumlah_s": 3.0, "baca_arrow_s": 1.2})
    isi = [b for b in baris if b.startswith("| ") and not b.startswith("| part")]
    assert len(isi) == 8
    assert "| 3.00 | 1.50 |" in next(b for b in isi if "sum of these five" in b)
