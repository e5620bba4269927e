"""The shared "unduh data" widget: CSV and XLSX of exactly the DataFrame a chart shows.

Why callables: the files are built when someone clicks (``st.download_button`` accepts a callable as ``data``),
not on every rerun; writing an XLSX took a fifth of a page rerun (bench/RESULTS.md).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tkpk.unduh import ke_csv, ke_xlsx


def tombol_unduh(df: pd.DataFrame, nama_berkas: str, key: str) -> None:
    """Two download buttons side by side; ``nama_berkas`` without extension (e.g. ``tren_p0_banjar``)."""
    c1, c2, _ = st.columns([1, 1, 4])
    c1.download_button(
        "⬇️ Unduh data (CSV)", lambda: ke_csv(df), file_name=f"{nama_berkas}.csv", mime="text/csv",
        key=f"{key}_csv", on_click="ignore", help="Untuk Excel berbahasa Indonesia: pemisah titik koma, desimal koma.",
    )
    c2.download_button(
        "⬇️ Unduh data (XLSX)", lambda: ke_xlsx(df), key=f"{key}_xlsx", file_name=f"{nama_berkas}.xlsx",
        on_click="ignore",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def tabel_angka(df: pd.DataFrame, format_kolom: dict[str, object], **kwargs: object) -> None:
    """A sortable table: cells show id-ID text (Styler) while sorting uses the numbers underneath."""
    st.dataframe(df.style.format(format_kolom, na_rep="–"), hide_index=True, **kwargs)  # type: ignore[arg-type]
