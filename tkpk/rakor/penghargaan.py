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

from tkpk.rakor.periode import BATAS_LAPOR_HARI, batas_lapor, triwulan_periode

BOBOT: dict[str, float] = {"capaian_pct": 0.35, "serapan_pct": 0.25, "tepat_sasaran_pct": 0.25,
                           "tepat_waktu_pct": 0.15}
LABEL_KOMPONEN: dict[str, str] = {"capaian_pct": "Capaian output", "serapan_pct": "Serapan anggaran",
                                  "tepat_sasaran_pct": "Tepat sasaran", "tepat_waktu_pct": "Ketepatan lapor"}
__all__ = ["BATAS_LAPOR_HARI", "BOBOT", "batas_lapor", "ketepatan_lapor", "peringkat", "teks_bobot"]


def teks_bobot() -> str:
    """The weights as the page shows them: "Capaian output 35% · Serapan anggaran 25% · …"."""
    return " · ".join(f"{LABEL_KOMPONEN[k]} {round(v * 100)}%" for k, v in BOBOT.items())


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
