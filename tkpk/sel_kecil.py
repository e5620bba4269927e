"""Small-cell protection: counts 1–4 of people or households hidden, with complementary cells so that no total
minus its shown parts gives a hidden one back. Pure functions; the data layer calls them once per year
(:mod:`tkpk.toko.tahun`) and per reporting period (:mod:`tkpk.intervensi.penerima`), before anything is drawn or
written.

Why this shape:

- a hidden count is only hidden if no published sum betrays it. A kecamatan figure is the sum of its desa, the
  kabupaten of its kecamatan, a program's beneficiaries the sum of its places; so the rule works on *groups*
  (a total and its parts) and hides a second, *complementary* cell in every group that would otherwise leave one
  unknown;
- what a reader may infer is written down: a primary cell shows "< 5" (the reader knows 1–4), a complementary
  one shows "disamarkan" (the reader may guess it is at least 5). A group is safe when, with those bounds and the
  shown total, every primary cell can still be anything from 1 to 4 and every complementary cell can still take
  at least two values (:func:`_aman`). Complementary cells are chosen among the group's shown parts: the
  smallest of at least 8 (which alone keeps a primary cell's full range), else the largest; when the parts run
  out, the group's total is hidden too and the same check moves one level up;
- zeros stay visible (0 households is not a person to protect) and are never picked as complements (showing a
  hidden 0 as "at least 5" would be false);
- deterministic: ties are broken by the cell's key, so the same data hide the same cells on every screen;
- a figure beside a hidden one may give it back without any sum: persons per household turn a shown
  ``jiwa_desil_1`` into the hidden ``kk_desil_1``, outputs per beneficiary turn a shown output into its hidden
  beneficiaries. Such cells are *linked* (``terkait``): hidden together, the partner labelled by its own value
  (or :data:`TERKAIT`, "disamarkan" with no bound, where it is not itself a protected count);
- a difference nobody publishes can still be read off two published figures: KK in desil 2–4 = desil 1–4 minus
  desil 1, new beneficiaries of a quarter = this quarter's cumulative count minus the last one. Such a difference
  is a *virtual* cell (``turunan``): a part of the group "whole = part + difference", protected when it is 1–4,
  but never shown, never hidden on its own and never chosen as a complement (hiding it would hide nothing); a
  reader knows it within the bounds of the two figures it is read off (exactly where both are shown), and that
  it is not negative;
- differences add up like the counts they come from: desil 2–4 of a kecamatan is the sum of its desa's. So a
  virtual cell may be the *total* of virtual parts; a reader knows it as well as the two figures it is read off
  (its defining group "whole = part + difference": the whole's bounds minus the part's). Without that sum, KK
  desil 1–4 shown at the kecamatan and at one desa put a ceiling on KK desil 1 of the other desa *together*, and
  the kecamatan's KK desil 1 turned that ceiling into an exact "< 5" (:func:`lindungi`, the bounds of a part).
  Such a sum of differences has no shown part to hide: where it still pins a small one once the other rules have
  done all they can, the remedy is the level up, one of the shown counts its differences are read off (a desa's
  before the kecamatan's, one at a time), after which the sum is known only within bounds.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from tkpk import fmt

__all__ = ["AMBANG", "KECIL", "LABEL_KELAS", "PELENGKAP", "TERKAIT", "TURUNAN", "Kelompok", "batas_pembaca",
           "lepas_batas", "lindungi", "teks"]

AMBANG = fmt.AMBANG_SEL_KECIL      # counts below this (and above 0) are hidden
KECIL = "kecil"                    # a count of 1–4: shown "< 5"
PELENGKAP = "pelengkap"            # a larger count hidden so that a total cannot reveal a small one
TURUNAN = "turunan"                # a share (or ratio) computed from a hidden count
TERKAIT = "terkait"                # hidden with a linked cell (an output beside hidden beneficiaries): no bound shown
_TAK_TERBIT = "tak terbit"         # a virtual cell of 5 or more: never published, so nothing to protect
LABEL_KELAS = "disamarkan (sel kecil)"
TEKS_SAMAR = "disamarkan"
_PELENGKAP_MIN = 8                 # a complement of at least 8 keeps 1–4 open for one primary cell (p + c ≥ 9)
_JUMLAH_CEPAT = True               # running group sums where exact; False sums part by part (tests compare the two)


@dataclass(frozen=True)
class Kelompok:
    """A published sum: ``total`` = Σ ``bagian``. ``total`` None = a sum anyone may know (the kabupaten's
    register total, a grand total): never hidden, always assumed known."""

    total: Hashable | None
    bagian: tuple[Hashable, ...]


def teks(status: str | None, nilai: float | None, satuan: str = "", desimal: int = 0) -> str:
    """What a reader sees for one cell: the value, "< 5" or "disamarkan"."""
    if status == KECIL:
        return f"< {AMBANG} {satuan}".strip()
    if status in (PELENGKAP, TURUNAN, TERKAIT):
        return TEKS_SAMAR
    if nilai is None or (isinstance(nilai, float) and math.isnan(nilai)):
        return fmt.TIDAK_ADA
    return f"{fmt.angka(nilai, desimal)} {satuan}".strip()


def batas_pembaca(status: str) -> tuple[float, float]:
    """The bounds a reader can put on a hidden count from its label alone ("disamarkan" beside a hidden count:
    only that it is not zero, since zeros are always shown)."""
    if status == KECIL:
        return 1.0, AMBANG - 1.0
    if status in (TERKAIT, TURUNAN):
        return 1.0, math.inf
    return float(AMBANG), math.inf


def lepas_batas(status: dict[Hashable, str], pasangan: Sequence[tuple[Hashable, Hashable]]) -> dict[Hashable, str]:
    """``status`` with the "< 5" of the finer cell of each hidden linked pair (``(kasar, halus)``: KK and jiwa,
    an output and its beneficiaries at more than one per output) read as "disamarkan": jiwa "< 5" beside KK "< 5"
    would pin the KK at 1 (4,19 persons per KK), four beneficiaries per house beside "< 5" at 4. The reader then
    knows less than the protection assumed, never more."""
    out = dict(status)
    for kasar, halus in pasangan:
        if kasar in out and out.get(halus) == KECIL:
            out[halus] = TERKAIT
    return out


def _label(v: float) -> str:
    return KECIL if 0 < v < AMBANG else PELENGKAP


def _ada(v: float | None) -> bool:
    return v is not None and not (isinstance(v, float) and math.isnan(v))


def _aman(tersembunyi: Sequence[tuple[str, float, float, float]],
          jumlah: tuple[float, float] | None = None) -> bool:
    """With the group's total shown: can every hidden part still take the values its label allows?

    ``tersembunyi``: (status, true value, lower, upper bound a reader can derive) of each hidden part. The reader
    knows their sum S (total minus the shown parts) and each part's bounds; for part i the feasible range is
    [S − Σ other upper bounds, S − Σ other lower bounds] clipped to its own bounds. A small count must keep 1–4
    open, any other hidden cell two values; a virtual cell of 5 or more needs nothing. ``jumlah``: what the reader
    knows of S where it is not exact (a virtual total read off hidden counts), as (lower, upper).
    """
    s = sum(v for _, v, _, _ in tersembunyi)
    s_lo, s_hi = jumlah if jumlah is not None else (s, s)
    # Σ of the other parts' bounds as the whole sum minus the part's own (linear, not quadratic, in the group's
    # size), where that is exact: whole-number bounds; otherwise summed part by part.
    cepat = _JUMLAH_CEPAT and all(_bulat(b) and (math.isinf(a) or _bulat(a)) for _, _, b, a in tersembunyi)
    semua_bawah = sum(b for _, _, b, _ in tersembunyi)
    atas_terhingga = sum(a for _, _, _, a in tersembunyi if not math.isinf(a))
    tak_hingga = sum(1 for _, _, _, a in tersembunyi if math.isinf(a))
    for i, (st, _, bawah_i, atas_i) in enumerate(tersembunyi):
        if st == _TAK_TERBIT:
            continue
        if cepat:
            lain_bawah = semua_bawah - bawah_i
            lain_tak_hingga = tak_hingga - math.isinf(atas_i)
            # a part without a ceiling is not in the finite sum: nothing of it to take away
            lain_atas = math.inf if lain_tak_hingga else atas_terhingga - (0.0 if math.isinf(atas_i) else atas_i)
        else:
            lain_bawah = sum(b for j, (_, _, b, _) in enumerate(tersembunyi) if j != i)
            lain_atas = sum(a for j, (_, _, _, a) in enumerate(tersembunyi) if j != i)  # inf with a complement
        lo = max(bawah_i, s_lo - lain_atas)
        hi = min(atas_i, s_hi - lain_bawah)
        if st == KECIL:
            if lo > 1 or hi < AMBANG - 1:
                return False
        elif hi - lo < 1:
            return False
    return True


def _bulat(v: float) -> bool:
    """A whole number small enough that float sums of such numbers are exact."""
    return float(v).is_integer() and abs(v) < 2.0 ** 50


def _geser(jumlah: list[float], batas: tuple[float, float], arah: int) -> None:
    """Add (``arah`` 1) or take away (-1) one part's bounds from a group's running sums."""
    jumlah[0] += arah * batas[0]
    if math.isinf(batas[1]):
        jumlah[2] += arah
    else:
        jumlah[1] += arah * batas[1]


def _pilih(kandidat: list[tuple[Hashable, float]]) -> Hashable | None:
    """The complement: the smallest part of at least 8, else the largest one (zeros are never candidates)."""
    if not kandidat:
        return None
    besar = [(v, repr(k), k) for k, v in kandidat if v >= _PELENGKAP_MIN]
    if besar:
        return min(besar)[2]
    return max((v, repr(k), k) for k, v in kandidat)[2]


def lindungi(nilai: Mapping[Hashable, float], kelompok: Sequence[Kelompok],
             dilindungi: Collection[Hashable], *, terkait: Sequence[Sequence[Hashable]] = (),
             turunan: Collection[Hashable] = ()) -> dict[Hashable, str]:
    """Which cells to hide, and how: ``{key: KECIL | PELENGKAP | TERKAIT}`` for hidden cells only.

    Parameters
    ----------
    nilai : mapping
        True value of every cell and every total that appears in ``kelompok`` (NaN = no figure: never hidden,
        never used as a complement, and it leaves the group's sum open, which only helps).
    kelompok : sequence of Kelompok
        Every published sum. A cell may be a part of one group and the total of others (a kecamatan; a count that
        is the sum of a nested count and its difference).
    dilindungi : collection
        Cells whose small values are primary suppressions (desa and kecamatan counts). Totals outside it are
        hidden only as complements, and then labelled "< 5" when they are small.
    terkait : sequence of key tuples
        Cells hidden together: when one is hidden, so are the others (zeros and missing values excepted); a
        partner that is a protected count gets its own label, any other :data:`TERKAIT`.
    turunan : collection
        Virtual cells (a difference of two published figures, see the module docstring): protected when small
        and in ``dilindungi``, never in the result. A virtual cell may be the total of a group whose parts are all
        virtual (the differences of its places); it is never hidden, so the group is checked as if its total were
        shown, and a part's ceiling comes from the total's bounds read off its own defining group.
    """
    maya = frozenset(turunan)
    lindung = frozenset(dilindungi)
    status: dict[Hashable, str] = {k: KECIL for k in lindung if _ada(nilai.get(k)) and 0 < nilai[k] < AMBANG}
    status.update({k: _TAK_TERBIT for k in maya if k not in status and _ada(nilai.get(k))})
    anak: dict[Hashable, list[Kelompok]] = {}
    for g in kelompok:
        if g.total is not None:
            if g.total in maya and any(b not in maya for b in g.bagian):
                raise ValueError(f"sel maya {g.total!r} hanya boleh menjadi total sel maya")
            anak.setdefault(g.total, []).append(g)
    induk: dict[Hashable, list[Kelompok]] = {}
    for g in kelompok:
        for b in g.bagian:
            induk.setdefault(b, []).append(g)
    pasangan = [tuple(t) for t in terkait]

    # A virtual cell is read off the counts of its defining group ("whole = part + it"): a reader knows it within
    # their labels' bounds, exactly where both are shown. Counted as "not negative" only, a desa's desil 2–4 of
    # 9 − "< 5" let the kecamatan's sum of differences pin that "< 5" at 4 (property test, 2026-12-02).
    definisi: dict[Hashable, list[Kelompok]] = {}
    pembentuk: dict[Hashable, set[Hashable]] = {}   # a count -> the virtual cells read off it
    for g in kelompok:
        if g.total is None or g.total in maya:
            continue
        for b in g.bagian:
            if b in maya and all(x not in maya for x in g.bagian if x != b):
                definisi.setdefault(b, []).append(g)
                for x in (g.total, *g.bagian):
                    if x != b:
                        pembentuk.setdefault(x, set()).add(b)

    def label_nyata(k: Hashable) -> tuple[float, float]:
        return (nilai[k], nilai[k]) if k not in status else batas_pembaca(status[k])

    def dari_utuh(k: Hashable, grup: Iterable[Kelompok],
                  tahu: Callable[[Hashable], tuple[float, float]]) -> tuple[float, float]:
        """A virtual cell's bounds from the groups ``grup`` it is read off: the whole minus the other parts, each
        as ``tahu`` knows it (its label, or all a reader can derive); not negative."""
        lo, hi = 0.0, math.inf
        for g in grup:
            if not _ada(nilai.get(g.total)):
                continue
            t_lo, t_hi = tahu(g.total)
            lain_ = [tahu(b) for b in g.bagian if b != k and _ada(nilai.get(b))]
            lo = max(lo, t_lo - sum(y for _, y in lain_))
            hi = min(hi, t_hi - sum(x for x, _ in lain_))
        return lo, hi

    def batas_label(k: Hashable) -> tuple[float, float]:
        if k not in status:
            return nilai[k], nilai[k]
        return dari_utuh(k, definisi.get(k, ()), label_nyata) if k in maya else batas_pembaca(status[k])

    # "The other parts" of a group are asked for once per part and per change of ``status``; summing them each time
    # was quadratic in a group's size (a period of ~9.000 cells took seconds). Each group keeps the sums of its
    # parts' label bounds instead, updated when a part's label changes (``tetapkan``). Only where that is exact:
    # every part a whole number (a count), so float sums of them are exact; other groups sum as before.
    unik = {id(g): g for g in kelompok}
    total_terbuka = {i: sum(nilai[b] for b in g.bagian if _ada(nilai.get(b)))
                     for i, g in unik.items() if g.total is None}
    punya_nilai = {i: [b for b in g.bagian if _ada(nilai.get(b))] for i, g in unik.items()}
    jumlah: dict[int, list[float]] = {}     # id(group) -> [Σ lower, Σ finite upper, number of infinite uppers]
    for i, g in unik.items():
        if _JUMLAH_CEPAT and len(set(g.bagian)) == len(g.bagian) and all(_bulat(nilai[b]) for b in punya_nilai[i]):
            jumlah[i] = [0.0, 0.0, 0]
            for b in punya_nilai[i]:
                _geser(jumlah[i], batas_label(b), 1)

    def lain(g: Kelompok, k: Hashable) -> tuple[float, float]:
        """Σ lower and Σ upper label bounds of the parts of ``g`` other than ``k`` (shown parts: exact)."""
        j = jumlah.get(id(g))
        if j is None:
            sisa = [batas_label(b) for b in g.bagian if b != k and _ada(nilai.get(b))]
            return sum(x for x, _ in sisa), sum(y for _, y in sisa)
        s_lo, s_hi, n_inf = j
        if _ada(nilai.get(k)):
            k_lo, k_hi = batas_label(k)
            s_lo -= k_lo
            if math.isinf(k_hi):
                n_inf -= 1
            else:
                s_hi -= k_hi
        return s_lo, (math.inf if n_inf else s_hi)

    def batas_maya(k: Hashable) -> tuple[float, float]:
        """What a reader knows of a virtual total (desil 2–4 of a kecamatan): its defining group's whole minus
        the other parts, from their labels (exact where shown); not negative."""
        lo, hi = 0.0, math.inf
        for g in induk.get(k, ()):
            if g.total is None or g.total in maya or not _ada(nilai.get(g.total)):
                continue
            t_lo, t_hi = batas_label(g.total)
            lain_lo, lain_hi = lain(g, k)
            lo = max(lo, t_lo - lain_hi)
            hi = min(hi, t_hi - lain_lo)
        return lo, hi

    def batas_induk(k: Hashable, lo: float, hi: float) -> tuple[float, float]:
        """A part is bounded by every sum it belongs to as well: total minus the other parts (their labels'
        bounds, one level deep). A complement inside "KK desil 1–4 = KK desil 1 + desil 2–4" with the whole shown
        is at most that whole, which a kecamatan sum beside it would otherwise turn into an exact small count."""
        for g in induk.get(k, ()):
            if g.total is None:
                t_lo = t_hi = total_terbuka[id(g)]
            elif g.total in maya:
                t_lo, t_hi = batas_maya(g.total)
            elif _ada(nilai.get(g.total)):
                t_lo, t_hi = batas_label(g.total)
            else:
                continue
            lain_lo, lain_hi = lain(g, k)
            lo = max(lo, t_lo - lain_hi)
            hi = min(hi, t_hi - lain_lo)
        return lo, hi

    # batas() depends only on ``status`` (and the fixed inputs), and the loop below asks for the same cells' bounds
    # thousands of times between two changes of it: remembered until the next change (``tetapkan``).
    ingat: dict[tuple[Hashable, frozenset], tuple[float, float]] = {}

    def tetapkan(k: Hashable, label: str) -> None:
        # the cell's own bounds change, and so do those of the virtual cells read off it
        terdampak = [x for x in (k, *sorted(pembentuk.get(k, ()), key=repr)) if _ada(nilai.get(x))]
        lama = {x: batas_label(x) for x in terdampak}
        status[k] = label
        ingat.clear()
        for x in terdampak:
            baru = batas_label(x)
            for i in {id(g) for g in induk.get(x, ())}:
                if (j := jumlah.get(i)) is not None:
                    _geser(j, lama[x], -1)
                    _geser(j, baru, 1)

    def batas(k: Hashable, dalam: frozenset = frozenset()) -> tuple[float, float]:
        """What a reader can say about a hidden cell: its label's bounds (a virtual cell: not negative),
        narrowed by its own parts wherever it is a total (shown parts plus the bounds of the hidden ones)."""
        if (kunci := (k, dalam)) not in ingat:
            ingat[kunci] = _batas(k, dalam)
        return ingat[kunci]

    def _batas(k: Hashable, dalam: frozenset) -> tuple[float, float]:
        lo, hi = (0.0, math.inf) if k in maya else batas_pembaca(status[k])
        lo = min(lo, nilai[k]) if _ada(nilai.get(k)) else lo   # a fractional output below 1
        lo, hi = batas_induk(k, lo, hi)
        if k in dalam:
            return lo, hi
        for g in anak.get(k, ()):
            bagian = [b for b in g.bagian if _ada(nilai.get(b))]
            terlihat = sum(nilai[b] for b in bagian if b not in status)
            sub = [batas(b, dalam | {k}) for b in bagian if b in status]
            lo = max(lo, terlihat + sum(x for x, _ in sub))
            hi = min(hi, terlihat + sum(y for _, y in sub))
        return lo, hi

    def kenal(k: Hashable) -> tuple[float, float]:
        """What a reader knows of a published count: its value where shown, else :func:`batas`."""
        return batas(k) if k in status else (nilai[k], nilai[k])

    def dibaca_dari(m: Hashable) -> list[Kelompok]:
        """The groups whose whole is a published count and of which virtual cell ``m`` is a part."""
        return [h for h in induk.get(m, ()) if h.total is not None and h.total not in maya]

    def jumlah_maya(g: Kelompok) -> tuple[float, float] | None:
        """A reader's bounds on the sum of the hidden parts of ``g`` when its total is a virtual cell read off
        counts that are hidden themselves (the kecamatan's KK desil 1–4 hidden): the whole's bounds minus the
        part's (:func:`batas`, their own parts included). None where it is exact, as it is with both shown."""
        if g.total is None or g.total not in maya:
            return None
        lo, hi = dari_utuh(g.total, dibaca_dari(g.total), kenal)
        if lo == hi:
            return None
        terlihat = sum(nilai[b] for b in punya_nilai[id(g)] if b not in status)
        return lo - terlihat, hi - terlihat

    def asal_maya(g: Kelompok) -> list[tuple[Hashable, float]]:
        """The shown counts a group's virtual cells are read off, its parts' before its total's: where a sum of
        differences has no shown part left to hide, hiding one of them is the level up (CI's counterexample,
        2026-12-02: desil 2–4 of a kecamatan shown as 11 − 5 pinned a desa's "< 5" at 1). Parts first: the
        total's are kecamatan counts, whose hiding spreads through the kabupaten sum to KK and penduduk of whole
        kecamatan (review: 350 of 540 tables of realistic desa lost kecamatan figures the old rules kept)."""
        def dari(sel: Sequence[Hashable]) -> list[tuple[Hashable, float]]:
            out: dict[Hashable, float] = {}
            for m in sel:
                for h in dibaca_dari(m):
                    for k in (h.total, *h.bagian):
                        if k not in maya and k not in status and _ada(nilai.get(k)) and nilai[k] > 0:
                            out.setdefault(k, nilai[k])
            return list(out.items())

        return dari([b for b in g.bagian if b in maya]) or (dari([g.total]) if g.total in maya else [])

    def bagian_aman(g: Kelompok, tersembunyi: list[Hashable], longgar: bool = False) -> bool:
        """:func:`_aman` for the group. ``longgar``: a small virtual cell need only keep two values open, not
        1–4: a difference of two "< 5" counts is at most 3 by their labels alone, which no hiding elsewhere
        changes (review: demanding 1–4 there hid every kecamatan figure in 5 of 200 realistic tables)."""
        return _aman([(PELENGKAP if longgar and b in maya and status[b] == KECIL else status[b], nilai[b],
                       *batas(b)) for b in tersembunyi], jumlah_maya(g))

    def sembunyikan(k: Hashable) -> None:
        tetapkan(k, _label(nilai[k]))

    for _ in range(len(nilai) + 1):
        berubah = False
        tertunda: list[Kelompok] = []   # sums of differences left unsafe with no part of their own to hide
        for t in pasangan:
            if any(k in status and k not in maya for k in t):
                for k in t:
                    if k not in status and _ada(nilai.get(k)) and nilai[k] > 0:
                        tetapkan(k, _label(nilai[k]) if k in lindung else TERKAIT)
                        berubah = True
        for g in kelompok:
            bagian = punya_nilai[id(g)]
            tersembunyi = [b for b in bagian if b in status]
            terlihat = [(b, nilai[b]) for b in bagian if b not in status and nilai[b] > 0]
            if g.total is not None and g.total in status and g.total not in maya:
                # A total read as "< 5" whose parts already add up to at least 4 (four hidden desa of 1 each) pins
                # itself at 4 and every part at its lower bound: it reads "disamarkan" instead, with no upper bound.
                if status[g.total] == KECIL and sum(nilai[b] for b, _ in terlihat) + sum(
                        batas(b)[0] for b in tersembunyi) >= AMBANG - 1:
                    tetapkan(g.total, TERKAIT)
                    berubah = True
                # A hidden total is recovered from its parts unless one of them is hidden, and pinned to a narrow
                # range unless one of them is open-ended (a complement): the total's group must hold one.
                if not any(math.isinf(batas(b)[1]) for b in tersembunyi) and (c := _pilih(terlihat)) is not None:
                    sembunyikan(c)
                    berubah = True
                continue
            if not any(status[b] != _TAK_TERBIT for b in tersembunyi):
                continue
            while not bagian_aman(g, tersembunyi):
                c = _pilih([(k, v) for k, v in terlihat if k not in status])
                if c is None:
                    if g.total is not None and _ada(nilai.get(g.total)) and g.total not in status:
                        sembunyikan(g.total)
                        berubah = True
                    else:
                        tertunda.append(g)
                    break
                sembunyikan(c)
                tersembunyi.append(c)
                berubah = True
        if not berubah:
            # The level up, last and one cell at a time: the rules above often make such a sum safe by
            # themselves a pass later (a complement at a desa), where hiding a count it is read off would not be
            # needed (review: that ran first and hid whole kecamatan).
            for g in tertunda:
                tersembunyi = [b for b in punya_nilai[id(g)] if b in status]
                if not bagian_aman(g, tersembunyi, longgar=True) and (c := _pilih(asal_maya(g))) is not None:
                    sembunyikan(c)
                    berubah = True
                    break
        if not berubah:
            break
    return {k: v for k, v in status.items() if k not in maya}
