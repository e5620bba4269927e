"""Kandidat penghargaan: a transparent ranking of OPDs within each pillar, to prepare the rakor's awards.

Why a plain weighted sum: the TKPK gives awards per main strategy in front of every OPD, so the ranking must be
explainable in one sentence and its weights visible beside it. Each component is a percentage capped at 100:

- capaian output (output reached against target),
- serapan anggaran (realisation against budget),
- tepat sasaran (share of the OPD's located interventions that reached a poverty pocket),
- ketepatan lapor (share of the OPD's reporting periods first reported by the deadline, :data:`BATAS_LAPOR_HARI`
  days after the period ends).

A component an OPD has no figure for (e.g. no located intervention) is left out and the other weights are scaled
up, which the table says; an OPD that did not report is listed, not ranked. The weights live in :data:`BOBOT` only.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd

BOBOT: dict[str, float] = {"capaian_pct": 0.35, "serapan_pct": 0.25, "tepat_sasaran_pct": 0.25,
                           "tepat_waktu_pct": 0.15}
LABEL_KOMPONEN: dict[str, str] = {"capaian_pct": "Capaian output", "serapan_pct": "Serapan anggaran",
                                  "tepat_sasaran_pct": "Tepat sasaran", "tepat_waktu_pct": "Ketepatan lapor"}
BATAS_LAPOR_HARI = 15


def teks_bobot() -> str:
    """The weights as the page shows them: "Capaian output 35% · Serapan anggaran 25% · …"."""
    return " · ".join(f"{LABEL_KOMPONEN[k]} {round(v * 100)}%" for k, v in BOBOT.items())


def batas_lapor(tahun: int, triwulan: float | None) -> date:
    """The deadline of a period: :data:`BATAS_LAPOR_HARI` days after the quarter's end (the year's end without one)."""
    q = 4 if triwulan is None or pd.isna(triwulan) else int(triwulan)
    akhir = date(tahun + 1, 1, 1) if q == 4 else date(tahun, 3 * q + 1, 1)
    return akhir - timedelta(days=1) + timedelta(days=BATAS_LAPOR_HARI)


def sekaligus(waktu_lapor: pd.DataFrame) -> bool:
    """True when every report of the year came in one load (a back-fill): then no OPD reported "on time" or
    "late" in any meaningful sense, and the component is left out rather than scoring everybody 0."""
    return "batch_id" in waktu_lapor and len(waktu_lapor) > 1 and waktu_lapor["batch_id"].nunique() == 1


def ketepatan_lapor(waktu_lapor: pd.DataFrame) -> pd.DataFrame:
    """Per OPD: periods reported, periods reported by their deadline, and the share (``tepat_waktu_pct``; NaN for
    everyone when the year was loaded at once, see :func:`sekaligus`)."""
    if waktu_lapor.empty:
        return pd.DataFrame(columns=["kode_opd", "periode_lapor", "periode_tepat_waktu", "tepat_waktu_pct"])
    batas = [batas_lapor(int(t), q) for t, q in zip(waktu_lapor["tahun"], waktu_lapor["triwulan"], strict=True)]
    pertama = pd.to_datetime(waktu_lapor["pertama_lapor"]).dt.date
    tepat = pd.Series([_tgl(p) <= b for p, b in zip(pertama, batas, strict=True)], index=waktu_lapor.index)
    g = waktu_lapor.assign(tepat=tepat).groupby("kode_opd")
    out = pd.DataFrame({"periode_lapor": g.size(), "periode_tepat_waktu": g["tepat"].sum()}).reset_index()
    pct = 100.0 * out["periode_tepat_waktu"] / out["periode_lapor"]
    return out.assign(tepat_waktu_pct=float("nan") if sekaligus(waktu_lapor) else pct)


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
