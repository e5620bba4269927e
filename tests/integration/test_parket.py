"""The Parquet snapshot shows the same figures as the DuckDB file it was exported from (issue 8's simulation)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from tkpk.toko import queries
from tkpk.toko.db import connect
from tkpk.toko.parket import MANIFEST, connect_parquet, export
from tkpk.tren.ringkasan import angka_utama, bps_seri

# Columns that name the store itself rather than its content (versi_data reports the file path).
PER_STORE = {"berkas"}


def _params(text: str) -> dict:
    for line in text.splitlines():
        if line.startswith("-- params:"):
            return json.loads(line.removeprefix("-- params:"))
    return {}


@pytest.fixture(scope="module")
def parquet_dir(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("parket") / "set"
    con = connect(store_path)
    try:
        export(con, out)
    finally:
        con.close()
    return out


def _canon(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows in a fixed order: Parquet scans may return ties of an ORDER BY (or unordered rows) differently."""
    frame = frame.drop(columns=[c for c in frame.columns if c in PER_STORE])
    if frame.empty:
        return frame.reset_index(drop=True)
    keyed = frame.astype(str)
    return frame.iloc[keyed.sort_values(list(keyed.columns)).index].reset_index(drop=True)


def test_layout_is_partitioned_by_province(parquet_dir: Path):
    manifest = json.loads((parquet_dir / MANIFEST).read_text())
    parts = {t["tabel"]: t["partisi"] for t in manifest["tabel"]}
    assert parts["nilai_indikator"] == "provinsi" and parts["indikator"] is None
    assert (parquet_dir / "nilai_indikator" / "provinsi=63").is_dir()
    assert (parquet_dir / "intervensi" / "provinsi=semua").is_dir()  # kabupaten-wide programs
    assert (parquet_dir / "opd.parquet").is_file()


def test_every_view_has_the_same_columns_and_rows(store_path: Path, parquet_dir: Path):
    """The Parquet reader rebuilds the views from every migration, so a column added later is there too."""
    con, pq = connect(store_path), connect_parquet(parquet_dir)
    try:
        views = [r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal "
                                            "AND schema_name = 'main' ORDER BY 1").fetchall()]
        assert "v_kemiskinan_kabupaten" in views
        for v in views:
            a = con.execute(f'SELECT * FROM "{v}"').df()
            b = pq.execute(f'SELECT * FROM "{v}"').df()
            assert list(a.columns) == list(b.columns), v
            assert len(a) == len(b), v
    finally:
        con.close()
        pq.close()


def test_every_table_has_the_same_rows(store_path: Path, parquet_dir: Path):
    con, pq = connect(store_path), connect_parquet(parquet_dir)
    try:
        tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                             "WHERE table_type = 'BASE TABLE'").fetchall()]
        for t in tables:
            a = con.execute(f'SELECT count(*), coalesce(sum(hash(COLUMNS(*))), 0) FROM "{t}"').fetchone()
            b = pq.execute(f'SELECT count(*), coalesce(sum(hash(COLUMNS(*))), 0) FROM "{t}"').fetchone()
            assert a == b, t
    finally:
        con.close()
        pq.close()


@pytest.fixture(scope="module")
def pasangan(store_path: Path, parquet_dir: Path) -> Iterator[tuple[duckdb.DuckDBPyConnection, ...]]:
    """The store and its Parquet set, opened once for the ~60 read queries (rebuilding the Parquet views took
    0,2 s a query); each query reads them through its own cursor."""
    con, pq = connect(store_path), connect_parquet(parquet_dir)
    yield con, pq
    con.close()
    pq.close()


@pytest.mark.parametrize("name", [n for n in queries.names() if not queries.is_write(n)])
def test_every_read_query_gives_the_same_answer(name: str, pasangan: tuple[duckdb.DuckDBPyConnection, ...]):
    params = _params(queries.sql(name))
    con, pq = (c.cursor() for c in pasangan)
    try:
        want = _canon(queries.fetch(con, name, params))
        got = _canon(queries.fetch(pq, name, params))
    finally:
        con.close()
        pq.close()
    pd.testing.assert_frame_equal(got, want, check_dtype=False)


def test_headline_is_the_same(store_path: Path, parquet_dir: Path):
    con, pq = connect(store_path), connect_parquet(parquet_dir)
    try:
        assert angka_utama(bps_seri(pq), 2024) == angka_utama(bps_seri(con), 2024)
        assert angka_utama(bps_seri(pq), 2024).p0 == 2.36
    finally:
        con.close()
        pq.close()


def test_writes_are_refused(parquet_dir: Path):
    pq = connect_parquet(parquet_dir)
    try:
        with pytest.raises(Exception, match=r"(?i)not an? table|view|read"):
            pq.execute("INSERT INTO batch (batch_id, jenis, oleh, waktu) VALUES (99, 'x', 'x', now())")
    finally:
        pq.close()


def test_app_runs_on_the_parquet_set(parquet_dir: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TKPK_DB", str(parquet_dir) + "/")
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    assert any(m.value == "2,36%" for m in at.metric), [m.value for m in at.metric]
