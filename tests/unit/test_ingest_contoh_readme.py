"""The README's unit examples are what the engine does (issue 13 review, finding 9: README said "Pagu (juta
rupiah)" 1.250 = Rp1.250.000.000 while a lone 1.250 under a juta heading is refused as ambiguous)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tkpk.ingest.reader import baca
from tkpk.ingest.validasi import validasi
from tkpk.ingest.wilayah import Pencocok

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def p() -> Pencocok:
    return Pencocok.dari_csv(ROOT / "data" / "wilayah_banjar.csv")


def test_readme_juta_example_is_read_as_written(p: Pencocok):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r'"Pagu \(juta rupiah\)" ([0-9.,]+) = Rp([0-9.]+)', readme)
    assert m is not None
    sel, rupiah = m.group(1), int(m.group(2).replace(".", ""))
    teks = f"tahun;pilar;opd;program;Pagu (juta rupiah)\n2025;4;BPBD;A;{sel}\n"
    h = validasi(baca(teks.encode(), "x.csv", "intervensi"), "intervensi", p, "x.csv")
    assert h.diterima, [x.teks for x in h.galat]
    assert float(h.data["pagu"].iloc[0]) == rupiah


def test_lone_three_decimal_cell_under_juta_stays_ambiguous(p: Pencocok):
    teks = "tahun;pilar;opd;program;Pagu (juta rupiah)\n2025;4;BPBD;A;1.250\n"
    h = validasi(baca(teks.encode(), "x.csv", "intervensi"), "intervensi", p, "x.csv")
    assert not h.diterima and "ambigu" in h.galat[0].teks
