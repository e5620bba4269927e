"""Decisions as the tables people read: Indonesian headers, names instead of codes, status with a shape.

Why shapes as well as words: the follow-up is read from a projector and on black-and-white printouts, so a status
never depends on colour alone (● selesai, ◐ berjalan, ○ baru, ▲ terlambat).
"""

from __future__ import annotations

import pandas as pd

from tkpk import fmt, katalog
from tkpk.rakor.keputusan import LABEL_STATUS

SIMBOL = {"selesai": "●", "berjalan": "◐", "baru": "○"}
SIMBOL_TERLAMBAT = "▲"
_NAMA_INDIKATOR = {**{i.kode: i.nama for i in katalog.INDIKATOR}, **{i.kode: i.nama for i in katalog.INDIKATOR_BPS}}


def label_status(status: object, terlambat: object = False) -> str:
    """"◐ Berjalan" or "▲ Berjalan · terlambat": what a cell shows."""
    s = str(status)
    if bool(terlambat):
        return f"{SIMBOL_TERLAMBAT} {LABEL_STATUS.get(s, s)} · terlambat"
    return f"{SIMBOL.get(s, '')} {LABEL_STATUS.get(s, s)}".strip()


def _acuan(r: pd.Series) -> str:
    """"Rehabilitasi RTLH: 20" or "RTLH ≤ 250" or "–": what the decision's target refers to."""
    target = r.get("target")
    if pd.notna(r.get("program")):
        return f"{r['program']}: {fmt.angka(target)}" if pd.notna(target) else str(r["program"])
    if pd.notna(r.get("indikator")):
        nama = _NAMA_INDIKATOR.get(str(r["indikator"]), str(r["indikator"]))
        return f"{nama}: {fmt.angka(target, 2)}" if pd.notna(target) else nama
    return "–"


def _lokasi(r: pd.Series) -> str:
    if pd.isna(r.get("nama_wilayah")):
        return "Kabupaten"
    return str(r["nama_wilayah"]) + (" (kec.)" if r.get("tingkat_wilayah") == "kecamatan" else "")


def tabel_keputusan(k: pd.DataFrame, dengan_saran: bool = False) -> pd.DataFrame:
    """One row per decision: number, text, OPD, place, target, deadline, status (and the suggestion)."""
    kolom = ["No", "Keputusan", "OPD", "Lokasi", "Acuan target", "Tenggat", "Status"]
    if dengan_saran:
        kolom += ["Saran dari data", "Dasar saran"]
    kolom += ["Terakhir diubah"]
    if k.empty:
        return pd.DataFrame(columns=kolom)
    out = pd.DataFrame({
        "No": range(1, len(k) + 1),
        "Keputusan": k["teks"].astype(str).to_numpy(),
        "OPD": k["nama_opd"].fillna("–").to_numpy(),
        "Lokasi": [_lokasi(r) for _, r in k.iterrows()],
        "Acuan target": [_acuan(r) for _, r in k.iterrows()],
        "Tenggat": [fmt.tanggal(pd.Timestamp(t).date()) if pd.notna(t) else "–" for t in k["tenggat"]],
        "Status": [label_status(s, t) for s, t in zip(k["status"], k["terlambat"], strict=True)],
    })
    if dengan_saran:
        out["Saran dari data"] = [label_status(s) if isinstance(s, str) else "–" for s in k["saran"]]
        out["Dasar saran"] = k["alasan_saran"].to_numpy()
    out["Terakhir diubah"] = [f"{o}, {pd.Timestamp(w):%d-%m-%Y %H:%M}" for o, w in
                              zip(k["diubah_oleh"], k["diubah_waktu"], strict=True)]
    return out[kolom]


def tabel_riwayat(log: pd.DataFrame) -> pd.DataFrame:
    """A decision's log as the history expander shows it: when, who, what changed, the state after."""
    if log.empty:
        return pd.DataFrame(columns=["Waktu", "Oleh", "Perubahan", "Status", "Keputusan"])
    return pd.DataFrame({
        "Waktu": [f"{pd.Timestamp(w):%d-%m-%Y %H:%M}" for w in log["waktu"]],
        "Oleh": log["oleh"].to_numpy(),
        "Perubahan": log["berubah"].to_numpy(),
        "Status": [label_status(s) for s in log["status"]],
        "Keputusan": log["teks"].to_numpy(),
    })


def ringkas(k: pd.DataFrame) -> str:
    """"6 keputusan: 2 selesai, 3 berjalan, 1 baru; 2 terlambat"."""
    if k.empty:
        return "Belum ada keputusan."
    n = k["status"].value_counts()
    bagian = ", ".join(f"{int(n.get(s, 0))} {s}" for s in ("selesai", "berjalan", "baru"))
    terlambat = int(k["terlambat"].sum()) if "terlambat" in k else 0
    return f"{len(k)} keputusan: {bagian}; {terlambat} terlambat."
