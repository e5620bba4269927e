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

import math
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

import pandas as pd

from tkpk import fmt, sel_kecil

__all__ = ["CAMPURAN", "JIWA", "KK", "KUNCI_PROGRAM", "LOKASI", "SEKAB", "TANPA", "Perlindungan", "lindungi",
           "ringkas", "ringkas_tempat", "satuan_efektif", "siapkan"]

KUNCI_PROGRAM = ["pilar", "kode_opd", "program", "satuan_output"]
JIWA, KK, TANPA, CAMPURAN = "jiwa", "KK", "tanpa satuan", "satuan campuran"
LOKASI, SEKAB = "lokasi", "se-kabupaten"
_ORANG = {"jiwa", "orang", "org", "siswa", "pelajar", "mahasiswa", "balita", "bayi", "anak", "lansia", "peserta",
          "pasien", "mustahik", "penduduk", "warga", "individu", "ibu hamil", "bumil", "penyandang disabilitas"}
_RUMAH_TANGGA = {"kk", "keluarga", "rumah tangga", "rt", "rts", "rtm", "kpm", "keluarga penerima manfaat",
                 "rumah tangga sasaran"}
_TIDAK_DIJUMLAH = {TANPA, CAMPURAN}


def _bersih(x: object) -> str:
    return "" if x is None or (isinstance(x, float) and math.isnan(x)) or pd.isna(x) else " ".join(str(x).split())


def _baku(satuan: str) -> str | None:
    """"jiwa" or "KK" for a unit of people or households, else None."""
    s = satuan.lower()
    if s in _ORANG:
        return JIWA
    if s in _RUMAH_TANGGA:
        return KK
    return None


def satuan_efektif(satuan_penerima: object, satuan_output: object) -> str:
    """The unit a row's beneficiaries are counted in: the stated one, else the output's when it counts people or
    households, else "tanpa satuan"."""
    dinyatakan = _bersih(satuan_penerima)
    if dinyatakan:
        return _baku(dinyatakan) or dinyatakan
    return _baku(_bersih(satuan_output)) or TANPA


def satuan_orang(satuan_output: object) -> bool:
    """True when an output is counted in people or households (then a small output is a small count too)."""
    return _baku(_bersih(satuan_output)) is not None


def siapkan(df: pd.DataFrame) -> pd.DataFrame:
    """Rows with ``satuan_penerima`` replaced by the effective unit and ``lingkup`` (lokasi / se-kabupaten).
    Idempotent: prepared rows carry ``lingkup`` already."""
    if "lingkup" in df.columns:
        return df
    asli = df["satuan_penerima"] if "satuan_penerima" in df.columns else pd.Series(None, index=df.index)
    output = df["satuan_output"] if "satuan_output" in df.columns else pd.Series(None, index=df.index)
    satuan = [satuan_efektif(a, b) for a, b in zip(asli, output, strict=True)]
    lingkup = df["kode_wilayah"].map(lambda k: SEKAB if _bersih(k) in ("", "None", "nan") else LOKASI)
    return df.assign(satuan_penerima=pd.Series(satuan, index=df.index, dtype="object"),
                     lingkup=lingkup.astype("object"))


def _kode(k: object) -> str:
    s = _bersih(k)
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


def lindungi(rows: pd.DataFrame) -> Perlindungan:
    """Protection of one period's rows (all pillars): which beneficiary and output counts to hide."""
    if rows.empty:
        return Perlindungan()
    d = siapkan(rows)
    satuan = satuan_program(d)
    prog = list(map(_kunci, _program(d).itertuples(index=False)))
    kode = [_kode(k) for k in d["kode_wilayah"]]
    penerima = pd.to_numeric(d["penerima"], errors="coerce").astype("float64").to_numpy()
    capaian = pd.to_numeric(d.get("capaian_output"), errors="coerce").astype("float64").to_numpy() \
        if "capaian_output" in d.columns else [math.nan] * len(d)
    nilai: dict[Hashable, float] = {}

    def tambah(k: Hashable, v: float) -> None:
        if not math.isnan(v):
            nilai[k] = nilai.get(k, 0.0) + v
        else:
            nilai.setdefault(k, math.nan)

    kelompok: dict[Hashable, set[Hashable]] = {}
    dilindungi: set[Hashable] = set()
    for p, k, v, c in zip(prog, kode, penerima, capaian, strict=True):
        lingkup = LOKASI if k else SEKAB
        u = satuan[p]
        sel = ("sel", p, k)
        tambah(sel, v)
        if k:
            dilindungi.add(sel)
        kelompok.setdefault(("prog", p, lingkup), set()).add(sel)
        if u not in _TIDAK_DIJUMLAH:
            kelompok.setdefault(("opd", p[0], p[1], u, lingkup), set()).add(("prog", p, lingkup))
            kelompok.setdefault(("pilar", p[0], u, lingkup), set()).add(("opd", p[0], p[1], u, lingkup))
            kelompok.setdefault(("semua", u, lingkup), set()).add(("pilar", p[0], u, lingkup))
        if satuan_orang(p[3]):
            out = ("out", p, k)
            tambah(out, c)
            if k:
                dilindungi.add(out)
            kelompok.setdefault(("outprog", p), set()).add(out)
    # Totals are sums of their parts (NaN when every part is NaN, as SQL SUM).
    for total, bagian in sorted(kelompok.items(), key=lambda kv: {"prog": 0, "outprog": 0, "opd": 1, "pilar": 2,
                                                                 "semua": 3}[kv[0][0]]):
        vs = [nilai.get(b, math.nan) for b in bagian]
        ada = [v for v in vs if not math.isnan(v)]
        nilai[total] = float(sum(ada)) if ada else math.nan
    daftar = [sel_kecil.Kelompok(None if t[0] == "semua" else t, tuple(sorted(b, key=repr)))
              for t, b in sorted(kelompok.items(), key=lambda kv: repr(kv[0]))]
    return Perlindungan(sel_kecil.lindungi(nilai, daftar, dilindungi), satuan)


def _teks_satuan(penerima: float, target: float, satuan: str, status: str, lingkup: str,
                 dengan_target: bool) -> str:
    nilai = sel_kecil.teks(status, penerima) if status else fmt.angka(penerima)
    if dengan_target and not math.isnan(target):
        nilai = f"{nilai}/{fmt.angka(target)}"
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
        if u in _TIDAK_DIJUMLAH and not satu_program:
            tanpa |= set(g["_p"])
            continue
        pen = pd.to_numeric(g["penerima"], errors="coerce").sum(min_count=1)
        tgt = pd.to_numeric(g["target_penerima"], errors="coerce").sum(min_count=1) \
            if "target_penerima" in g.columns else math.nan
        if math.isnan(pen) and math.isnan(tgt):
            continue
        p0 = g["_p"].iloc[0]
        if satu_program:
            node: Hashable = ("prog", p0, lingkup)
        elif g["kode_opd"].nunique() == 1:
            node = ("opd", p0[0], p0[1], u, lingkup)
        elif g["pilar"].nunique() == 1:
            node = ("pilar", p0[0], u, lingkup)
        else:
            node = ("semua", u, lingkup)
        bagian.append(_teks_satuan(pen, tgt, u if u not in _TIDAK_DIJUMLAH else f"({u})", lindung.dari(node),
                                   lingkup, dengan_target))
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
        if u in _TIDAK_DIJUMLAH and g["_p"].nunique() > 1:
            bagian.append(f"{g['_p'].nunique()} program {u} (tidak dijumlahkan)")
            continue
        pen = pd.to_numeric(g["penerima"], errors="coerce")
        sel = pd.Series([lindung.dari(s) for s in g["_sel"]], index=g.index)
        terlihat = pen[sel.eq("")].sum(min_count=1)
        tersembunyi = sorted(set(g.loc[sel.ne(""), "_sel"]), key=repr)
        satuan = u if u not in _TIDAK_DIJUMLAH else f"({u})"
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
    """Per program × place rows (:func:`tkpk.skor.lokasi_program`): hidden beneficiaries and people-counted
    outputs become NaN, with their status in ``penerima_samar``/``capaian_samar``; ratios built on them too."""
    if lokasi.empty:
        return lokasi.assign(penerima_samar=pd.Series(dtype="object"), capaian_samar=pd.Series(dtype="object"))
    prog = list(map(_kunci, _program(lokasi).itertuples(index=False)))
    kode = [_kode(k) for k in lokasi["kode_wilayah"]]
    s_pen = [lindung.dari(("sel", p, k)) for p, k in zip(prog, kode, strict=True)]
    s_cap = [lindung.dari(("out", p, k)) for p, k in zip(prog, kode, strict=True)]
    out = lokasi.assign(penerima_samar=s_pen, capaian_samar=s_cap)
    sembunyi_p = out["penerima_samar"].ne("")
    sembunyi_c = out["capaian_samar"].ne("")
    out["penerima"] = out["penerima"].mask(sembunyi_p)
    if "penerima_pct" in out.columns:
        out["penerima_pct"] = out["penerima_pct"].mask(sembunyi_p)
    out["capaian_output"] = out["capaian_output"].mask(sembunyi_c)
    if "capaian_pct" in out.columns:
        out["capaian_pct"] = out["capaian_pct"].mask(sembunyi_c)
    return out


def samarkan_program(program: pd.DataFrame, lindung: Perlindungan) -> pd.DataFrame:
    """Per program rows (:func:`tkpk.skor.skor_program`): a hidden program total (rare: all its places small)
    becomes NaN with its status in ``penerima_samar``; outputs counted in people likewise."""
    if program.empty:
        return program.assign(penerima_samar=pd.Series(dtype="object"))
    prog = list(map(_kunci, _program(program).itertuples(index=False)))
    s_pen = [lindung.dari(("prog", p, LOKASI)) or lindung.dari(("prog", p, SEKAB)) for p in prog]
    s_cap = [lindung.dari(("outprog", p)) for p in prog]
    out = program.assign(penerima_samar=s_pen, satuan_penerima=[lindung.satuan.get(p, TANPA) for p in prog])
    h = out["penerima_samar"].ne("")
    out["penerima"] = out["penerima"].mask(h)
    out["penerima_pct"] = out["penerima_pct"].mask(h)
    c = pd.Series(s_cap, index=out.index).ne("")
    out["capaian_output"] = out["capaian_output"].mask(c)
    out["capaian_pct"] = out["capaian_pct"].mask(c)
    return out


def unit_dari(rows: pd.DataFrame) -> Iterable[str]:
    """The units present in rows (for headers and captions)."""
    return sorted(set(siapkan(rows)["satuan_penerima"])) if not rows.empty else []
