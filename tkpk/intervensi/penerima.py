"""Beneficiaries: totalled per unit (KK, jiwa, unit rumah, dokumen …), never across units, and small counts hidden.

Why a module of its own: pillar 2 once showed "1.569/9.620 penerima" by adding road users, ID documents and KK.
Every total of beneficiaries on a page, slide or file now goes through here:

- the unit of a row is :func:`satuan_efektif`: the row's ``satuan_penerima`` (the upload's optional column), else
  its ``satuan_output`` when that is a unit of people or households, else "tanpa satuan" (not totalled above its
  program). Units of people read "jiwa", of households "KK", so a scholarship's ``siswa`` and a health programme's
  ``orang`` are added as persons, never to KK;
- one program has one unit: when its rows disagree it is "satuan campuran" and its beneficiaries are not added;
- kabupaten-wide rows (no place) are counted apart ("se-kabupaten") from located rows;
- per place, a program's beneficiaries (and its output, when the output is counted in people) of 1–4 are hidden,
  with complementary cells so that no program, OPD, pillar or grand total gives one back
  (:func:`lindungi`, :mod:`tkpk.sel_kecil`). The protection is computed on a whole period's rows (every pillar):
  a page that shows one pillar applies the same protection, so its totals agree with the workbook's.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field

import pandas as pd

from tkpk import fmt, sel_kecil
from tkpk.intervensi.periode import pilih_periode
from tkpk.intervensi.satuan import CAMPURAN, JIWA, KK, TANPA, TIDAK_DIJUMLAH, bersih, satuan_efektif, satuan_orang

__all__ = ["CAMPURAN", "JIWA", "KK", "KUNCI_PROGRAM", "LOKASI", "SEKAB", "TANPA", "Perlindungan", "lindungi",
           "lindungi_periode", "ringkas", "ringkas_tempat", "satuan_efektif", "siapkan"]

KUNCI_PROGRAM = ["pilar", "kode_opd", "program", "satuan_output"]
LOKASI, SEKAB = "lokasi", "se-kabupaten"


def siapkan(df: pd.DataFrame) -> pd.DataFrame:
    """Rows with ``satuan_penerima`` replaced by the effective unit and ``lingkup`` (lokasi / se-kabupaten).
    Idempotent: prepared rows carry ``lingkup`` already."""
    if "lingkup" in df.columns:
        return df
    asli = df["satuan_penerima"] if "satuan_penerima" in df.columns else pd.Series(None, index=df.index)
    output = df["satuan_output"] if "satuan_output" in df.columns else pd.Series(None, index=df.index)
    satuan = [satuan_efektif(a, b) for a, b in zip(asli, output, strict=True)]
    lingkup = df["kode_wilayah"].map(lambda k: SEKAB if bersih(k) in ("", "None", "nan") else LOKASI)
    return df.assign(satuan_penerima=pd.Series(satuan, index=df.index, dtype="object"),
                     lingkup=lingkup.astype("object"))


def _kode(k: object) -> str:
    s = bersih(k)
    return "" if s in ("None", "nan") else s


def _kunci(r: pd.Series | tuple) -> tuple:
    return tuple(r)


@dataclass(frozen=True)
class Perlindungan:
    """The hidden cells of one period's program rows, and each program's unit.

    Node keys: ("sel", program, kode) one program in one place ("" = se-kabupaten); ("prog", program, lingkup);
    ("opd", pilar, kode_opd, satuan, lingkup); ("pilar", pilar, satuan, lingkup); ("out", program, kode) and
    ("outprog", program) for outputs counted in people. ``program`` is the tuple of :data:`KUNCI_PROGRAM`.
    """

    status: dict[Hashable, str] = field(default_factory=dict)
    satuan: dict[tuple, str] = field(default_factory=dict)

    def dari(self, kunci: Hashable) -> str:
        return self.status.get(kunci, "")


def _program(d: pd.DataFrame) -> pd.DataFrame:
    return d[KUNCI_PROGRAM].astype("object").where(d[KUNCI_PROGRAM].notna(), None)


def satuan_program(d: pd.DataFrame) -> dict[tuple, str]:
    """Each program's one unit, "satuan campuran" when its rows disagree."""
    out: dict[tuple, str] = {}
    for kunci, s in zip(map(_kunci, _program(d).itertuples(index=False)), d["satuan_penerima"], strict=True):
        out[kunci] = s if out.get(kunci, s) == s else CAMPURAN
    return out


# Kinds of node per measure: beneficiaries, target beneficiaries, outputs and target outputs (see Perlindungan).
_UKURAN = {"penerima": ("sel", "prog", "opd", "pilar", "semua"),
           "target_penerima": ("tsel", "tprog", "topd", "tpilar", "tsemua")}
_TINGKAT_TOTAL = {"prog": 0, "tprog": 0, "outprog": 0, "toutprog": 0, "opd": 1, "topd": 1, "pilar": 2,
                  "tpilar": 2, "semua": 3, "tsemua": 3}
_TOTAL_TERBUKA = {"semua", "tsemua"}   # the grand totals per unit: treated as known (no cell of their own)


@dataclass
class _Masalah:
    """One small-cell problem under construction: values, published sums, protected, linked and virtual cells.
    ``peta[view]`` maps each node of the problem to the key a page of that view looks up."""

    nilai: dict[Hashable, float] = field(default_factory=dict)
    kelompok: dict[Hashable, set[Hashable]] = field(default_factory=dict)
    dilindungi: set[Hashable] = field(default_factory=set)
    terkait: list[tuple[Hashable, ...]] = field(default_factory=list)
    maya: list[Hashable] = field(default_factory=list)
    peta: dict[object, dict[Hashable, Hashable]] = field(default_factory=dict)
    _sudah: set[Hashable] = field(default_factory=set)

    def sel(self, kunci: Hashable, v: float, baris: Hashable) -> None:
        """A cell's value, added once per source row (a row may show in several views)."""
        if (baris, kunci) in self._sudah:
            return
        self._sudah.add((baris, kunci))
        if not math.isnan(v):
            self.nilai[kunci] = self.nilai.get(kunci, 0.0) + v
        else:
            self.nilai.setdefault(kunci, math.nan)

    def total(self) -> None:
        """Totals are sums of their parts (NaN when every part is NaN, as SQL SUM), narrowest level first."""
        for t, bagian in sorted(self.kelompok.items(), key=lambda kv: _TINGKAT_TOTAL.get(_jenis(kv[0]), -1)):
            if _jenis(t) not in _TINGKAT_TOTAL:
                continue   # a cell that is also a sum (a later quarter): its own value stands
            ada = [v for v in (self.nilai.get(b, math.nan) for b in bagian) if not math.isnan(v)]
            self.nilai[t] = float(sum(ada)) if ada else math.nan

    def selesaikan(self) -> dict[Hashable, str]:
        self.total()
        daftar = [sel_kecil.Kelompok(None if _jenis(t) in _TOTAL_TERBUKA else t, tuple(sorted(b, key=repr)))
                  for t, b in sorted(self.kelompok.items(), key=lambda kv: repr(kv[0]))]
        return sel_kecil.lindungi(self.nilai, daftar, self.dilindungi | set(self.maya), terkait=self.terkait,
                                  turunan=self.maya)


def _jenis(kunci: Hashable) -> str:
    """The kind of a node ("sel", "prog", ...), whatever prefix (view, quarter) it carries."""
    return next(x for x in kunci if isinstance(x, str) and x in _SEMUA_JENIS)  # type: ignore[union-attr]


_SEMUA_JENIS = {*_TINGKAT_TOTAL, "sel", "tsel", "out", "tout"}


def _tambah_view(m: _Masalah, d: pd.DataFrame, view: object, awal_sel: Callable[[object], tuple],
                 awal_total: tuple) -> None:
    """The cells and published sums of one reporting view (one period's rows, prepared by :func:`siapkan`)."""
    satuan = satuan_program(d)
    prog = list(map(_kunci, _program(d).itertuples(index=False)))
    kode = [_kode(k) for k in d["kode_wilayah"]]
    tw = d["triwulan"] if "triwulan" in d.columns else pd.Series(None, index=d.index)

    def angka(kolom: str) -> list[float]:
        if kolom not in d.columns:
            return [math.nan] * len(d)
        return pd.to_numeric(d[kolom], errors="coerce").astype("float64").tolist()

    peta = m.peta.setdefault(view, {})
    for i, p, k, t, pen, tpen, cap, tout in zip(d.index, prog, kode, tw, angka("penerima"),
                                                angka("target_penerima"), angka("capaian_output"),
                                                angka("target_output"), strict=True):
        lingkup = LOKASI if k else SEKAB
        u = satuan[p]
        a = awal_sel(t)
        sel_rantai = []
        for ukuran, v in (("penerima", pen), ("target_penerima", tpen)):
            j_sel, j_prog, j_opd, j_pilar, j_semua = _UKURAN[ukuran]
            s = (*a, j_sel, p, k)
            m.sel(s, v, i)
            peta[s] = (j_sel, p, k)
            sel_rantai.append(s)
            if k and ukuran == "penerima":
                m.dilindungi.add(s)
            node_prog = (*awal_total, j_prog, p, lingkup)
            peta[node_prog] = (j_prog, p, lingkup)
            m.kelompok.setdefault(node_prog, set()).add(s)
            if u not in TIDAK_DIJUMLAH:
                node_opd = (*awal_total, j_opd, p[0], p[1], u, lingkup)
                node_pilar = (*awal_total, j_pilar, p[0], u, lingkup)
                m.kelompok.setdefault(node_opd, set()).add(node_prog)
                m.kelompok.setdefault(node_pilar, set()).add(node_opd)
                m.kelompok.setdefault((*awal_total, j_semua, u, lingkup), set()).add(node_pilar)
                peta[node_opd] = (j_opd, p[0], p[1], u, lingkup)
                peta[node_pilar] = (j_pilar, p[0], u, lingkup)
        for j_sel, j_prog, v in (("out", "outprog", cap), ("tout", "toutprog", tout)):
            s = (*a, j_sel, p, k)
            m.sel(s, v, i)
            peta[s] = (j_sel, p, k)
            sel_rantai.append(s)
            if k and j_sel == "out" and satuan_orang(p[3]):
                m.dilindungi.add(s)
            node = (*awal_total, j_prog, p)
            peta[node] = (j_prog, p)
            m.kelompok.setdefault(node, set()).add(s)
        if k:
            # an output, a target or a rate beside hidden beneficiaries gives them back (penerima per output
            # is one number per program): the four cells of one program in one place are hidden together
            m.terkait.append(tuple(sel_rantai))


def lindungi(rows: pd.DataFrame) -> Perlindungan:
    """Protection of one period's rows (all pillars): which beneficiary, output and target counts to hide."""
    if rows.empty:
        return Perlindungan()
    d = siapkan(rows)
    m = _Masalah()
    _tambah_view(m, d, None, lambda _t: (), ())
    status = m.selesaikan()
    return Perlindungan({m.peta[None][k]: v for k, v in status.items() if k in m.peta[None]}, satuan_program(d))


def lindungi_periode(rows: pd.DataFrame, tahun: int) -> dict[int | None, Perlindungan]:
    """Protection of every reporting view of one year at once: the year (``None``) and each quarter present.

    Quarterly realisation is cumulative ("s.d. triwulan"), so two shown quarters of one program in one place
    give their difference (the new beneficiaries of the later quarter) to anyone who subtracts. That difference
    is a virtual cell (:mod:`tkpk.sel_kecil`, ``turunan``) of the group "later quarter = earlier quarter +
    difference", protected like a published count; and a cell shown in two views (the latest quarter is also the
    year's figure) is one cell, hidden in both or in neither."""
    if rows.empty:
        return {None: Perlindungan()}
    semua = siapkan(rows)
    th = pd.to_numeric(semua["tahun"], errors="coerce")
    semua = semua[th == tahun]
    tw = pd.to_numeric(semua["triwulan"], errors="coerce")
    views: list[int | None] = [None, *sorted(int(t) for t in tw.dropna().unique())]
    m = _Masalah()
    d_view = {}
    for v in views:
        d_view[v] = pilih_periode(semua, tahun, v)
        _tambah_view(m, d_view[v], v, lambda t: ("tw", None if pd.isna(t) else int(t)), ("view", v))
    # cumulative quarters: the difference of consecutive reported quarters of one program in one place
    prog = list(map(_kunci, _program(semua).itertuples(index=False)))
    kuartal: dict[tuple, list[int]] = {}
    for p, k, t in zip(prog, (_kode(x) for x in semua["kode_wilayah"]), tw, strict=True):
        if k and not pd.isna(t):
            kuartal.setdefault((p, k), []).append(int(t))
    for (p, k), qs in kuartal.items():
        qs = sorted(set(qs))
        for qa, qb in itertools.pairwise(qs):
            for jenis in ("sel", "out"):
                if jenis == "out" and not satuan_orang(p[3]):
                    continue
                a, b = ("tw", qa, jenis, p, k), ("tw", qb, jenis, p, k)
                va, vb = m.nilai.get(a, math.nan), m.nilai.get(b, math.nan)
                if math.isnan(va) or math.isnan(vb) or vb < va:
                    continue
                sisa = ("sisa", jenis, p, k, qa, qb)
                m.nilai[sisa] = vb - va
                m.maya.append(sisa)
                m.kelompok.setdefault(b, set()).update({a, sisa})
    status = m.selesaikan()
    return {v: Perlindungan({lokal: status[k] for k, lokal in m.peta[v].items() if k in status},
                            satuan_program(d_view[v])) for v in views}


def _teks_satuan(penerima: float, target: float, satuan: str, status: str, lingkup: str,
                 dengan_target: bool, status_target: str = "") -> str:
    nilai = sel_kecil.teks(status, penerima) if status else fmt.angka(penerima)
    if dengan_target and (status_target or not math.isnan(target)):
        nilai = f"{nilai}/{sel_kecil.teks(status_target, None) if status_target else fmt.angka(target)}"
    return f"{nilai} {satuan}" + (f" ({SEKAB})" if lingkup == SEKAB else "")


def ringkas(rows: pd.DataFrame, lindung: Perlindungan, dengan_target: bool = True) -> str:
    """Beneficiaries of a program, an OPD, a pillar or everything, per unit: "1.234/1.500 KK; 310 jiwa
    (se-kabupaten)". The level is the narrowest one the rows share, and the hidden totals of that level show
    "< 5"/"disamarkan"; programs without a unit are counted, not added."""
    if rows.empty:
        return fmt.TIDAK_ADA
    d = siapkan(rows)
    prog = list(map(_kunci, _program(d).itertuples(index=False)))
    d = d.assign(_u=[lindung.satuan.get(p, s) for p, s in zip(prog, d["satuan_penerima"], strict=True)],
                 _p=prog)
    satu_program = len(set(prog)) == 1
    bagian, tanpa = [], set()
    for (u, lingkup), g in d.groupby(["_u", "lingkup"], sort=True):
        if u in TIDAK_DIJUMLAH and not satu_program:
            tanpa |= set(g["_p"])
            continue
        pen = pd.to_numeric(g["penerima"], errors="coerce").sum(min_count=1)
        tgt = pd.to_numeric(g["target_penerima"], errors="coerce").sum(min_count=1) \
            if "target_penerima" in g.columns else math.nan
        if math.isnan(pen) and math.isnan(tgt):
            continue
        p0 = g["_p"].iloc[0]
        if satu_program:
            node: tuple = ("prog", p0, lingkup)
        elif g["kode_opd"].nunique() == 1:
            node = ("opd", p0[0], p0[1], u, lingkup)
        elif g["pilar"].nunique() == 1:
            node = ("pilar", p0[0], u, lingkup)
        else:
            node = ("semua", u, lingkup)
        node_t = ("t" + node[0], *node[1:])
        bagian.append(_teks_satuan(pen, tgt, u if u not in TIDAK_DIJUMLAH else f"({u})", lindung.dari(node),
                                   lingkup, dengan_target, lindung.dari(node_t)))
    if tanpa:
        bagian.append(f"{len(tanpa)} program tanpa satuan penerima (tidak dijumlahkan)")
    return "; ".join(bagian) or fmt.TIDAK_ADA


def ringkas_tempat(rows: pd.DataFrame, lindung: Perlindungan) -> str:
    """Beneficiaries of the rows located in one place or kecamatan, per unit, from the protected cells only:
    "12 KK", "< 5 KK", "40 KK + 1 lokasi disamarkan". Place-wise sums are not published totals, so they are
    built from what each cell shows and cannot give a hidden cell back."""
    if rows.empty:
        return fmt.TIDAK_ADA
    d = siapkan(rows)
    prog = list(map(_kunci, _program(d).itertuples(index=False)))
    d = d.assign(_u=[lindung.satuan.get(p, s) for p, s in zip(prog, d["satuan_penerima"], strict=True)],
                 _sel=[("sel", p, _kode(k)) for p, k in zip(prog, d["kode_wilayah"], strict=True)], _p=prog)
    bagian = []
    for u, g in d.groupby("_u", sort=True):
        if u in TIDAK_DIJUMLAH and g["_p"].nunique() > 1:
            bagian.append(f"{g['_p'].nunique()} program {u} (tidak dijumlahkan)")
            continue
        pen = pd.to_numeric(g["penerima"], errors="coerce")
        sel = pd.Series([lindung.dari(s) for s in g["_sel"]], index=g.index)
        terlihat = pen[sel.eq("")].sum(min_count=1)
        tersembunyi = sorted(set(g.loc[sel.ne(""), "_sel"]), key=repr)
        satuan = u if u not in TIDAK_DIJUMLAH else f"({u})"
        if not tersembunyi:
            if not math.isnan(terlihat):
                bagian.append(f"{fmt.angka(terlihat)} {satuan}")
            continue
        if len(tersembunyi) == 1 and math.isnan(terlihat):
            bagian.append(f"{sel_kecil.teks(lindung.dari(tersembunyi[0]), None)} {satuan}")
            continue
        awal = f"{fmt.angka(terlihat)} {satuan} + " if not math.isnan(terlihat) else ""
        bagian.append(f"{awal}{len(tersembunyi)} lokasi disamarkan")
    return "; ".join(bagian) or fmt.TIDAK_ADA


def samarkan_lokasi(lokasi: pd.DataFrame, lindung: Perlindungan) -> pd.DataFrame:
    """Per program × place rows (:func:`tkpk.pilar.skor.lokasi_program`): hidden beneficiaries, outputs and their
    targets become NaN, with their status in ``penerima_samar``, ``capaian_samar``, ``target_penerima_samar`` and
    ``target_output_samar``; rates built on any of them too."""
    kolom = ("penerima_samar", "capaian_samar", "target_penerima_samar", "target_output_samar")
    if lokasi.empty:
        return lokasi.assign(**{c: pd.Series(dtype="object") for c in kolom})
    prog = list(map(_kunci, _program(lokasi).itertuples(index=False)))
    kode = [_kode(k) for k in lokasi["kode_wilayah"]]
    status = {c: [lindung.dari((j, p, k)) for p, k in zip(prog, kode, strict=True)]
              for c, j in zip(kolom, ("sel", "out", "tsel", "tout"), strict=True)}
    out = lokasi.assign(**status)
    for nilai, samar in (("penerima", "penerima_samar"), ("capaian_output", "capaian_samar"),
                         ("target_penerima", "target_penerima_samar"), ("target_output", "target_output_samar")):
        if nilai in out.columns:
            out[nilai] = out[nilai].mask(out[samar].ne(""))
    if "penerima_pct" in out.columns:
        out["penerima_pct"] = out["penerima_pct"].mask(out["penerima_samar"].ne("") |
                                                       out["target_penerima_samar"].ne(""))
    if "capaian_pct" in out.columns:
        out["capaian_pct"] = out["capaian_pct"].mask(out["capaian_samar"].ne("") | out["target_output_samar"].ne(""))
    return out


def samarkan_program(program: pd.DataFrame, lindung: Perlindungan) -> pd.DataFrame:
    """Per program rows (:func:`tkpk.pilar.skor.skor_program`): a hidden program total (rare: all its places small)
    becomes NaN with its status in ``penerima_samar`` (``target_penerima_samar``, ``capaian_samar``,
    ``target_output_samar`` likewise), and the rates built on it too."""
    if program.empty:
        return program.assign(**{c: pd.Series(dtype="object") for c in ("penerima_samar", "target_penerima_samar",
                                                                           "capaian_samar", "target_output_samar")})
    prog = list(map(_kunci, _program(program).itertuples(index=False)))
    out = program.assign(
        penerima_samar=[lindung.dari(("prog", p, LOKASI)) or lindung.dari(("prog", p, SEKAB)) for p in prog],
        target_penerima_samar=[lindung.dari(("tprog", p, LOKASI)) or lindung.dari(("tprog", p, SEKAB))
                               for p in prog],
        capaian_samar=[lindung.dari(("outprog", p)) for p in prog],
        target_output_samar=[lindung.dari(("toutprog", p)) for p in prog],
        satuan_penerima=[lindung.satuan.get(p, TANPA) for p in prog])
    for nilai, samar in (("penerima", "penerima_samar"), ("capaian_output", "capaian_samar"),
                         ("target_penerima", "target_penerima_samar"), ("target_output", "target_output_samar")):
        out[nilai] = out[nilai].mask(out[samar].ne(""))
    out["penerima_pct"] = out["penerima_pct"].mask(out["penerima_samar"].ne("") | out["target_penerima_samar"].ne(""))
    out["capaian_pct"] = out["capaian_pct"].mask(out["capaian_samar"].ne("") | out["target_output_samar"].ne(""))
    return out


def unit_dari(rows: pd.DataFrame) -> Iterable[str]:
    """The units present in rows (for headers and captions)."""
    return sorted(set(siapkan(rows)["satuan_penerima"])) if not rows.empty else []
