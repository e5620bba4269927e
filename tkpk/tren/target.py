"""Targets against what was achieved: "target 2024: 0% (Inpres 4/2022) — tercapai / belum tercapai".

Why one module: the Ringkasan headline, the trend charts, the slides and the workbook must judge a target the same
way. A target is a figure with a source too (RPJMD, Inpres, a quoted official), so its kind of source travels
with it; a year without a target says so instead of comparing against nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import duckdb
import pandas as pd

from tkpk import KODE_BANJAR, fmt, mutu_sumber
from tkpk.katalog import INDIKATOR_BPS_BY_KODE, INDIKATOR_BY_KODE
from tkpk.mutu_sumber import label_target as label_jenis
from tkpk.toko.queries import fetch

# Targets are judged at the precision they are written with (2,93% against 3,04%), never on float noise.
DESIMAL_BANDING = 2


def dokumen_singkat(dokumen: object) -> str:
    """``RPJMD Kabupaten Banjar (periode s.d. 2021)`` → ``RPJMD Kabupaten Banjar``: the label beside a number."""
    teks = str(dokumen or "").strip()
    return teks.split(" (")[0] if teks else "dokumen tidak disebut"


def _satuan(indikator: str) -> str:
    if indikator in INDIKATOR_BPS_BY_KODE:
        return INDIKATOR_BPS_BY_KODE[indikator].satuan
    return INDIKATOR_BY_KODE[indikator].satuan if indikator in INDIKATOR_BY_KODE else ""


def _lebih_buruk_naik(indikator: str) -> bool:
    if indikator in INDIKATOR_BPS_BY_KODE:
        return INDIKATOR_BPS_BY_KODE[indikator].lebih_tinggi_lebih_buruk
    return INDIKATOR_BY_KODE[indikator].lebih_tinggi_lebih_buruk if indikator in INDIKATOR_BY_KODE else True


def teks_target(x: float | None, satuan: str) -> str:
    """A target at the precision its document states it: "0%" (Inpres 4/2022), "2,93%" (RPJMD), never "0,00%"
    (which reads as a measured figure); shares get at most two decimals, like BPS's P0."""
    if x is None or (isinstance(x, float) and math.isnan(x)) or satuan != "%":
        return fmt.nilai(x, satuan)
    v = float(x)
    desimal = next((d for d in (0, 1) if abs(round(v, d) - v) < 1e-9), 2)
    return fmt.persen(v, desimal)


def _ada(x: object) -> bool:
    return x is not None and not (isinstance(x, float) and math.isnan(x))


@dataclass(frozen=True)
class StatusTarget:
    """One indicator's target for one year and place, against its realisation (both may be missing)."""

    indikator: str
    tahun: int
    target: float | None
    realisasi: float | None
    dokumen: str = ""
    sumber: str = ""
    jenis_sumber: str | None = None
    rincian: str = ""

    @property
    def ada(self) -> bool:
        return _ada(self.target)

    @property
    def tercapai(self) -> bool | None:
        """True/False when both numbers exist; None when either is missing (nothing to judge)."""
        if not self.ada or not _ada(self.realisasi):
            return None
        t = round(float(self.target), DESIMAL_BANDING)  # type: ignore[arg-type]
        r = round(float(self.realisasi), DESIMAL_BANDING)  # type: ignore[arg-type]
        return r <= t if _lebih_buruk_naik(self.indikator) else r >= t

    @property
    def teks_nilai(self) -> str:
        return teks_target(self.target, _satuan(self.indikator)) if self.ada else fmt.TIDAK_ADA

    @property
    def teks(self) -> str:
        """"target 2021: 2,93% (RPJMD Kabupaten Banjar) — belum tercapai (realisasi 3,04%)", or
        "belum ada target untuk 2024"."""
        if not self.ada:
            return f"belum ada target untuk {self.tahun}"
        kepala = f"target {self.tahun}: {self.teks_nilai} ({dokumen_singkat(self.dokumen)})"
        if self.tercapai is None:
            return f"{kepala} — belum ada angka realisasi {self.tahun}"
        realisasi = fmt.nilai(self.realisasi, _satuan(self.indikator))
        return f"{kepala} — {'tercapai' if self.tercapai else 'belum tercapai'} (realisasi {realisasi})"

    @property
    def catatan_sumber(self) -> str:
        """The target's own source kind and detail, e.g. "dikutip pejabat …: sekitar 2,93 persen …"."""
        if not self.ada:
            return ""
        return f"Sumber target: {label_jenis(self.jenis_sumber)}; {self.rincian}".rstrip("; ")


def target_semua(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every current target with its place name, source and kind of source."""
    return fetch(con, "target_semua")


def status_target(targets: pd.DataFrame, indikator: str, tahun: int, realisasi: float | None,
                  kode: str = KODE_BANJAR) -> StatusTarget:
    """The target of ``indikator`` for ``tahun`` at ``kode`` (from :func:`target_semua`) against ``realisasi``."""
    t = targets[(targets["indikator"] == indikator) & (targets["tahun"] == tahun) & (targets["kode_wilayah"] == kode)]
    if t.empty:
        return StatusTarget(indikator, tahun, None, realisasi)
    r = t.iloc[0]
    return StatusTarget(indikator, tahun, float(r["nilai"]), realisasi, str(r["dokumen"] or ""),
                        str(r["sumber"] or ""), r["jenis_sumber"] if isinstance(r["jenis_sumber"], str) else None,
                        str(r["rincian"]) if isinstance(r["rincian"], str) else "")


def target_realisasi(targets: pd.DataFrame, bps: pd.DataFrame) -> pd.DataFrame:
    """Every target of a BPS indicator beside its realisation (``bps``: the ``bps_seri`` rows), for the workbook."""
    baris = []
    for r in targets.sort_values(["indikator", "tahun"]).itertuples(index=False):
        nyata, jenis_nyata = None, ""
        if r.indikator in bps.columns:
            # bps_seri has already nulled register and sample figures: a register count is never a realisation
            m = bps[(bps["kode_wilayah"] == r.kode_wilayah) & (bps["tahun"] == r.tahun)]
            nyata = float(m[r.indikator].iloc[0]) if not m.empty and _ada(m[r.indikator].iloc[0]) else None
            kolom = f"jenis_sumber_{r.indikator}" if f"jenis_sumber_{r.indikator}" in bps.columns else "jenis_sumber"
            jenis_nyata = mutu_sumber.label(m[kolom].iloc[0]) if nyata is not None and kolom in m.columns else ""
        s = StatusTarget(r.indikator, int(r.tahun), float(r.nilai), nyata, str(r.dokumen or ""),
                         str(r.sumber or ""), r.jenis_sumber if isinstance(r.jenis_sumber, str) else None,
                         str(r.rincian) if isinstance(r.rincian, str) else "")
        nama = INDIKATOR_BPS_BY_KODE[r.indikator].nama if r.indikator in INDIKATOR_BPS_BY_KODE else (
            INDIKATOR_BY_KODE[r.indikator].nama if r.indikator in INDIKATOR_BY_KODE else r.indikator)
        baris.append({
            "Tahun": int(r.tahun), "Kode wilayah": r.kode_wilayah, "Wilayah": r.nama, "Indikator": nama,
            "Satuan": _satuan(r.indikator), "Target": float(r.nilai), "Realisasi": nyata,
            "Jenis sumber realisasi": jenis_nyata,
            "Status": ("tercapai" if s.tercapai else "belum tercapai") if s.tercapai is not None
            else "belum ada angka realisasi",
            "Dokumen": r.dokumen, "Jenis sumber target": label_jenis(s.jenis_sumber), "Rincian": s.rincian,
            "Sumber target": r.sumber,
        })
    kolom = ["Tahun", "Kode wilayah", "Wilayah", "Indikator", "Satuan", "Target", "Realisasi", "Jenis sumber realisasi",
             "Status", "Dokumen",
             "Jenis sumber target", "Rincian", "Sumber target"]
    return pd.DataFrame(baris, columns=kolom)
