"""The text alternative of a chart: one or two Indonesian sentences with its key numbers, for Vega-Lite's
top-level ``description``.

Why: Vega writes ``description`` as the chart's ``aria-label``, so a screen reader (and anyone who cannot tell
the colours apart) hears what the chart shows instead of "graphic". Each builder in :mod:`tkpk.charts` knows its
data and writes its own sentence with these helpers; numbers come as the id-ID text the server already made
(``nilai_teks``), never re-formatted here. :func:`tkpk.ui.grafik._spek` adds a generic sentence for a chart whose
builder wrote none.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd


def satu_baris(teks: str | Iterable[str] | None) -> str:
    """A title or subtitle (a string or lines) as one line of text."""
    if teks is None:
        return ""
    if isinstance(teks, str):
        return teks.strip()
    return " ".join(str(t).strip() for t in teks if str(t).strip())


def daftar(nama: Iterable[Any], maks: int = 5) -> str:
    """``A, B dan C``; more than ``maks`` names end in ``dan N lainnya``."""
    n = [str(x) for x in nama]
    if len(n) > maks:
        return f"{', '.join(n[:maks])} dan {len(n) - maks} lainnya"
    return n[0] if len(n) == 1 else f"{', '.join(n[:-1])} dan {n[-1]}" if n else ""


def rentang_tahun(tahun: Iterable[Any]) -> str:
    """``2018–2024`` (or one year) from the years present."""
    t = sorted({int(x) for x in tahun if pd.notna(x)})
    if not t:
        return ""
    return str(t[0]) if t[0] == t[-1] else f"{t[0]}–{t[-1]}"


def dari_ke(df: pd.DataFrame, tahun: str = "tahun", nilai: str = "nilai", teks: str = "nilai_teks") -> str:
    """``dari 2,86% (2018) ke 2,36% (2024)`` over the rows with a value; one year gives ``2,36% (2024)``."""
    ada = df[df[nilai].notna()].sort_values(tahun) if nilai in df.columns else df.iloc[0:0]
    if ada.empty:
        return "belum ada angka"
    awal, akhir = ada.iloc[0], ada.iloc[-1]
    if awal[tahun] == akhir[tahun]:
        return f"{akhir[teks]} ({int(akhir[tahun])})"
    return f"dari {awal[teks]} ({int(awal[tahun])}) ke {akhir[teks]} ({int(akhir[tahun])})"


def kalimat(*bagian: str) -> str:
    """Sentences joined, each ending in a full stop."""
    hasil = []
    for b in bagian:
        b = b.strip()
        if b:
            hasil.append(b if b[-1] in ".!?" else b + ".")
    return " ".join(hasil)


_JENIS_MARK = {"line": "garis", "bar": "batang", "point": "titik", "circle": "titik", "square": "titik",
               "geoshape": "peta", "area": "area", "rect": "petak", "arc": "lingkaran", "tick": "tanda"}


def _mark(node: dict[str, Any]) -> list[str]:
    hasil = []
    m = node.get("mark")
    if m is not None:
        hasil.append(m if isinstance(m, str) else str(m.get("type", "")))
    for k in ("layer", "hconcat", "vconcat", "concat"):
        for anak in node.get(k, []):
            hasil += _mark(anak)
    if isinstance(node.get("spec"), dict):
        hasil += _mark(node["spec"])
    return hasil


def teks_judul(spec: dict[str, Any]) -> tuple[str, str]:
    """(title, subtitle) of a spec as single lines."""
    t = spec.get("title")
    if isinstance(t, dict):
        return satu_baris(t.get("text")), satu_baris(t.get("subtitle"))
    return satu_baris(t), ""


def perlu_deskripsi(spec: dict[str, Any]) -> bool:
    """True when a spec has no description of its own, or one that only repeats the title."""
    d = satu_baris(spec.get("description"))
    judul, _ = teks_judul(spec)
    return not d or d.rstrip(".") == judul.rstrip(".")


def deskripsi_umum(spec: dict[str, Any]) -> str:
    """The fallback sentence for a chart whose builder wrote none: kind of chart, title and subtitle."""
    jenis = [_JENIS_MARK[m] for m in dict.fromkeys(_mark(spec)) if m in _JENIS_MARK]
    nama = "Peta" if "peta" in jenis else f"Grafik {' dan '.join(jenis[:2])}" if jenis else "Grafik"
    judul, sub = teks_judul(spec)
    return kalimat(f"{nama}: {judul or 'tanpa judul'}", sub)
