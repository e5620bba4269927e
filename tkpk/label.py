"""What every artefact says about its own data: the sample-data label and the state of the store it reflects.

Why one module: a figure travels without the page around it (a CSV pasted into a report, a workbook sheet copied
into the LP2KD, a PNG in a WhatsApp group, a slide on the projector). So each artefact carries, inside itself,

- the label DATA CONTOH (sintetis) whenever it holds sample data: a ``Sumber data`` column in every CSV/XLSX
  download (:func:`dengan_sumber`), the title row of every workbook sheet (:func:`judul_lembar`), the body of every
  slide, the frame of every PNG and the band of every PDF;
- the newest batch of the store and its date (:class:`tkpk.toko.tahun.KeadaanData`), so a reader can tell which
  upload the figures include.

Artefacts added later (another sheet, another slide) call the same functions.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from tkpk import SUMBER_CONTOH
from tkpk.toko.tahun import KeadaanData

__all__ = ["KOLOM_SUMBER", "LABEL_SAMPEL", "ada_label", "ada_sampel", "akhiran_contoh", "dengan_sumber", "judul_lembar",
           "teks_sumber"]

LABEL_SAMPEL = f"{SUMBER_CONTOH} — bukan data resmi"
KOLOM_SUMBER = "Sumber data"
LABEL_SINGKAT = "⚠️ DATA CONTOH."  # a slide's footer: its body already carries the full label


def akhiran_contoh(sampel: bool, singkat: bool = False) -> str:
    """What a source line gets appended when its figures are sample data: " — DATA CONTOH (sintetis)", or on a
    slide's footer (``singkat``) " ⚠️ DATA CONTOH."; nothing for real data. Every page's source line uses this."""
    if not sampel:
        return ""
    return f" {LABEL_SINGKAT}" if singkat else f" — {SUMBER_CONTOH}"


def teks_sumber(sampel: bool, keadaan: KeadaanData | None = None, asal: str = "") -> str:
    """One line: where the figures come from (the sample label first when they are sample data) and the store
    state: "DATA CONTOH (sintetis) — bukan data resmi; data per batch 5 (1 November 2026)"."""
    bagian = [LABEL_SAMPEL] if sampel else []
    if asal and not (sampel and SUMBER_CONTOH in asal):
        bagian.append(asal)
    if keadaan is not None:
        bagian.append(keadaan.teks)
    return "; ".join(bagian)


def ada_sampel(df: pd.DataFrame) -> bool:
    """True when a frame visibly holds sample data: a true ``sampel`` column or a cell naming the label."""
    if "sampel" in df.columns and df["sampel"].fillna(False).astype(bool).any():
        return True
    teks = [c for c in df.columns if df[c].dtype == object or pd.api.types.is_string_dtype(df[c])]
    return any(df[c].astype("str").str.contains(SUMBER_CONTOH, regex=False).any() for c in teks)


def dengan_sumber(df: pd.DataFrame, sampel: bool | None = None, keadaan: KeadaanData | None = None,
                  asal: str = "") -> pd.DataFrame:
    """The frame a CSV/XLSX download writes: the table plus a ``Sumber data`` column on every row.

    ``sampel`` None = decide from the frame (:func:`ada_sampel`). A frame without rows gets one row naming the
    source, so even an empty download says what it is.
    """
    label = ada_sampel(df) if sampel is None else sampel
    teks = teks_sumber(label, keadaan, asal)
    if not teks:
        return df
    out = df.drop(columns=["sampel"], errors="ignore").copy()
    if out.empty:
        out = pd.DataFrame({c: pd.Series([None], dtype="object") for c in out.columns})
    out[KOLOM_SUMBER] = teks
    return out


def judul_lembar(judul: str, tahun: int | None, sampel: bool, keadaan: KeadaanData | None = None) -> str:
    """A workbook sheet's title row: "Lokasi prioritas — Kabupaten Banjar 2024 — ⚠ DATA CONTOH … — data per …"."""
    bagian = [judul + (f" — Kabupaten Banjar {tahun}" if tahun else "")]
    if sampel:
        bagian.append(f"⚠ {LABEL_SAMPEL}")
    if keadaan is not None:
        bagian.append(keadaan.teks)
    return " — ".join(bagian)


def ada_label(teks: Iterable[str]) -> bool:
    """True when any of the texts carries the sample label (for tests that open artefacts)."""
    return any(SUMBER_CONTOH in t for t in teks)
