"""Kandidat penghargaan: a transparent ranking of OPDs within each pillar, to prepare the rakor's awards.

Why a plain weighted sum: the TKPK gives awards per main strategy in front of every OPD, so the ranking must be
explainable in one sentence and its weights visible beside it. Each component is a percentage capped at 100:

- capaian output (output reached against target),
- serapan anggaran (realisation against budget),
- tepat sasaran (share of the OPD's located interventions that reached a poverty pocket),
- ketepatan lapor (share of the year's reporting periods whose first report, i.e. the upload time of the first
  active batch that brought it, came by the deadline, :data:`BATAS_LAPOR_HARI` days after the period ends). Every
  quarter whose deadline has passed counts, reported or not: a missing report is not on time (otherwise an OPD that
  stopped reporting would score 100%). A year report counts as the fourth quarter; a year without any quarterly
  report (an annual year, like the 2024 sample) has one period, the year.

A component an OPD has no figure for (e.g. no located intervention) is left out and the other weights are scaled
up, which the table says; an OPD that did not report is listed, not ranked. The weights live in :data:`BOBOT` only.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

import pandas as pd
from babel.numbers import format_decimal

from tkpk.nama import kunci_nama
from tkpk.rakor.periode import BATAS_LAPOR_HARI, batas_lapor, triwulan_periode

BOBOT: dict[str, float] = {"capaian_pct": 0.35, "serapan_pct": 0.25, "tepat_sasaran_pct": 0.25,
                           "tepat_waktu_pct": 0.15}
LABEL_KOMPONEN: dict[str, str] = {"capaian_pct": "Capaian output", "serapan_pct": "Serapan anggaran",
                                  "tepat_sasaran_pct": "Tepat sasaran", "tepat_waktu_pct": "Ketepatan lapor"}
__all__ = ["ACUAN_CAPAIAN", "BATAS_LAPOR_HARI", "BOBOT", "batas_lapor", "capaian_acuan", "ketepatan_lapor",
           "peringkat", "teks_bobot"]

# Which target "capaian output" is measured against: the same one the plan-against-delivery table uses.
ACUAN_CAPAIAN = ("Capaian output diukur terhadap target rencana aksi (target tahun, triwulan 4) bila OPD punya "
                 "rencana aksi untuk program itu pada tahun ini, dengan satuan yang sama, seperti tabel rencana aksi "
                 "dan laporan; selain itu terhadap target output di laporan OPD.")
_KUNCI = ["pilar", "kode_opd", "_p", "_s"]


def _kunci(d: pd.DataFrame) -> pd.DataFrame:
    return d.assign(pilar=pd.to_numeric(d["pilar"], errors="coerce").astype("int64"),
                    kode_opd=d["kode_opd"].astype(str), _p=d["program"].map(kunci_nama),
                    _s=d["satuan_output"].fillna("").map(kunci_nama))


def capaian_acuan(baris: pd.DataFrame, rencana: pd.DataFrame, batas: float = 100.0) -> pd.DataFrame:
    """Per OPD: ``capaian_pct`` with each program's target taken from its action plan where one exists for that
    OPD, program and unit in the year (``target_tahun`` of :func:`tkpk.rakor.rencana.rencana_vs_realisasi`), else
    from the OPD's report (the sum of ``target_output``); ``program_rencana`` / ``program_laporan`` count the
    programs measured against each.

    ``baris`` are the year's report rows (``pilar, kode_opd, program, satuan_output, target_output,
    capaian_output, pagu``). Programs combine as on the scorecard (:func:`tkpk.pilar.skor.skor_opd`): each program's %
    capped at ``batas``, then the mean weighted by pagu (the plain mean when no program has a pagu).
    """
    kolom = ["kode_opd", "capaian_pct", "program_rencana", "program_laporan"]
    if baris.empty:
        return pd.DataFrame(columns=kolom)
    b = _kunci(baris)
    for c in ("target_output", "capaian_output", "pagu"):
        b[c] = pd.to_numeric(b[c], errors="coerce").astype("float64")
    prog = b.groupby(_KUNCI, dropna=False)[["target_output", "capaian_output", "pagu"]].sum(min_count=1)
    if not rencana.empty:
        r = _kunci(rencana)
        r = r[pd.to_numeric(r["target_tahun"], errors="coerce").notna()]
        plan = r.groupby(_KUNCI)["target_tahun"].sum(min_count=1).astype("float64")
        prog["target_rencana"] = plan.reindex(prog.index)
    else:
        prog["target_rencana"] = float("nan")
    pakai_rencana = prog["target_rencana"].notna()
    target = prog["target_rencana"].where(pakai_rencana, prog["target_output"])
    pct = 100.0 * prog["capaian_output"] / target.where(target > 0)
    cap = pct.clip(upper=batas)
    bobot = prog["pagu"].where((prog["pagu"] > 0) & cap.notna())
    h = pd.DataFrame({"_cw": cap * bobot, "_w": bobot, "_c": cap, "_r": pakai_rencana & pct.notna(),
                      "_l": ~pakai_rencana & pct.notna()}).reset_index()
    g = h.groupby("kode_opd")
    berbobot = g["_cw"].sum(min_count=1) / g["_w"].sum(min_count=1)
    out = pd.DataFrame({"capaian_pct": berbobot.fillna(g["_c"].mean()).astype("float64"),
                        "program_rencana": g["_r"].sum().astype("int64"),
                        "program_laporan": g["_l"].sum().astype("int64")})
    return out.reset_index()[kolom]


def teks_acuan(rencana: object, laporan: object) -> str:
    """"rencana aksi 3, laporan 1": how many programs were measured against which target."""
    r = 0 if pd.isna(rencana) else int(rencana)  # type: ignore[arg-type]
    lap = 0 if pd.isna(laporan) else int(laporan)  # type: ignore[arg-type]
    if r + lap == 0:
        return "–"
    return ", ".join(f"{t} {n}" for t, n in (("rencana aksi", r), ("laporan", lap)) if n)


def teks_bobot(tanpa_kantong: bool = False) -> str:
    """The weights as the page shows them: "Capaian output 35% · Serapan anggaran 25% · …".

    With ``tanpa_kantong`` (no poverty pockets for the year, so nobody has a targeting figure) the targeting
    weight is named as not assessed and the others are shown as they are actually applied, scaled up."""
    if not tanpa_kantong:
        return " · ".join(f"{LABEL_KOMPONEN[k]} {round(v * 100)}%" for k, v in BOBOT.items())
    sisa = {k: v for k, v in BOBOT.items() if k != "tepat_sasaran_pct"}
    jumlah = sum(sisa.values())
    bobot = " · ".join(f"{LABEL_KOMPONEN[k]} {format_decimal(round(v / jumlah * 100, 1), locale='id_ID')}%"
                       for k, v in sisa.items())
    return (f"{bobot} ({LABEL_KOMPONEN['tepat_sasaran_pct']} tidak dinilai: belum ada kantong kemiskinan tahun "
            f"ini, bobotnya {round(BOBOT['tepat_sasaran_pct'] * 100)}% dibagi ke komponen lain)")


def sekaligus(waktu_lapor: pd.DataFrame) -> bool:
    """True when every report of the year came in one load (a back-fill): then no OPD reported "on time" or
    "late" in any meaningful sense, and the component is left out rather than scoring everybody 0."""
    return "batch_id" in waktu_lapor and len(waktu_lapor) > 1 and waktu_lapor["batch_id"].nunique() == 1


KOLOM_LAPOR = ["kode_opd", "periode_dinilai", "periode_lapor", "periode_tepat_waktu", "tepat_waktu_pct"]


def periode_wajib(waktu_lapor: pd.DataFrame, tahun: int, hari_ini: date) -> list[int]:
    """The periods of ``tahun`` whose deadline has passed by ``hari_ini`` (quarters 1–4; ``[4]`` alone for a year
    reported annually, i.e. without any quarterly row)."""
    tahunan = waktu_lapor.empty or waktu_lapor["triwulan"].isna().all()
    semua = [4] if tahunan else [1, 2, 3, 4]
    return [q for q in semua if hari_ini > batas_lapor(tahun, q)]


def ketepatan_lapor(waktu_lapor: pd.DataFrame, tahun: int, hari_ini: date, opd: Iterable[str] = ()) -> pd.DataFrame:
    """Per OPD (those in ``waktu_lapor`` and ``opd``): ``periode_dinilai`` (periods whose deadline has passed, plus
    any reported before its deadline), ``periode_lapor`` (of those, reported), ``periode_tepat_waktu`` and the
    share ``tepat_waktu_pct`` (NaN for everyone when the year was loaded at once, see :func:`sekaligus`).

    A period's first report is the earliest upload that brought a row of it; a year row counts as the fourth quarter.
    """
    wajib = set(periode_wajib(waktu_lapor, tahun, hari_ini))
    w = waktu_lapor if not waktu_lapor.empty else pd.DataFrame(columns=["kode_opd", "triwulan", "pertama_lapor"])
    semua_opd = sorted({*map(str, opd), *map(str, w["kode_opd"])})
    if not semua_opd:
        return pd.DataFrame(columns=KOLOM_LAPOR)
    pertama: dict[tuple[str, int], date] = {}
    for o, q, waktu in zip(w["kode_opd"], w["triwulan"], pd.to_datetime(w["pertama_lapor"]), strict=True):
        kunci = (str(o), triwulan_periode(q))
        tgl = _tgl(waktu.to_pydatetime())
        pertama[kunci] = min(tgl, pertama.get(kunci, tgl))
    baris = []
    for o in semua_opd:
        dilapor = {q: t for (k, q), t in pertama.items() if k == o}
        dinilai = wajib | set(dilapor)
        tepat = sum(1 for q in dinilai if q in dilapor and dilapor[q] <= batas_lapor(tahun, q))
        baris.append({"kode_opd": o, "periode_dinilai": len(dinilai), "periode_lapor": len(dinilai & set(dilapor)),
                      "periode_tepat_waktu": tepat})
    out = pd.DataFrame(baris)
    pct = (100.0 * out["periode_tepat_waktu"] / out["periode_dinilai"].where(out["periode_dinilai"] > 0))
    return out.assign(tepat_waktu_pct=float("nan") if sekaligus(waktu_lapor) else pct.astype("float64"))[KOLOM_LAPOR]


def teks_ketepatan(tepat: object, dinilai: object) -> str:
    """"2 dari 4 periode tepat waktu", or "–" when no period is due yet."""
    if pd.isna(dinilai) or int(dinilai) == 0:  # type: ignore[arg-type]
        return "–"
    return f"{int(tepat)} dari {int(dinilai)} periode tepat waktu"  # type: ignore[arg-type]


def _tgl(x: object) -> date:
    return x.date() if isinstance(x, datetime) else x  # type: ignore[return-value]


def peringkat(opd: pd.DataFrame) -> pd.DataFrame:
    """Rank the OPDs of each pillar by the weighted score of :data:`BOBOT`.

    ``opd`` has one row per OPD with ``pilar``, ``kode_opd``, ``melapor`` and the component columns of
    :data:`BOBOT` (NaN where the OPD has no figure). Adds ``skor`` (0–100), ``peringkat`` (1 = best within the
    pillar; NaN when not reported) and ``komponen_kosong`` (the components left out, named).
    """
    d = opd.copy()
    nilai = pd.DataFrame({k: pd.to_numeric(d[k], errors="coerce").clip(upper=100.0) for k in BOBOT}, index=d.index)
    bobot = pd.DataFrame({k: nilai[k].notna() * w for k, w in BOBOT.items()}, index=d.index)
    jumlah_bobot = bobot.sum(axis=1)
    skor = (nilai.fillna(0.0) * bobot).sum(axis=1) / jumlah_bobot.where(jumlah_bobot > 0)
    melapor = d["melapor"].fillna(False).astype(bool)
    d["skor"] = skor.where(melapor).astype("float64")
    d["peringkat"] = d.groupby("pilar")["skor"].rank(ascending=False, method="min")
    d["komponen_kosong"] = [", ".join(LABEL_KOMPONEN[k] for k in BOBOT if pd.isna(row[k])) for _, row in
                            nilai.iterrows()]
    return d.sort_values(["pilar", "peringkat"], na_position="last").reset_index(drop=True)
