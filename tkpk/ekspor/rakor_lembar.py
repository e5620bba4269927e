"""The workbook's rakor sheets: "Rencana aksi" (plans against delivery, all pillars) and "Tindak lanjut rakor".

Why they read :mod:`tkpk.rakor`: the sheets must list the plans and decisions with the statuses the Kinerja pilar
page, the Tindak lanjut page and the slides show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

from tkpk import katalog
from tkpk.rakor import rencana as rc
from tkpk.rakor import tabel
from tkpk.rakor.bahan import bahan_rakor, judul_rakor
from tkpk.toko.queries import fetch


@dataclass(frozen=True)
class LembarRakor:
    rencana: pd.DataFrame
    tindak_lanjut: pd.DataFrame
    sampel_rencana: bool
    sampel_rakor: bool


def lembar_rencana(t: pd.DataFrame) -> pd.DataFrame:
    """Plans against delivery as numbers (the sheet is for further work, so no "a / b" text cells)."""
    if t.empty:
        return pd.DataFrame({"Keterangan": ["Belum ada rencana aksi tersimpan untuk tahun ini."]})
    out = pd.DataFrame({
        "Pilar": t["pilar"], "OPD": t["kode_opd"].map(katalog.NAMA_SINGKAT_OPD).fillna(t["kode_opd"]),
        "Program": t["program"],
        "Satuan": t["satuan_output"],
        **{f"Rencana s.d. TW{q}": t[f"rencana_q{q}"] for q in rc.TRIWULAN},
        **{f"Laporan s.d. TW{q}": _atau_strip(t[f"capaian_q{q}"]) for q in rc.TRIWULAN},
        "Rencana tahun": t["target_tahun"], "Capaian tahun": _atau_strip(t["capaian_tahun"]),
        "Capaian (%)": _atau_strip(t["capaian_pct"].round(2)), "Pagu rencana (Rp)": t["pagu_rencana"],
        "Realisasi (Rp)": _atau_strip(t["realisasi"]),
        "Serapan rencana (%)": _atau_strip(t["serapan_rencana_pct"].round(2)),
        "Status": [rc.teks_status(s, c) for s, c in zip(t["status"], t["catatan_lapor"], strict=True)],
    })
    return out.reset_index(drop=True)


def _atau_strip(s: pd.Series) -> pd.Series:
    """Delivery not reported (NaN) as "–", so the sheet never shows an empty cell a reader could take for 0."""
    return s.astype(object).where(s.notna(), "–")


def _blok(k: pd.DataFrame, rakor: dict | None, bagian: str, dengan_saran: bool) -> pd.DataFrame:
    t = tabel.tabel_keputusan(k, dengan_saran=dengan_saran)
    if t.empty:
        return t
    return t.assign(Bagian=bagian, Rakor=judul_rakor(rakor))[["Bagian", "Rakor", *t.columns]]


def lembar_tindak_lanjut(b: object) -> pd.DataFrame:
    """The previous rakor's decisions with suggestions, then the current rakor's decisions."""
    bagian = [_blok(b.tindak_lanjut, b.sebelumnya, "Tindak lanjut rakor sebelumnya", True),  # type: ignore[attr-defined]
              _blok(b.keputusan, b.sekarang, "Keputusan rakor ini", False)]  # type: ignore[attr-defined]
    bagian = [x for x in bagian if not x.empty]
    if not bagian:
        return pd.DataFrame({"Keterangan": ["Belum ada keputusan rakor tercatat."]})
    return pd.concat(bagian, ignore_index=True)


def lembar_rakor(con: duckdb.DuckDBPyConnection, tahun: int, hari_ini: date | None = None) -> LembarRakor:
    t = rc.rencana_vs_realisasi(fetch(con, "rakor_rencana_tahun", {"tahun": tahun}),
                                fetch(con, "rakor_intervensi_tahun", {"tahun": tahun}), tahun, hari_ini)
    b = bahan_rakor(con, hari_ini=hari_ini)
    return LembarRakor(lembar_rencana(t), lembar_tindak_lanjut(b), bool(t["sampel"].any()) if len(t) else False,
                       b.sampel)
