"""Decisions as the tables people read: Indonesian headers, names instead of codes, status with a shape.

Why shapes as well as words: the follow-up is read from a projector and on black-and-white printouts, so a status
never depends on colour alone (● selesai, ◐ berjalan, ○ baru, ▲ terlambat).
"""

from __future__ import annotations

import re

import pandas as pd

from tkpk import fmt, katalog
from tkpk.pilar import tabel as pilar_tabel
from tkpk.rakor.keputusan import LABEL_STATUS
from tkpk.rakor.penghargaan import teks_acuan, teks_ketepatan

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
        return f"{r['program']}: {fmt.jumlah(target)}" if pd.notna(target) else str(r["program"])
    if pd.notna(r.get("indikator")):
        nama = _NAMA_INDIKATOR.get(str(r["indikator"]), str(r["indikator"]))
        return f"{nama}: {fmt.angka(target, 2)}" if pd.notna(target) else nama
    return "–"


def _lokasi(r: pd.Series) -> str:
    """"–" when the decision names no place; "Seluruh kabupaten" only when it was recorded kabupaten-wide."""
    if r.get("tingkat_wilayah") == "kabupaten":
        return "Seluruh kabupaten"
    if pd.isna(r.get("nama_wilayah")):
        return "–"
    return str(r["nama_wilayah"]) + (" (kec.)" if r.get("tingkat_wilayah") == "kecamatan" else "")


# The decision tables' columns on a projector: what the room decides on. The follow-up of the previous rakor (its
# slide, and the follow-up page in projector mode) and this rakor's decisions on that page (its own slide shows
# these without the status). All ten did not fit a 1024 px projector; the basis of a
# suggestion and who changed a decision last stay in the desk view and the download.
KOLOM_PROYEKTOR_TINDAK = ["No", "Keputusan", "OPD", "Lokasi", "Tenggat", "Status", "Saran dari data"]
KOLOM_PROYEKTOR = ["No", "Keputusan", "OPD", "Lokasi", "Acuan target", "Tenggat", "Status"]


# A run of this many characters without a space (a web address, a word typed without spaces) gets a break
# opportunity every PATAH_SETIAP characters when shown; no Indonesian word, number or date is that long.
PATAH_BATAS, PATAH_SETIAP = 25, 20
ZWSP = "\u200b"  # ZERO WIDTH SPACE: invisible, a place the line may break
_RUNTUN = re.compile(rf"\S{{{PATAH_BATAS},}}")


def bisa_patah(teks: object) -> object:
    """A decision's text as shown: long runs without a space may break every :data:`PATAH_SETIAP` characters.

    Why: a decision holding a web address or a long word stretched its table past a 1024 px projector and hid the
    last columns (review finding). CSS ``overflow-wrap: anywhere`` fixed that but let the table squeeze the column
    and break ordinary words, amounts and dates inside (second review); this touches only the long runs. Shown
    text only: the download keeps the decision as typed."""
    if not isinstance(teks, str):
        return teks
    return _RUNTUN.sub(lambda m: ZWSP.join(m.group(0)[i:i + PATAH_SETIAP]
                                           for i in range(0, len(m.group(0)), PATAH_SETIAP)), teks)


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
        telat = k["saran_sesudah_tenggat"] if "saran_sesudah_tenggat" in k else [False] * len(k)
        out["Saran dari data"] = [(label_status(s) + (" · sesudah tenggat" if bool(t) else "")) if isinstance(s, str)
                                  else "–" for s, t in zip(k["saran"], telat, strict=True)]
        out["Dasar saran"] = k["alasan_saran"].to_numpy()
    out["Terakhir diubah"] = [f"{o}, {pd.Timestamp(w):%d-%m-%Y %H:%M}" for o, w in
                              zip(k["diubah_oleh"], k["diubah_waktu"], strict=True)]
    return out[kolom]


def tautan_opd(k: pd.DataFrame) -> list[str | None]:
    """For each decision, Kinerja pilar of its OPD's pillar with that OPD chosen for its details (the deadline's
    year when it has one; a year without reports opens the newest), or None without an OPD.

    Why: "is this OPD delivering?" is the next question at a rakor, and a link is focusable content, so a keyboard
    reaches the table's box where it is wider than the screen (a laptop at 125 % scaling, a 1280×720 projector: axe
    ``scrollable-region-focusable``). Only when some decision names an OPD: a table without any still has none."""
    return [None if pilar is None or pd.isna(pilar) else
            pilar_tabel.tautan_opd(int(pilar), pd.Timestamp(tenggat).year if pd.notna(tenggat) else None, None, kode)
            for kode, pilar, tenggat in zip(k["kode_opd"], k["pilar"], k["tenggat"], strict=True)]


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


def tabel_rencana(t: pd.DataFrame, nama_opd: dict[str, str]) -> pd.DataFrame:
    """Plans against delivery as the page shows them: one row per program, quarters as "capaian / rencana"."""
    kolom = ["Status", "OPD", "Program", "Satuan", "Triwulan 1", "Triwulan 2", "Triwulan 3", "Triwulan 4",
             "Rencana tahun", "Capaian tahun", "Capaian (%)", "Pagu rencana (Rp)", "Realisasi (Rp)",
             "Serapan rencana (%)"]
    if t.empty:
        return pd.DataFrame(columns=kolom)

    def sel(c: object, r: object) -> str:
        if pd.isna(r) and pd.isna(c):
            return "–"
        return f"{fmt.jumlah(c) if pd.notna(c) else '–'} / {fmt.jumlah(r) if pd.notna(r) else '–'}"

    out = pd.DataFrame({
        "Status": t["status_label"].to_numpy(),
        "OPD": t["kode_opd"].map(nama_opd).fillna(t["kode_opd"]).to_numpy(),
        "Program": t["program"].to_numpy(), "Satuan": t["satuan_output"].fillna("").to_numpy(),
        **{f"Triwulan {q}": [sel(c, r) for c, r in zip(t[f"capaian_q{q}"], t[f"rencana_q{q}"], strict=True)]
           for q in (1, 2, 3, 4)},
        "Rencana tahun": t["target_tahun"].to_numpy(), "Capaian tahun": t["capaian_tahun"].to_numpy(),
        "Capaian (%)": t["capaian_pct"].round(1).to_numpy(), "Pagu rencana (Rp)": t["pagu_rencana"].to_numpy(),
        "Realisasi (Rp)": t["realisasi"].to_numpy(),
        "Serapan rencana (%)": t["serapan_rencana_pct"].round(1).to_numpy(),
    })
    return out[kolom]


def tabel_penghargaan(p: pd.DataFrame) -> pd.DataFrame:
    """The award ranking: rank, OPD, score, each component (what the weights multiply), what was left out."""
    kolom = ["Peringkat", "OPD", "Skor (0–100)", "Capaian output (%)", "Target capaian (program)",
             "Serapan anggaran (%)", "Tepat sasaran (%)", "Ketepatan lapor (%)", "Lapor tepat waktu", "Tidak dinilai"]
    if p.empty:
        return pd.DataFrame(columns=kolom)
    return pd.DataFrame({
        "Peringkat": [str(int(x)) if pd.notna(x) else "belum melapor" for x in p["peringkat"]],
        "OPD": p["nama_singkat"].to_numpy(), "Skor (0–100)": p["skor"].round(1).to_numpy(),
        "Capaian output (%)": p["capaian_pct"].round(1).to_numpy(),
        "Target capaian (program)": [teks_acuan(r, lap) for r, lap in zip(
            p.get("program_rencana", pd.Series([0] * len(p))), p.get("program_laporan", pd.Series([0] * len(p))),
            strict=True)],
        "Serapan anggaran (%)": p["serapan_pct"].round(1).to_numpy(),
        "Tepat sasaran (%)": p["tepat_sasaran_pct"].round(1).to_numpy(),
        "Ketepatan lapor (%)": p["tepat_waktu_pct"].round(1).to_numpy(),
        "Lapor tepat waktu": [teks_ketepatan(a, b) for a, b in zip(p["periode_tepat_waktu"], p["periode_dinilai"],
                                                                    strict=True)],
        "Tidak dinilai": ["semua (belum melapor)" if pd.isna(r) else (k or "–")
                          for r, k in zip(p["peringkat"], p["komponen_kosong"], strict=True)],
    })[kolom]
