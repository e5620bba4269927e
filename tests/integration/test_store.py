"""The store on temporary files: migrations, bundled loads, idempotency, and the consistency of the sample."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import table_hashes
from tkpk import KODE_BANJAR, SUMBER_CONTOH
from tkpk.bangun import init_path, init_store
from tkpk.peta.geo import batas
from tkpk.toko import queries
from tkpk.toko.db import connect, migrate, migrations
from tkpk.tren.ringkasan import bps_seri


def test_migrating_twice_changes_nothing(fresh_con):
    before = table_hashes(fresh_con)
    assert migrate(fresh_con) == []
    assert table_hashes(fresh_con) == before
    versions = [r[0] for r in fresh_con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()]
    assert versions == [v for v, _, _ in migrations()]


def test_init_twice_gives_identical_content(tmp_path: Path):
    path = tmp_path / "x.duckdb"
    first = init_path(path)
    assert any("contoh" in line for line in first)
    con = connect(path)
    before = table_hashes(con)
    assert init_store(con) == []
    assert table_hashes(con) == before
    con.close()


def test_two_fresh_stores_hold_the_same_data(tmp_path: Path):
    init_path(tmp_path / "a.duckdb")
    init_path(tmp_path / "b.duckdb")
    a, b = connect(tmp_path / "a.duckdb"), connect(tmp_path / "b.duckdb")
    ha, hb = table_hashes(a), table_hashes(b)
    ha.pop("schema_version"), hb.pop("schema_version")  # records when each migration ran
    assert ha == hb


def test_places_and_codes_are_complete(store_path: Path):
    con = connect(store_path)
    counts = dict(con.execute(
        "SELECT tingkat, count(*) FROM wilayah WHERE kode_kab = '63.03' OR tingkat IN ('provinsi','kabupaten','kota') "
        "GROUP BY 1").fetchall())
    assert counts["kecamatan"] == 20
    assert counts["desa"] + counts["kelurahan"] == 290
    assert counts["kabupaten"] + counts["kota"] == 13
    kode = con.execute("SELECT kode FROM wilayah WHERE nama = 'Kabupaten Tanah Bumbu'").fetchone()[0]
    assert kode == "63.10"  # text, not the float 63.1
    luas = con.execute("SELECT sum(luas_km2) FROM wilayah WHERE tingkat = 'kecamatan'").fetchone()[0]
    assert luas == pytest.approx(4590, rel=0.01)  # SOURCES.md: polygon area sum 4,590.1 km²
    con.close()


@pytest.mark.parametrize(("tingkat", "n"), [("kecamatan", 20), ("desa", 290), ("kabupaten", 13)])
def test_boundaries_come_back_as_geodataframes(store_path: Path, tingkat: str, n: int):
    con = connect(store_path)
    gdf = batas(con, tingkat)
    con.close()
    assert len(gdf) == n
    assert gdf.crs.to_epsg() == 4326
    assert gdf.geometry.is_valid.all()
    minx, miny, maxx, maxy = gdf.total_bounds
    assert 114 < minx < maxx < 117.5 and -5 < miny < maxy < -1  # Kalimantan Selatan


def test_bps_series_keeps_missing_values_missing(store_path: Path):
    con = connect(store_path)
    seri = bps_seri(con)
    con.close()
    banjar = seri[seri["kode_wilayah"] == KODE_BANJAR].set_index("tahun")
    assert banjar.loc[2024, "p0"] == 2.36
    assert banjar.loc[2024, "penduduk_miskin"] == 14461
    assert banjar.loc[2024, "garis_kemiskinan"] == 589164
    assert banjar.loc[2023, "p0"] == 2.44
    assert pd.isna(banjar.loc[2023, "penduduk_miskin"])  # not published: stays NULL
    assert 2015 not in banjar.index
    assert seri["sumber"].str.len().min() > 10


def _params(text: str) -> dict:
    for line in text.splitlines():
        if line.startswith("-- params:"):
            return json.loads(line.removeprefix("-- params:"))
    return {}


@pytest.mark.parametrize("name", [n for n in queries.names() if not queries.is_write(n)])
def test_every_sql_file_runs_on_a_fresh_and_on_the_bundled_store(name: str, fresh_con, store_path: Path):
    params = _params(queries.sql(name))
    queries.fetch(fresh_con, name, params)
    con = connect(store_path)
    try:
        queries.fetch(con, name, params)
    finally:
        con.close()


def test_sample_rows_are_labelled(store_path: Path):
    con = connect(store_path)
    bad = con.execute(
        "SELECT count(*) FROM nilai_indikator n JOIN batch b USING (batch_id) "
        "WHERE b.sampel AND n.sumber <> ?", [SUMBER_CONTOH]).fetchone()[0]
    total = con.execute("SELECT count(*) FROM v_intervensi WHERE sampel AND sumber = ?", [SUMBER_CONTOH]).fetchone()
    con.close()
    assert bad == 0
    assert total[0] > 1000


def test_views_keep_every_column_of_migration_0003(tmp_path: Path):
    """Other work reads the v_* views by column name: migration 0004 (versioning per cell) may add columns, never
    drop or rename one that 0003 gave."""
    from tkpk.toko.db import connect, migrate

    con = connect(tmp_path / "v.duckdb")
    migrate(con)
    kolom = {v: {r[0] for r in con.execute(f"DESCRIBE {v}").fetchall()} for v in (
        "v_kemiskinan_kabupaten", "v_nilai_tersimpan", "v_nilai_indikator", "v_target_indikator", "v_intervensi")}
    con.close()
    assert kolom["v_kemiskinan_kabupaten"] >= {"tahun", "kode_wilayah", "nama", "tingkat", "p0", "penduduk_miskin",
                                                "garis_kemiskinan", "p1", "p2", "p0_ekstrem",
                                                "penduduk_miskin_ekstrem", "sumber", "jenis_sumber", "batch_id",
                                                "sampel"}
    for v in ("v_nilai_tersimpan", "v_nilai_indikator"):
        assert kolom[v] >= {"tahun", "kode_wilayah", "indikator", "nilai", "sumber", "jenis_sumber", "batch_id",
                            "sampel"}
    assert kolom["v_target_indikator"] >= {"tahun", "kode_wilayah", "indikator", "nilai", "dokumen", "batch_id",
                                           "sumber", "jenis_sumber", "rincian"}
    assert kolom["v_intervensi"] >= {"tahun", "triwulan", "pilar", "kode_opd", "program", "kegiatan", "kode_wilayah",
                                     "pagu", "realisasi", "satuan_output", "target_output", "capaian_output",
                                     "target_penerima", "penerima", "sumber_dana", "keterangan", "sumber", "batch_id",
                                     "satuan_penerima", "sampel"}


def test_intervensi_carries_no_index_to_pay_for_on_each_write(fresh_con):
    """Migration 0010 (issue 17): the (tahun, pilar) index served no query and cost 0,4-0,9 s per million rows
    committed."""
    assert fresh_con.execute("SELECT count(*) FROM duckdb_indexes() WHERE table_name = 'intervensi'").fetchone() == (0,)
