"""The server's warm-up (``tkpk.ui.panas``): what it puts in the core cache is exactly what a first visit reads,
so that visit computes nothing; and it never raises."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from tkpk.toko import tahun as toko_tahun
from tkpk.toko.db import connect
from tkpk.toko.queries import versi_data
from tkpk.ui import panas


@pytest.fixture
def con(store_path: Path):
    c = connect(store_path)
    toko_tahun._CACHE.clear()
    yield c
    toko_tahun._CACHE.clear()
    c.close()


def test_imports_every_module_a_page_uses():
    assert panas.impor() >= 0
    for m in ("tkpk.peta.klasifikasi", "mapclassify", "tkpk.charts.peta", "tkpk.pilar.halaman", "tkpk.ui.peta"):
        assert m in sys.modules, m


@pytest.mark.lambat  # ~10 s: the whole warm-up from an empty cache; the served app logs it in tests/e2e
def test_fills_the_keys_the_first_visit_reads(con):
    from tkpk.peta import data as peta
    from tkpk.pilar import kartu

    selesai = panas.isi_cache(con)
    assert any(s.startswith("laporan 20") for s in selesai) and "laporan antartahun" in selesai
    assert "batas desa" in selesai
    kunci = set(toko_tahun._CACHE)
    versi = versi_data(con)
    t = peta.tahun_tersedia(con)[0]
    assert (versi, "geometri", "desa", peta.KODE_BANJAR) in kunci
    # a first visit's reads are now hits: nothing new enters the cache
    n = len(toko_tahun._CACHE)
    peta.data_tingkat(con, "desa", t)
    peta.hitung_kantong(con, "kecamatan", t)
    peta.geometri(con, "kecamatan")
    kartu.kartu_skor(con, 2, max(kartu.pilihan_periode(con)))
    kartu.antartahun(con, 3)
    assert len(toko_tahun._CACHE) == n


def test_a_failing_warm_up_is_logged_not_raised(caplog: pytest.LogCaptureFixture):
    def rusak():
        raise OSError("disk hilang")

    with caplog.at_level(logging.ERROR, logger="tkpk.panas"):
        panas.mulai(rusak)
    assert "pemanasan cache gagal" in caplog.text
