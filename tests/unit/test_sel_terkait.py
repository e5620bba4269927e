"""Linked and nested counts: a figure beside a hidden one must not give it back (the reviewer's findings 3 and
8). ``kk_desil_1`` hidden as "< 5" was recovered from ``jiwa_desil_1`` ÷ persons per KK, and two shown nested
counts (KK desil 1 = 10, KK desil 1–4 = 12) revealed 2 KK in desil 2–4."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.conftest import jumlah_contoh
from tests.penyerang import model_wilayah
from tkpk import katalog, sel_kecil
from tkpk.toko.tahun import lindungi_wilayah

CONTOH = jumlah_contoh(cepat=12, penuh=40)

RHO = 4.19   # the sample's persons per KK in desil 1
KOLOM = ["penduduk", "kk", "jiwa_desil_1_4", "jiwa_desil_1", "kk_desil_1_4", "kk_desil_1"]
BERSARANG = (("kk_desil_1", "kk_desil_1_4"), ("jiwa_desil_1", "jiwa_desil_1_4"))


def _wilayah(kk1: list[int], kk14: list[int]) -> pd.DataFrame:
    """One kecamatan of len(kk1) desa (plus a second, large kecamatan so the kabupaten total is big)."""
    desa = [f"63.03.01.20{i:02d}" for i in range(1, len(kk1) + 1)]
    lain = ["63.03.02.2001", "63.03.02.2002"]
    d = pd.DataFrame({"kode": desa + lain, "tingkat": "desa",
                      "kode_kec": ["63.03.01"] * len(desa) + ["63.03.02"] * 2,
                      "kk_desil_1": [*kk1, 300, 400], "kk_desil_1_4": [*kk14, 1300, 1500]})
    d["jiwa_desil_1"] = (d["kk_desil_1"] * RHO).round().astype(int)
    # desil 2–4 households are smaller (3,9 per KK): jiwa desil 1–4 never falls below jiwa desil 1
    d["jiwa_desil_1_4"] = d["jiwa_desil_1"] + ((d["kk_desil_1_4"] - d["kk_desil_1"]) * 3.9).round().astype(int)
    d["kk"] = d["kk_desil_1_4"] * 3 + 40
    d["penduduk"] = d["kk"] * 4
    k = d.groupby("kode_kec", as_index=False)[KOLOM].sum().rename(columns={"kode_kec": "kode"})
    k = k.assign(tingkat="kecamatan", kode_kec=k["kode"])
    return pd.concat([k, d], ignore_index=True)


def _serang(lebar: pd.DataFrame, rasio: bool = True):
    samar = lindungi_wilayah(lebar)
    kab = {c: lebar.loc[lebar["tingkat"] == "kecamatan", c].sum() for c in KOLOM}
    p = model_wilayah(lebar, samar, KOLOM, kabupaten=kab, rasio={("kk_desil_1", "jiwa_desil_1"): RHO} if rasio
                      else None, bersarang=BERSARANG)
    return samar, p


def test_links_and_nesting_are_defined_once_in_the_catalogue():
    assert ("kk_desil_1", "jiwa_desil_1") in katalog.TERKAIT
    assert ("kk_desil_1_4", "jiwa_desil_1_4") in katalog.TERKAIT
    assert set(BERSARANG) <= set(katalog.BERSARANG)


def test_persons_per_household_do_not_give_a_hidden_kk_back():
    # desa 1 has 3 KK in desil 1 (hidden "< 5"); its 13 jiwa desil 1 ÷ 4,19 would say 3 again
    lebar = _wilayah([3, 20, 30, 45], [40, 80, 90, 120])
    samar, p = _serang(lebar)
    s = samar.set_index("kode")
    assert s.loc["63.03.01.2001", "kk_desil_1"] == sel_kecil.KECIL
    assert s.loc["63.03.01.2001", "jiwa_desil_1"] != ""          # protected together
    assert s.loc["63.03.01.2001", "persen_jiwa_desil_1"] != ""
    tersembunyi = [(c, k) for c in KOLOM for k, v in zip(samar["kode"], samar[c], strict=True)
                   if v in (sel_kecil.KECIL, sel_kecil.PELENGKAP)]
    r = p.rentang(tersembunyi)
    assert r[("kk_desil_1", "63.03.01.2001")] == (1, 4)
    assert not {k: x for k, x in r.items() if x[0] == x[1]}


def test_nested_counts_do_not_reveal_a_small_difference():
    # KK desil 1 = 10 and KK desil 1–4 = 12 at desa 1: 2 KK in desil 2–4
    lebar = _wilayah([10, 20, 30, 45], [12, 80, 90, 120])
    _samar, p = _serang(lebar, rasio=False)
    sisa = ("sisa", "kk_desil_1", "kk_desil_1_4", "63.03.01.2001")
    lo, hi = p.rentang([sisa])[sisa]
    assert lo <= 1 and hi >= 4, (lo, hi)


@st.composite
def _tabel(draw):
    n = draw(st.integers(1, 5))
    kk1 = [draw(st.one_of(st.integers(0, 4), st.integers(0, 40))) for _ in range(n)]
    kk14 = [a + draw(st.one_of(st.integers(0, 4), st.integers(5, 60))) for a in kk1]
    return _wilayah(kk1, kk14)


def _rentang_kecil(lebar: pd.DataFrame, kolom: str, kode: str) -> tuple[float, float]:
    """Protect ``lebar``; the cell must read "< 5", and the attacker's smallest and largest value for it."""
    samar, p = _serang(lebar)
    assert samar.set_index("kode").loc[kode, kolom] == sel_kecil.KECIL
    return p.rentang([(kolom, kode)])[(kolom, kode)]


def _kecamatan_tampil(lebar: pd.DataFrame, samar: pd.DataFrame) -> None:
    kec = samar[lebar["tingkat"].eq("kecamatan").to_numpy()]
    assert (kec[KOLOM] == "").all().all(), kec


def test_nested_sums_over_several_hidden_places_do_not_pin_a_small_count():
    # Hypothesis's counterexample. KK desil 1 = 1, 4, 4 and KK desil 1–4 = 1, 4, 9 at desa 1–3 (kecamatan 9 and
    # 14, shown). With desa 3's 9 KK desil 1–4 shown, desa 1 and 2 hold 14 − 9 = 5 KK desil 1–4 together, so at
    # most 5 KK desil 1 (a part never exceeds its whole) and desa 3 at least 9 − 5 = 4: its "< 5" read 4 exactly.
    # Summed over places the differences add up too (desil 2–4 of the kecamatan = 14 − 9 = 5 = Σ its desa's).
    assert _rentang_kecil(_wilayah([1, 4, 4], [1, 4, 9]), "kk_desil_1", "63.03.01.2003") == (1, 4)


def test_differences_summed_over_a_kecamatan_do_not_pin_a_small_count():
    # Hypothesis's counterexample in CI (2026-12-02). KK desil 1 = 0, 1, 0, 4, 0 and KK desil 1–4 = 0, 1, 5, 4, 1
    # at desa 1–5; kecamatan 5 and 11, shown. Desa 5's KK desil 1–4 is hidden "< 5" beside its shown KK desil 1 of
    # 0, so its desil 2–4 is that same count. The kecamatan's desil 2–4 is 11 − 5 = 6; desa 3 holds 5 of it
    # (both its counts shown), desa 1 none, so desa 2, 4 and 5 hold 1 together: desa 5's "< 5" read 1 exactly.
    # Only virtual cells were left in that sum, so there was nothing to hide in it: the remedy is a level up, a
    # shown count the kecamatan's difference is read off.
    assert _rentang_kecil(_wilayah([0, 1, 0, 4, 0], [0, 1, 5, 4, 1]), "kk_desil_1_4", "63.03.01.2005") == (1, 4)


def test_a_difference_read_off_shown_counts_is_known_to_the_reader():
    # A wider search (2026-12-02). KK desil 1 = 0, 4, 0, 4, 1, 0, 0 and KK desil 1–4 = 5, 9, 5, 4, 1, 0, 5 at
    # desa 1–7. Desil 2–4 is shown-minus-shown at desa 1, 3, 6 and 7 (5, 5, 0, 5) and 9 − "< 5" at desa 2: 5 to
    # 8. The kecamatan's desil 2–4 is 29 − 9 = 20, so desa 2, 4 and 5 hold 5 of it: desa 2's at most 5, so its
    # KK desil 1 (9 − that) at least 4, and its "< 5" read 4 exactly. The protection counted a difference as
    # merely not negative, even where both counts it is read off are shown.
    lebar = _wilayah([0, 4, 0, 4, 1, 0, 0], [5, 9, 5, 4, 1, 0, 5])
    assert _rentang_kecil(lebar, "kk_desil_1", "63.03.01.2002") == (1, 4)


def test_a_small_difference_in_a_large_kecamatan_is_protected_at_the_desa():
    # The review's first table: desa 3 has 4 KK in desil 2–4 (84 − 80) among desa of hundreds. Complements at the
    # desa protect it, as they did before the level-up rule; that rule ran first and hid both kecamatan whole.
    lebar = _wilayah([120, 0, 80, 220, 150], [120, 220, 84, 220, 150])
    samar, p = _serang(lebar)
    _kecamatan_tampil(lebar, samar)
    sisa = ("sisa", "kk_desil_1", "kk_desil_1_4", "63.03.01.2003")
    lo, hi = p.rentang([sisa])[sisa]
    assert lo < hi


# The review's table (2026-12-02): four kecamatan of hundreds of KK, with two tiny desa (2 and 6 KK) whose KK desil
# 1–4 are "< 5". kode, penduduk, kk, jiwa desil 1–4, jiwa desil 1, KK desil 1–4, KK desil 1.
_KECIL_DI_BESAR = """63.03.01 28331 7444 9892 4236 2461 1011
63.03.02 37760 9806 18358 8163 4562 1948
63.03.03 7682 1973 5444 1559 1368 372
63.03.04 28723 7200 11123 2933 2800 700
63.03.01.2001 6396 1707 1016 427 253 102
63.03.01.2002 8 2 4 0 1 0
63.03.01.2003 4383 1136 2329 909 581 217
63.03.01.2004 3924 1010 1908 1358 465 324
63.03.01.2005 4945 1305 1733 427 437 102
63.03.01.2006 3459 908 1394 415 350 99
63.03.01.2007 5193 1370 1500 700 372 167
63.03.01.2008 23 6 8 0 2 0
63.03.02.2001 8211 2142 3471 1622 861 387
63.03.02.2002 6026 1590 1553 976 381 233
63.03.02.2003 4875 1264 2241 1278 552 305
63.03.02.2004 5558 1441 2776 1278 689 305
63.03.02.2005 8060 2094 3975 1647 990 393
63.03.02.2006 5030 1275 4342 1362 1089 325
63.03.03.2001 3360 849 2683 1236 666 295
63.03.03.2002 4322 1124 2761 323 702 77
63.03.04.2001 11957 3000 5157 1257 1300 300
63.03.04.2002 16766 4200 5966 1676 1500 400"""


def test_tiny_desa_do_not_hide_the_kecamatan_figures():
    # KK minus KK desil 1–4 of a desa of 2 KK, both "< 5", is at most 3 by the labels alone: demanding that the
    # kecamatan's sum of such differences keep 1–4 open for it could never be met, and hiding the counts that sum
    # is read off then spread to every kecamatan's KK and penduduk. Nothing needed it: no small count is pinned.
    baris = [b.split() for b in _KECIL_DI_BESAR.splitlines()]
    lebar = pd.DataFrame([[b[0], *map(int, b[1:])] for b in baris], columns=["kode", *KOLOM])
    lebar["tingkat"] = ["kecamatan" if len(k) == 8 else "desa" for k in lebar["kode"]]
    lebar["kode_kec"] = lebar["kode"].str[:8]
    samar, p = _serang(lebar, rasio=False)
    _kecamatan_tampil(lebar, samar)
    assert samar.set_index("kode").loc["63.03.01.2002", "kk_desil_1_4"] == sel_kecil.KECIL
    target = [(c, k) for c in KOLOM for k, v in zip(samar["kode"], samar[c], strict=True) if v == sel_kecil.KECIL]
    assert target and all(lo < hi for lo, hi in p.rentang(target).values())


@pytest.mark.uji_penuh
@settings(max_examples=CONTOH, deadline=None)
@given(_tabel())
@example(_wilayah([1, 4, 4], [1, 4, 9]))   # the counterexample above, replayed on every run
@example(_wilayah([0, 1, 0, 4, 0], [0, 1, 5, 4, 1]))   # and the one CI found
@example(_wilayah([0, 4, 0, 4, 1, 0, 0], [5, 9, 5, 4, 1, 0, 5]))   # and the wider search's
def test_random_tables_with_links_and_nesting_leave_every_small_count_open(lebar):
    samar, p = _serang(lebar)
    target = [(c, k) for c in KOLOM for k, v in zip(samar["kode"], samar[c], strict=True) if v == sel_kecil.KECIL]
    sisa = []
    for bagian, utuh in BERSARANG:
        for k, a, b in zip(lebar["kode"], lebar[bagian], lebar[utuh], strict=True):
            if 0 < b - a < 5:
                sisa.append(("sisa", bagian, utuh, k))
    r = p.rentang(target + sisa)
    for k, (lo, hi) in r.items():
        assert lo < hi, f"{k} recovered ({lo})"
