"""Small-cell protection on hand-made groups and on random two-level trees, checked by an attacker that solves
integer programs over everything shown."""

from __future__ import annotations

import math

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.penyerang import Penyerang
from tkpk import sel_kecil
from tkpk.sel_kecil import KECIL, PELENGKAP, Kelompok, lindungi
from tkpk.toko.tahun import lindungi_wilayah


def _serang(nilai: dict, kelompok: list[Kelompok], status: dict) -> Penyerang:
    """Everything a reader sees: shown cells exactly, hidden ones by their label, every group's sum."""
    p = Penyerang()
    for k, v in nilai.items():
        if k in status:
            p.antara(k, *sel_kecil.batas_pembaca(status[k]))
        else:
            p.tahu(k, v)
    for g in kelompok:
        total = sum(nilai[b] for b in g.bagian) if g.total is None else g.total
        p.jumlah(total, g.bagian)
    return p


def test_small_counts_are_hidden_zeros_and_large_ones_shown():
    nilai = {"kec": 123, "a": 3, "b": 0, "c": 60, "d": 60}
    status = lindungi(nilai, [Kelompok("kec", ("a", "b", "c", "d"))], dilindungi=["a", "b", "c", "d"])
    assert status["a"] == KECIL and "b" not in status
    # one hidden part alone would be total minus the others: a complement is hidden too
    assert list(status.values()).count(PELENGKAP) == 1 and "kec" not in status


def test_complement_is_the_smallest_part_of_at_least_eight():
    nilai = {"kec": 3 + 6 + 9 + 40, "a": 3, "b": 6, "c": 9, "d": 40}
    status = lindungi(nilai, [Kelompok("kec", ("a", "b", "c", "d"))], dilindungi=list("abcd"))
    assert status == {"a": KECIL, "c": PELENGKAP}
    r = _serang(nilai, [Kelompok("kec", ("a", "b", "c", "d"))], status).rentang(["a", "c"])
    assert r["a"] == (1, 4)               # the reader still knows only "1 to 4"
    assert r["c"][1] - r["c"][0] >= 1


def test_when_parts_run_out_the_total_is_hidden_and_protected_one_level_up():
    # kecamatan K has one desa of 2 and one of 0: K = 2 itself is small; the kabupaten total is known
    nilai = {"K": 2, "K1": 2, "K2": 0, "L": 50, "L1": 20, "L2": 30, "M": 70, "M1": 70}
    kelompok = [Kelompok(None, ("K", "L", "M")), Kelompok("K", ("K1", "K2")), Kelompok("L", ("L1", "L2")),
                Kelompok("M", ("M1",))]
    status = lindungi(nilai, kelompok, dilindungi=list(nilai))
    assert status["K"] == KECIL and status["K1"] == KECIL
    r = _serang(nilai, kelompok, status).rentang([k for k, s in status.items() if s == KECIL])
    assert all(lo < hi for lo, hi in r.values()), r


def test_texts():
    assert sel_kecil.teks(KECIL, 3, "KK") == "< 5 KK"
    assert sel_kecil.teks(PELENGKAP, 12, "KK") == "disamarkan"
    assert sel_kecil.teks(None, 1234, "jiwa") == "1.234 jiwa"
    assert sel_kecil.teks(None, math.nan) == "–"


@st.composite
def _pohon(draw):
    """A kabupaten of 2–5 kecamatan with 1–6 desa each; counts skewed small so that protection is needed. As in
    every real register, the kabupaten's own total (assumed public) is large: one kecamatan has large desa."""
    nilai, kelompok, kec = {}, [], []
    for i in range(draw(st.integers(2, 5))):
        desa = [f"D{i}.{j}" for j in range(draw(st.integers(1, 6)))]
        for d in desa:
            nilai[d] = draw(st.integers(20, 200)) if i == 0 else draw(st.one_of(st.integers(0, 4),
                                                                                  st.integers(0, 30)))
        nilai[f"K{i}"] = sum(nilai[d] for d in desa)
        kelompok.append(Kelompok(f"K{i}", tuple(desa)))
        kec.append(f"K{i}")
    kelompok.insert(0, Kelompok(None, tuple(kec)))
    return nilai, kelompok


@settings(max_examples=80, deadline=None)
@given(_pohon())
def test_no_hidden_count_can_be_recovered_from_totals(pohon):
    nilai, kelompok = pohon
    status = lindungi(nilai, kelompok, dilindungi=list(nilai))
    # a small count reads "< 5", except a total whose parts already add up to 4 (it would pin them): "disamarkan"
    assert all(s in (KECIL, sel_kecil.TERKAIT) for k, s in status.items() if 0 < nilai[k] < 5)
    assert all(k in status for k, v in nilai.items() if 0 < v < 5)   # every small count is hidden
    if not status:
        return
    r = _serang(nilai, kelompok, status).rentang(list(status))
    for k, (lo, hi) in r.items():
        assert lo <= nilai[k] <= hi
        assert hi > lo, f"{k} = {nilai[k]} recovered from {status} in {nilai}"


def test_region_table_protection_hides_shares_of_hidden_counts():
    lebar = pd.DataFrame({
        "kode": ["63.03.01", "63.03.01.2001", "63.03.01.2002", "63.03.01.2003"],
        "tingkat": ["kecamatan", "desa", "desa", "desa"],
        "kode_kec": ["63.03.01", "63.03.01", "63.03.01", "63.03.01"],
        "rtlh": [3 + 12 + 40, 3, 12, 40], "kk": [900, 300, 300, 300],
    })
    s = lindungi_wilayah(lebar).set_index("kode")
    assert s.loc["63.03.01.2001", "rtlh"] == KECIL and s.loc["63.03.01.2002", "rtlh"] == PELENGKAP
    assert s.loc["63.03.01.2001", "persen_rtlh"] == sel_kecil.TURUNAN
    assert s.loc["63.03.01.2002", "persen_rtlh"] == sel_kecil.TURUNAN   # ×KK would give the complement back
    assert s.loc["63.03.01.2003", "rtlh"] == "" and s.loc["63.03.01", "rtlh"] == ""
    assert (s["kk"] == "").all()
