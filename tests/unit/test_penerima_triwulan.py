"""Cumulative quarters against an attacker, on random programs: every view a reader can open (the year and each
quarter) with its place cells, program, OPD and pillar totals, plus what "s.d. triwulan" tells them (a later
quarter is never below an earlier one), must leave every hidden count and every small number of new beneficiaries
in a quarter open (:func:`tkpk.intervensi.penerima.lindungi_periode`). Three large programs (two pillars; every
quarter, or yearly) stand for the rest of a real year's reports."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import jumlah_contoh
from tests.penyerang import Penyerang
from tests.unit.test_penerima import baris
from tkpk import sel_kecil
from tkpk.intervensi import penerima

TAHUN = 2024
DESA = ["63.03.01.2001", "63.03.01.2002", "63.03.01.2003", "63.03.01.2004"]
OPD = ["DISPERKIMLH", "PUPRP"]
CONTOH = jumlah_contoh(cepat=10, penuh=150)


@st.composite
def _laporan(draw: st.DrawFn) -> pd.DataFrame:
    """1–2 programs of one pillar (one per OPD, beneficiaries in KK) at 2–4 desa, each reported cumulatively in
    2–3 quarters; counts skewed small so that protection is needed. As in every real year, the kabupaten's total
    per unit is large: other programs report large counts every quarter or once a year."""
    rows = [baris(kode_opd="DISHUB", program="Program DISHUB", triwulan=q, kode_wilayah=k, penerima=float(v + 40 * q),
                  satuan_penerima="KK", capaian_output=math.nan, target_output=math.nan, target_penerima=math.nan)
            for q in (1, 2, 3, 4) for k, v in zip(DESA[:2], (100, 120), strict=True)]
    rows += [baris(kode_opd="DISDUKCAPIL", program="Program DISDUKCAPIL", triwulan=None, kode_wilayah=k,
                   penerima=float(v), satuan_penerima="KK", capaian_output=math.nan, target_output=math.nan,
                   target_penerima=math.nan) for k, v in zip(DESA[:2], (500, 600), strict=True)]
    rows += [baris(pilar=4, kode_opd="DINSOS", program="Program DINSOS", triwulan=q, kode_wilayah=k,
                   penerima=float(v + 40 * q), satuan_penerima="KK", capaian_output=math.nan,
                   target_output=math.nan, target_penerima=math.nan)
             for q in (1, 2, 3, 4) for k, v in zip(DESA[:2], (300, 320), strict=True)]
    for opd in OPD[:draw(st.integers(1, 2))]:
        tw = sorted(draw(st.lists(st.integers(1, 4), min_size=2, max_size=3, unique=True)))
        for k in DESA[:draw(st.integers(2, 4))]:
            v = draw(st.one_of(st.integers(0, 4), st.integers(0, 40)))
            for q in tw:
                rows.append(baris(kode_opd=opd, program=f"Program {opd}", triwulan=q, kode_wilayah=k,
                                  penerima=float(v), satuan_penerima="KK", capaian_output=math.nan,
                                  target_output=math.nan, target_penerima=math.nan))
                v += draw(st.one_of(st.integers(0, 4), st.integers(5, 30)))
    return pd.DataFrame(rows)


def _baca(p: Penyerang, kunci: tuple, status: str, nilai: float) -> bool:
    """One published figure as its label shows it; True when it is hidden."""
    if not status:
        p.tahu(kunci, nilai)
        return False
    p.antara(kunci, *sel_kecil.batas_pembaca(status))
    return True


@pytest.mark.uji_penuh
@settings(max_examples=CONTOH, deadline=None)
@given(_laporan())
def test_no_view_or_difference_of_quarters_gives_a_small_count_back(rows):
    periode = penerima.lindungi_periode(rows, TAHUN)
    p = Penyerang()
    target: list[tuple] = []
    pilar_opd = dict(zip(rows["kode_opd"], rows["pilar"].astype(int), strict=False))
    prog = {opd: (pilar_opd[opd], opd, f"Program {opd}", "unit") for opd in pilar_opd}
    tw = rows.assign(triwulan=rows["triwulan"].fillna(0).astype(int))          # 0: a yearly report
    tw_prog = {opd: sorted(int(q) for q in d["triwulan"].unique()) for opd, d in tw.groupby("kode_opd")}
    nilai = {(opd, k, int(q)): v for opd, k, q, v in tw[["kode_opd", "kode_wilayah", "triwulan", "penerima"]]
             .itertuples(index=False)}
    for view in periode:
        # the quarter each program shows in this view: that quarter, or its latest one (or yearly) in the year's
        q_view = {opd: (view if view in qs else None) if view is not None else qs[-1] for opd, qs in tw_prog.items()}
        lindung = periode[view]
        semua: dict[int, list[tuple]] = {}
        for opd, q in q_view.items():
            if q is None:
                continue
            tempat = sorted(k for (o, k, qq) in nilai if o == opd and qq == q)
            sel = [("x", opd, k, q) for k in tempat]
            for k, s in zip(tempat, sel, strict=True):
                if _baca(p, s, lindung.dari(("sel", prog[opd], k)), nilai[(opd, k, q)]) and 0 < nilai[(opd, k, q)] < 5:
                    target.append(s)
            total = ("T", opd, q)
            p.jumlah(total, sel)
            _baca(p, total, lindung.dari(("prog", prog[opd], penerima.LOKASI)), sum(nilai[(opd, k, q)] for k in tempat))
            opd_total = ("O", view, opd)
            p.jumlah(opd_total, [total])
            _baca(p, opd_total, lindung.dari(("opd", pilar_opd[opd], opd, penerima.KK, penerima.LOKASI)),
                  sum(nilai[(opd, k, q)] for k in tempat))
            semua.setdefault(pilar_opd[opd], []).append(total)
        # each pillar's total per unit, as its label shows it (no page adds beneficiaries across pillars)
        for no, bagian in semua.items():
            pilar = ("P", view, no)
            p.jumlah(pilar, bagian)
            nyata = sum(nilai[(o, k, q)] for (o, k, q) in nilai if q_view.get(o) == q and pilar_opd[o] == no)
            _baca(p, pilar, lindung.dari(("pilar", no, penerima.KK, penerima.LOKASI)), nyata)
    # "s.d. triwulan": a later quarter = an earlier one + the new beneficiaries, never negative
    for (opd, k, q), v in nilai.items():
        qs = tw_prog[opd]
        if q and q != qs[0]:
            qa = qs[qs.index(q) - 1]
            baru = ("baru", opd, k, qa, q)
            p.jumlah(("x", opd, k, q), [("x", opd, k, qa), baru])
            if 0 < v - nilai[(opd, k, qa)] < 5:
                target.append(baru)
    if not target:
        return
    for k in list(p.bawah):   # counts are bounded (by the population): keeps every integer program bounded
        p.antara(k, 0, 1e6)
    pulih = {t: r for t, r in p.rentang(target).items() if r[0] == r[1]}
    laporan = rows[["kode_opd", "kode_wilayah", "triwulan", "penerima"]].values.tolist()
    assert not pulih, f"recovered {pulih} from {laporan}"
