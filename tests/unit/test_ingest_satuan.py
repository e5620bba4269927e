"""Units in headers: read, scaled exactly, and refused where they cannot fit the column."""

from __future__ import annotations

import numpy as np
import pytest

from tkpk.ingest.kolom import petakan
from tkpk.ingest.satuan import baca_satuan, galat_judul, galat_sel, skala


@pytest.mark.parametrize(("judul", "faktor", "persen", "rupiah"), [
    ("Jumlah Penduduk Miskin (ribu jiwa)", 1_000, False, False), ("Pagu (juta rupiah)", 1_000_000, False, True),
    ("Pagu (Rp 000)", 1_000, False, True), ("Anggaran (miliar)", 1_000_000_000, False, False),
    ("Realisasi (%)", 1, True, False), ("P0 (persen)", 1, True, False),
    ("Garis Kemiskinan (Rp/kapita/bulan)", 1, False, True), ("Indeks Kedalaman Kemiskinan (P1)", 1, False, False),
])
def test_units_read_from_headers(judul: str, faktor: int, persen: bool, rupiah: bool):
    _, s = baca_satuan(judul)
    assert (s.faktor, s.persen, s.rupiah) == (faktor, persen, rupiah)


def test_trailing_unit_words_and_mapping():
    peta = petakan(["tahun", "pilar", "opd", "program", "Pagu dalam juta rupiah", "Realisasi (%)"], "intervensi")
    assert peta.kolom["pagu"] == 4 and peta.satuan["pagu"].faktor == 1_000_000
    assert peta.satuan["realisasi"].persen
    assert petakan(["tahun", "kode_wilayah", "KK", "Jumlah Penduduk (jiwa)"], "indikator").lebar == \
        {"kk": 2, "penduduk": 3}


def test_units_that_cannot_fit():
    _, persen = baca_satuan("Realisasi (%)")
    assert "tidak dikonversi" in (galat_judul(persen, "rupiah", "realisasi") or "")
    _, ribu = baca_satuan("P0 (ribu)")
    assert galat_judul(ribu, "persen", "p0") is not None
    assert galat_judul(persen, "persen", "p0") is None
    assert galat_sel(True, False, "jumlah") is not None and galat_sel(False, True, "persen") is not None
    assert galat_sel(True, False, "persen") is None and galat_sel(False, True, "rupiah") is None


def test_scaling_is_exact_on_both_paths():
    assert skala(14.46, 1_000) == 14460.0 and skala(1100.5, 1_000_000) == 1_100_500_000.0
    assert list(skala(np.array([14.46, 0.1, 188.93]), 1_000)) == [14460.0, 100.0, 188930.0]
