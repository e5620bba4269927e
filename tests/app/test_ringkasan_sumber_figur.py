"""Ringkasan on a store where one year's figures come from three files (review finding 2): each figure is shown
under its own kind of source, the source line says "Sumber:" once, and a register figure is never shown as the
realisation of the extreme-poverty target."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.app.conftest import teks_tampil
from tests.integration.test_sumber_per_figur import S1_A, S1_B, S1_C, muat
from tkpk.toko.db import connect


@pytest.fixture
def toko(app_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled store with the reviewer's three files; set after app_env so it wins."""
    path = tmp_path / "t.duckdb"
    shutil.copy(app_env, path)
    con = connect(path)
    for teks, nama in ((S1_A, "s1_a.csv"), (S1_B, "s1_b.csv"), (S1_C, "s1_c.csv")):
        muat(con, teks, nama)
    con.close()
    monkeypatch.setenv("TKPK_DB", str(path))
    return path


def _metric(at, awal):
    return next(m for m in at.metric if m.label.lstrip("◆⚠§■▲●◇ ").startswith(awal))


def test_each_figure_under_its_own_source(toko: Path, run_page):
    at = run_page(query={"tahun": "2025"})
    assert not at.exception
    assert _metric(at, "P0 ").label == "P0 2025 · persentase penduduk miskin"  # BPS's own release: no marker
    jiwa = _metric(at, "Jumlah penduduk miskin")
    assert jiwa.value == "14.100 jiwa" and jiwa.label == "▲ Jumlah penduduk miskin 2025"
    text = teks_tampil(at.markdown)
    assert "Kemiskinan ekstrem 2025: **▲ 0,50%**" in text
    captions = teks_tampil(at.caption)
    assert "Sumber: Sumber:" not in captions
    assert "Sumber: BPS Kalsel, BRS No. 40/07/63 Th. XXIX (Juli 2025) (publikasi BPS)." in captions
    assert ("Penduduk miskin, kemiskinan ekstrem: ▲ Dikutip pejabat (tidak langsung dari BPS): Sambutan Bupati"
            in captions)
    # the two-numbers card: the quoted count is not "BPS 2025"
    kartu = _metric(at, "Susenas 2025: penduduk miskin")
    assert kartu.label.startswith("▲") and kartu.value == "14.100 jiwa"
    assert not any(m.label.startswith("BPS 2025") for m in at.metric)
    assert "Jenis sumber: ▲ dikutip pejabat, bukan dari tabel BPS" in text


def test_register_figure_is_not_the_extreme_poverty_realisation(toko: Path, run_page):
    at = run_page(query={"tahun": "2024"})
    text = teks_tampil(at.markdown)
    assert "0,90%" not in text
    assert "Kemiskinan ekstrem 2024: **belum ada angka Susenas tersimpan**" in text
    assert "belum ada angka realisasi 2024" in text
