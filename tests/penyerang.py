"""The attacker of the small-cell tests: what can a reader work out about hidden counts from what is published?

Knowledge is written as facts about unknown integer cells:

- exact values (a number shown somewhere), bounds ("< 5" → 1–4, "disamarkan" → at least 5 for a count),
- linear equalities (a total equals the sum of its parts),
- linear inequalities (a share shown with two decimals times its denominator, a range "40 KK + 1 lokasi").

:meth:`Penyerang.rentang` solves two integer programs per hidden cell (scipy's HiGHS MILP): the smallest and the
largest value consistent with everything. A count is recovered when the two are equal.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp


@dataclass
class Penyerang:
    bawah: dict[Hashable, float] = field(default_factory=dict)
    atas: dict[Hashable, float] = field(default_factory=dict)
    persamaan: list[tuple[dict[Hashable, float], float, float]] = field(default_factory=list)

    def _batas(self, k: Hashable, lo: float, hi: float) -> None:
        self.bawah[k] = max(self.bawah.get(k, 0.0), lo)
        self.atas[k] = min(self.atas.get(k, math.inf), hi)

    def tahu(self, k: Hashable, nilai: float) -> None:
        """A value shown exactly."""
        self._batas(k, nilai, nilai)

    def antara(self, k: Hashable, lo: float, hi: float = math.inf) -> None:
        """Bounds read from a label ("< 5": 1–4; "disamarkan": at least 5)."""
        self._batas(k, lo, hi)

    def jumlah(self, total: Hashable | float, bagian: Iterable[Hashable]) -> None:
        """total = Σ parts (``total`` a cell or a known number)."""
        koef: dict[Hashable, float] = {}
        for b in bagian:
            koef[b] = koef.get(b, 0.0) + 1.0
        kanan = 0.0
        if isinstance(total, (int, float)) and not isinstance(total, bool):
            kanan = float(total)
        else:
            koef[total] = koef.get(total, 0.0) - 1.0
            self._batas(total, 0.0, math.inf)
        for b in koef:
            self._batas(b, 0.0, math.inf)
        self.persamaan.append((koef, kanan, kanan))

    def linear(self, koef: Mapping[Hashable, float], lo: float, hi: float) -> None:
        """lo ≤ Σ koef·x ≤ hi."""
        for b in koef:
            self._batas(b, 0.0, math.inf)
        self.persamaan.append((dict(koef), lo, hi))

    def persen(self, pembilang: Hashable, penyebut: float, teks_persen: float, desimal: int = 2) -> None:
        """A share shown rounded: 100·x/penyebut lies within half a unit of the last decimal."""
        e = 0.5 * 10 ** (-desimal) + 1e-9
        self.linear({pembilang: 100.0 / penyebut}, teks_persen - e, teks_persen + e)

    def rentang(self, target: Iterable[Hashable]) -> dict[Hashable, tuple[float, float]]:
        """Smallest and largest feasible value of each target cell."""
        kunci = sorted(set(self.bawah) | set(self.atas), key=repr)
        indeks = {k: i for i, k in enumerate(kunci)}
        lo = np.array([self.bawah.get(k, 0.0) for k in kunci])
        hi = np.array([self.atas.get(k, math.inf) for k in kunci])
        kendala = []
        if self.persamaan:
            a = np.zeros((len(self.persamaan), len(kunci)))
            kiri, kanan = np.zeros(len(self.persamaan)), np.zeros(len(self.persamaan))
            for r, (koef, b_lo, b_hi) in enumerate(self.persamaan):
                for k, v in koef.items():
                    a[r, indeks[k]] += v
                kiri[r], kanan[r] = b_lo, b_hi
            kendala.append(LinearConstraint(a, kiri, kanan))
        bulat = np.ones(len(kunci))
        out = {}
        for t in target:
            c = np.zeros(len(kunci))
            c[indeks[t]] = 1.0
            ujung = []
            for arah in (1.0, -1.0):
                r = milp(arah * c, constraints=kendala, integrality=bulat, bounds=Bounds(lo, hi))
                if r.status == 3:  # unbounded above
                    ujung.append(math.inf)
                    continue
                assert r.success, f"model tidak layak: {r.message}"
                ujung.append(arah * r.fun)
            out[t] = (round(ujung[0], 6), round(ujung[1], 6))
        return out


def model_wilayah(lebar, samar, kolom, *, kabupaten: dict | None = None, rasio: dict | None = None,
                  bersarang: tuple = ()) -> Penyerang:
    """What a reader of a protected region table knows, as facts on cells ``(indikator, kode)``.

    ``lebar`` holds the true counts (``kode``, ``tingkat``, ``kode_kec`` and one column per indicator), ``samar``
    the status of each cell ("" = shown). Facts: shown cells exactly; "< 5" as 1–4; any other hidden count as at
    least 1 (zeros are always shown) and, for a complement, at least 5; a kecamatan is the sum of its desa and the
    kabupaten (``kabupaten``: true totals, assumed public) the sum of its kecamatan. ``rasio`` {(kk, jiwa): ρ}: the
    register's persons per household, which a reader learns from the shown places: at a desa
    ``ρ(kk − ½) ≤ jiwa ≤ ρ(kk + ½)`` (jiwa rounded to KK). ``bersarang`` ((part, whole), ...): a nested count; the
    difference ``("sisa", part, whole, kode)`` is a cell of its own (desil 2–4), never negative.
    """
    from tkpk import sel_kecil

    p = Penyerang()
    kode = lebar["kode"].tolist()
    kec = lebar.loc[lebar["tingkat"] == "kecamatan", "kode"].tolist()
    nilai = lebar.set_index("kode")
    status = samar.set_index("kode")
    for c in kolom:
        for k in kode:
            v, s = float(nilai.loc[k, c]), status.loc[k, c]
            if s == sel_kecil.KECIL:
                p.antara((c, k), 1, 4)
            elif s == sel_kecil.PELENGKAP:
                p.antara((c, k), 5)
            elif s:
                p.antara((c, k), 1)
            else:
                p.tahu((c, k), v)
        for K in kec:
            p.jumlah((c, K), [(c, d) for d in lebar.loc[(lebar["kode_kec"] == K) & (lebar["kode"] != K), "kode"]])
        if kabupaten is not None:
            p.jumlah(float(kabupaten[c]), [(c, K) for K in kec])
    for (kk, jiwa), rho in (rasio or {}).items():
        for k in lebar.loc[lebar["tingkat"] != "kecamatan", "kode"]:
            # jiwa − ρ·kk within ±ρ/2
            p.linear({(jiwa, k): 1.0, (kk, k): -rho}, -rho / 2 - 1e-9, rho / 2 + 1e-9)
    for bagian, utuh in bersarang:
        for k in kode:
            p.jumlah((utuh, k), [(bagian, k), ("sisa", bagian, utuh, k)])
    return p
