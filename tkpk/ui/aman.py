"""Drawing text and tables from files and users safely, and failures without internals.

- :func:`tabel`: ``st.dataframe`` of a frame neutralised like the exports, so the toolbar's "Download as CSV"
  never hands Excel a formula (:func:`tkpk.teks_aman.tabel`); a missing value reads "–" (:data:`KOSONG`), not
  the "None" Streamlit's grid draws by default.
- :func:`tabel_kecil`: a short reference table (a few rows) as a static HTML table, every cell escaped.
- :func:`md`: re-exported Markdown escaping for messages that quote a cell, a file name or a user.
- :func:`galat_internal`: the one message for a failure we did not foresee: "galat internal" with a short
  reference id, the same id beside the full traceback in the server log. Never a path or an English library
  message on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from tkpk.galat import pesan_internal, rujukan
from tkpk.teks_aman import html, md
from tkpk.teks_aman import tabel as netral

__all__ = ["galat_internal", "html", "md", "pesan_internal", "rujukan", "tabel", "tabel_kecil", "teks_tabel"]

KOSONG = "–"  # what a missing value reads in every table


def tabel(df: pd.DataFrame, **opsi: Any) -> None:
    st.dataframe(netral(df), **{"placeholder": KOSONG, **opsi})


def sel_kecil(format_kolom: Mapping[str, Callable[[object], str]], kolom: str, x: object) -> str:
    """One cell of a static table, escaped (``st.table`` reads cells as Markdown): by its column's format when it
    has one, else its text, a missing one "–"."""
    if kolom in format_kolom:
        return md(format_kolom[kolom](x))
    if x is None or (not isinstance(x, str) and pd.isna(x)):  # type: ignore[arg-type]
        return KOSONG
    return md(x)


def teks_tabel(df: pd.DataFrame, format_kolom: Mapping[str, Callable[[object], str]] | None = None,
               tautan: Mapping[str, Sequence[str | None]] | None = None) -> pd.DataFrame:
    """``df`` as the Markdown text of a static table: every header and cell escaped (:func:`sel_kecil`), and
    ``tautan``: per column, a link for each row (None: none), the escaped cell its label."""
    fmt, tautan = format_kolom or {}, tautan or {}

    def kolom(c: str) -> list[str]:
        isi = [sel_kecil(fmt, c, x) for x in df[c]]
        return [f"[{x}]({u})" if u else x for x, u in zip(isi, tautan[c], strict=True)] if c in tautan else isi

    return pd.DataFrame({md(c): kolom(c) for c in df.columns})


def tabel_kecil(df: pd.DataFrame, format_kolom: Mapping[str, Callable[[object], str]] | None = None,
                tautan: Mapping[str, Sequence[str | None]] | None = None) -> None:
    """A short reference table (a handful of rows, such as the data freshness on the home page) as ``st.table``.

    Why not :func:`tabel`: the interactive grid costs a first visit about 0,6 MB of JavaScript (its grid and JSON
    viewer) and a canvas for a few rows, where a real HTML table draws at once and a screen reader reads it cell
    by cell. ``st.table`` renders cells as Markdown, so every header and cell is escaped (:func:`md`) after
    formatting: numbers by ``format_kolom`` (id-ID formats), other cells as their text, a missing one "–";
    ``tautan`` as :func:`teks_tabel` takes it."""
    st.table(teks_tabel(df, format_kolom, tautan), hide_index=True)


def galat_internal(exc: BaseException | None, konteks: str, akibat: str = "") -> str:
    """Show the "galat internal" message for ``exc`` and return its reference id."""
    ref = rujukan(exc, konteks)
    st.error(pesan_internal(ref, akibat))
    return ref
