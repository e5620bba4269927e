"""The shared "unduh gambar" widget: PNG (scale 2) and SVG of a chart, with title, source and sample label inside.

Why callables: vl-convert costs about a second on its first call in a process, so the files are rendered only
when someone clicks (``st.download_button`` accepts a callable as ``data`` since Streamlit 1.5x), never on every
rerun of the page.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from tkpk.ekspor.gambar import ke_png, ke_svg
from tkpk.toko.tahun import keadaan_data
from tkpk.ui.cache import baca


def tombol_gambar(chart: Any, nama: str, sumber: str | list[str], sampel: bool, key: str) -> None:
    """Two buttons side by side; ``nama`` without extension (e.g. ``tren_p0_banjar``). The image names the store
    state it reflects (newest batch and date) and, for sample data, carries the label."""
    keadaan = baca(keadaan_data)
    baris = st.container(horizontal=True)  # as wide as its buttons: labels never cut (see tombol_unduh)
    baris.download_button(
        "Unduh gambar (PNG)", lambda: ke_png(chart, sumber=sumber, sampel=sampel, keadaan=keadaan),
        file_name=f"{nama}.png",
        mime="image/png", key=f"{key}_png", on_click="ignore", icon=":material/image:",
        help="Resolusi 2×, dengan judul, sumber dan label data contoh di dalam gambar.",
    )
    baris.download_button(
        "Unduh gambar (SVG)", lambda: ke_svg(chart, sumber=sumber, sampel=sampel, keadaan=keadaan),
        file_name=f"{nama}.svg",
        mime="image/svg+xml", key=f"{key}_svg", on_click="ignore", icon=":material/image:",
        help="Vektor, untuk laporan dan cetak besar.",
    )
