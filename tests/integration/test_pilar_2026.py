"""A year in progress on top of the bundled sample store (review of issue 18): real quarterly reports for 2026
(DisperkimLH and PUPRP, TW1 and TW2), first without any 2026 register figures (no pockets), then with a sample
2026 indicator file (sample pockets). What the Kinerja pilar page and the award ranking say about it."""

from __future__ import annotations

import math
import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from tkpk import SUMBER_CONTOH
from tkpk.ingest import ingest_file
from tkpk.pilar import kartu as pilar_kartu
from tkpk.pilar import tabel as kt
from tkpk.rakor import penghargaan as ph
from tkpk.rakor.pilar import kandidat_penghargaan
from tkpk.toko.db import connect

# Slow (minutes on 2 cores: whole-store exports, attacker models or award years): `make test-full` runs it.
pytestmark = pytest.mark.lambat

DATA = Path(__file__).resolve().parents[1] / "data" / "pilar2026"
HARI_INI = date(2026, 12, 1)


def _muat(con, nama: str, jenis: str) -> None:
    hasil = ingest_file(con, (DATA / nama).read_bytes(), nama, jenis, "penguji")
    assert hasil.batch_id is not None, hasil


@pytest.fixture(scope="module")
def tanpa_kantong(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pilar2026") / "tkpk.duckdb"
    shutil.copy(store_path, path)
    con = connect(path)
    try:
        _muat(con, "lap2026_q1.csv", "intervensi")
        _muat(con, "lap2026_q2.csv", "intervensi")
    finally:
        con.close()
    return path


@pytest.fixture(scope="module")
def kantong_contoh(tanpa_kantong: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pilar2026k") / "tkpk.duckdb"
    shutil.copy(tanpa_kantong, path)
    con = connect(path)
    try:
        _muat(con, "indikator2026_contoh.csv", "indikator")
    finally:
        con.close()
    return path


def test_without_pockets_targeting_is_not_assessed_and_the_other_weights_grow(tanpa_kantong: Path):
    con = connect(tanpa_kantong, read_only=True)
    try:
        k = pilar_kartu.kartu_skor(con, 2, 2026)
        p = kandidat_penghargaan(con, 2, 2026, hari_ini=HARI_INI)
    finally:
        con.close()
    assert not k.kantong.kode and not k.sampel
    assert math.isnan(k.tepat["kantong_jumlah_pct"]) and math.isnan(k.tepat["kantong_pagu_pct"])
    assert kt.teks_ringkasan(k)["tepat"] == "Tidak dinilai"
    assert p.tabel["tepat_sasaran_pct"].isna().all() and p.tanpa_kantong
    assert "Tepat sasaran" in set(p.tabel.loc[p.tabel["skor"].notna(), "komponen_kosong"])
    teks = ph.teks_bobot(tanpa_kantong=True)
    assert "Tepat sasaran tidak dinilai" in teks and "Capaian output 46,7%" in teks


def test_sample_pockets_label_the_award_and_the_scorecard(kantong_contoh: Path):
    con = connect(kantong_contoh, read_only=True)
    try:
        k = pilar_kartu.kartu_skor(con, 2, 2026)
        p = kandidat_penghargaan(con, 2, 2026, hari_ini=HARI_INI)
    finally:
        con.close()
    assert k.kantong.sampel and not k.baris["sampel"].any()      # real reports, sample pockets
    assert k.sampel and SUMBER_CONTOH in pilar_kartu.teks_sumber(k)
    assert p.tabel["tepat_sasaran_pct"].notna().any()
    assert p.sampel


def test_the_year_comparison_names_sample_years_and_a_year_in_progress(tanpa_kantong: Path):
    con = connect(tanpa_kantong, read_only=True)
    try:
        k = pilar_kartu.kartu_skor(con, 2, 2026, opd_fokus="DISPERKIMLH")
        a = pilar_kartu.antartahun(con, 2, opd_fokus="DISPERKIMLH")
    finally:
        con.close()
    b = a.perbandingan.set_index("tahun")
    assert b.loc[2025, "sampel"] and not b.loc[2026, "sampel"]
    assert not k.sampel                                           # the 2026 tables above are real
    assert a.sampel_perbandingan and SUMBER_CONTOH in pilar_kartu.teks_sumber_perbandingan(a)
    t = kt.tabel_perbandingan(a).set_index("Tahun")
    assert "2026 (s.d. TW2)" in t.index and "2025" in t.index
    baris = t.loc["2026 (s.d. TW2)"]
    assert pd.isna(baris["Δ capaian (poin)"]) and pd.isna(baris["Δ serapan (poin)"])
    assert "Kritis" not in str(baris[kt.STATUS])


def test_the_award_is_labelled_by_the_plans_of_its_own_pillar_only(tanpa_kantong: Path,
                                                                    tmp_path_factory: pytest.TempPathFactory):
    # review 18 #11: a sample plan of another pillar made pillar 2's real ranking "DATA CONTOH"
    path = tmp_path_factory.mktemp("pilar2026r") / "tkpk.duckdb"
    shutil.copy(tanpa_kantong, path)
    con = connect(path)
    try:
        hasil = ingest_file(con, (DATA / "rencana2026_pilar3.csv").read_bytes(), "rencana2026_pilar3.csv",
                            "rencana", "penguji")
        assert hasil.batch_id is not None, hasil
        con.execute("UPDATE batch SET sampel = TRUE WHERE batch_id = ?", [hasil.batch_id])  # a sample plan
        assert kandidat_penghargaan(con, 3, 2026, hari_ini=HARI_INI).sampel
        assert not kandidat_penghargaan(con, 2, 2026, hari_ini=HARI_INI).sampel
    finally:
        con.close()
