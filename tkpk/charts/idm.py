"""The IDM overlay: desa named "Tertinggal" drawn over any choropleth, never as a colour of their own.

Why outlines and a symbol: the overlay must read on top of every indicator's colours and in black and white, so
it is a dashed magenta outline (Okabe–Ito reddish purple, distinct from the black pocket outline and the blue
selection) plus a white-haloed ✕ at a point inside each desa.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from tkpk.charts.geodata import data_fitur

WARNA_IDM = "#CC79A7"
def lapisan_idm(fitur: list[dict], titik: pd.DataFrame, *, besar: bool = False) -> list[Any]:
    """Layers for :func:`tkpk.charts.peta.peta_koroplet` (``lapisan_tambahan``): outlines of ``fitur`` (desa
    features) and a ✕ at each of ``titik`` (kode, nama, lon, lat). Empty input gives no layer."""
    if not fitur:
        return []
    garis = alt.Chart(data_fitur(fitur)).mark_geoshape(
        filled=False, fill=None, stroke=WARNA_IDM, strokeWidth=3 if besar else 2.4, strokeDash=[5, 3], aria=False)
    t = titik.dropna(subset=["lon", "lat"])
    enc = {"longitude": "lon:Q", "latitude": "lat:Q"}
    halo = alt.Chart(t).mark_point(shape="cross", size=150 if besar else 90, color="#ffffff", strokeWidth=5,
                                   angle=45, opacity=1).encode(**enc)
    tanda = alt.Chart(t).mark_point(shape="cross", size=150 if besar else 90, color=WARNA_IDM, strokeWidth=2.2,
                                    angle=45, opacity=1, filled=False).encode(
        **enc, tooltip=[alt.Tooltip("nama:N", title="Desa"), alt.Tooltip("status:N", title="IDM")])
    return [garis, halo, tanda.transform_calculate(status="'Tertinggal (Dinas PMD)'")]
