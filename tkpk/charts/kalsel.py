"""Kalimantan Selatan: a choropleth of the 13 kab/kota and the ranked bars of the same numbers.

Why: an official asks "where do we stand?" and reads it faster from a map plus a ranking than from a table.
Places without a figure are grey and say "tidak ada data" (in the legend and the tooltip) instead of silently
looking like a low value. Banjar carries a thick black outline and its name, so it is found at a glance.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import geopandas as gpd
import pandas as pd

from tkpk.charts import deskripsi as ds
from tkpk.charts.geodata import data_fitur
from tkpk.charts.tema import WARNA_BANJAR, WARNA_LAIN, WARNA_TANPA_DATA, terapkan
from tkpk.charts.tren import bungkus, format_sumbu, judul_grafik, judul_sumbu
from tkpk.peta.geojson import to_features

TIDAK_ADA_DATA = "tidak ada data"
# The colour ramps, light to dark (ColorBrewer OrRd and Blues without their palest steps): Vega's own ``blues``
# starts at #cfe1f2, only 8–9 CIEDE2000 from the no-data grey for colour-blind readers (project threshold 10,
# tests/unit/test_warna_buta_warna.py); every colour of these ramps is at least 10 from it.
RENTANG_NAIK_BURUK = ["#fdd49e", "#fdbb84", "#fc8d59", "#ef6548", "#d7301f", "#b30000", "#7f0000"]
RENTANG_TURUN_BURUK = ["#a6cbe3", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"]
SIFAT = ["kode_wilayah", "label", "nilai", "nilai_teks", "sumber_ringkas", "peringkat_teks", "banjar"]


def _fitur(gdf: gpd.GeoDataFrame, props: list[str]) -> list[dict[str, Any]]:
    """GeoJSON features with properties lifted to the top level, as Streamlit's Vega needs them."""
    return list(to_features(gdf, props))


def _titik_label(gdf: gpd.GeoDataFrame) -> pd.DataFrame:
    """Where the name labels go: a point surely inside each polygon (not the centroid, which can fall outside)."""
    p = gdf.geometry.representative_point()
    return pd.DataFrame({"label": gdf["label"].values, "banjar": gdf["banjar"].values, "lon": p.x, "lat": p.y})


def _ujung(d: pd.DataFrame) -> str:
    """"terendah A (1,2%), tertinggi B (9,8%)" over the rows with a value; one figure is named once ("hanya A
    (1,2%)"), not as both the lowest and the highest."""
    ada = d[d["nilai"].notna()].sort_values("nilai", kind="stable")
    if ada.empty:
        return "belum ada angka"
    rendah, tinggi = ada.iloc[0], ada.iloc[-1]
    if len(ada) == 1:
        return f"hanya {rendah['label']} ({rendah['nilai_teks']}) yang sudah ada angkanya"
    return f"terendah {rendah['label']} ({rendah['nilai_teks']}), tertinggi {tinggi['label']} ({tinggi['nilai_teks']})"


def _banjar(d: pd.DataFrame) -> str:
    b = d[d["banjar"].astype(bool)]
    if b.empty:
        return ""
    r = b.iloc[0]
    nilai = r["nilai_teks"] if pd.notna(r["nilai"]) else TIDAK_ADA_DATA
    peringkat = r.get("peringkat_teks")
    ada_peringkat = isinstance(peringkat, str) and peringkat.strip() not in ("", "–")
    return f"{r['label']} {nilai}" + (f", peringkat {peringkat}" if ada_peringkat else "")


def deskripsi_kalsel(gdf: pd.DataFrame, judul: str) -> str:
    n_ada = int(gdf["nilai"].notna().sum())
    kosong = len(gdf) - n_ada
    return ds.kalimat(
        f"Peta {len(gdf)} kab/kota Kalimantan Selatan, {ds.satu_baris(judul)}: {_ujung(gdf)}",
        _banjar(gdf), f"{kosong} kab/kota tanpa data" if kosong else "")


def peta_kalsel(
    gdf: gpd.GeoDataFrame,
    *,
    judul: str,
    satuan: str,
    subjudul: str | list[str] = "",
    lebih_tinggi_lebih_buruk: bool = True,
    besar: bool = False,
    lebar: int | str = "container",
    tinggi: int = 480,
) -> Any:
    """Choropleth of ``gdf`` (kode_wilayah, label, nilai, nilai_teks, sumber_ringkas, peringkat_teks, banjar);
    the rank text says "belum cukup pembanding" when fewer than 5 kab/kota have a figure."""
    ada = gdf[gdf["nilai"].notna()]
    kosong = gdf[gdf["nilai"].isna()].assign(status=TIDAK_ADA_DATA)
    tooltip = [alt.Tooltip("label:N", title="Kab/kota"), alt.Tooltip("nilai_teks:N", title="Nilai"),
               alt.Tooltip("peringkat_teks:N", title="Peringkat (1 = terendah)"),
               alt.Tooltip("sumber_ringkas:N", title="Sumber")]
    rentang = RENTANG_NAIK_BURUK if lebih_tinggi_lebih_buruk else RENTANG_TURUN_BURUK
    isi = alt.Chart(data_fitur(_fitur(ada, SIFAT))).mark_geoshape(stroke="white", strokeWidth=1).encode(
        color=alt.Color("nilai:Q", title=satuan, scale=alt.Scale(range=rentang, interpolate="rgb"),
                        legend=alt.Legend(format=format_sumbu(satuan), orient="right", direction="vertical",
                                          gradientLength=160, titleFontSize=15)),
        tooltip=tooltip,
    )
    # no figure at all (an indicator nobody has published yet): no colour scale, whose legend would read "NaN"
    lapisan = [isi] if not ada.empty else []
    if not kosong.empty:
        lapisan.append(alt.Chart(data_fitur(_fitur(kosong, [*SIFAT, "status"]))).mark_geoshape(
            stroke="white", strokeWidth=1,
        ).encode(
            fill=alt.Fill("status:N", title=None, scale=alt.Scale(domain=[TIDAK_ADA_DATA], range=[WARNA_TANPA_DATA]),
                          legend=alt.Legend(orient="right", symbolSize=300, symbolType="square")),
            tooltip=tooltip,
        ))
    banjar = gdf[gdf["banjar"]]
    # an outline over Banjar's fill: decoration, kept out of the accessibility tree (the chart's description
    # names Banjar and its figure)
    lapisan.append(alt.Chart(data_fitur(_fitur(banjar, SIFAT))).mark_geoshape(
        filled=False, stroke="#000000", strokeWidth=3.5, aria=False,
    ))
    lapisan.append(alt.Chart(_titik_label(banjar)).mark_text(
        fontSize=17 if not besar else 24, fontWeight="bold", color="#000000", stroke="white", strokeWidth=0.5,
    ).encode(longitude="lon:Q", latitude="lat:Q", text="label:N"))
    chart = alt.layer(*lapisan).resolve_scale(color="independent", fill="independent").project(type="mercator")
    chart = chart.properties(title=judul_grafik(bungkus(judul, 36), bungkus(subjudul, 62)), width=lebar,
                             height=tinggi)
    return terapkan(chart, besar=besar, deskripsi=deskripsi_kalsel(gdf, judul))


def batang_peringkat(
    tabel: pd.DataFrame,
    *,
    judul: str,
    satuan: str,
    subjudul: str | list[str] = "",
    besar: bool = False,
    lebar: int | str = "container",
) -> Any:
    """Horizontal bars, lowest value on top (rank 1); no-data rows at the bottom, labelled in words."""
    d = tabel.assign(nilai_batang=tabel["nilai"].fillna(0))
    urutan = d["label"].tolist()
    y = alt.Y("label:N", sort=urutan, title=None, axis=alt.Axis(labelFontSize=15, labelLimit=220))
    warna = alt.condition("datum.banjar", alt.value(WARNA_BANJAR), alt.value(WARNA_LAIN))
    tooltip = [alt.Tooltip("label:N", title="Kab/kota"), alt.Tooltip("nilai_teks:N", title="Nilai"),
               alt.Tooltip("sumber_ringkas:N", title="Sumber")]
    batang = alt.Chart(d).mark_bar(height={"band": 0.75}).encode(
        x=alt.X("nilai_batang:Q", title=judul_sumbu(satuan),
                # whole-number labels need whole-number ticks: 0; 0,5; 1 … read "0, 1, 1, 2" (2021: one bar of 3)
                axis=alt.Axis(format=",.0f" if satuan == "%" else format_sumbu(satuan), tickCount=5,
                              **({"tickMinStep": 1} if satuan == "%" or format_sumbu(satuan) == ",.0f" else {}))),
        y=y, color=warna, tooltip=tooltip,
    )
    teks = alt.Chart(d).mark_text(align="left", dx=5, fontSize=15 if not besar else 20).encode(
        x="nilai_batang:Q", y=y, text="nilai_teks:N",
        color=alt.condition("datum.nilai === null", alt.value("#555555"), alt.value("#111111")),
    )
    chart = alt.layer(batang, teks).properties(
        title=judul_grafik(bungkus(judul, 34), bungkus(subjudul, 56)), width=lebar, height=max(300, 32 * len(d)),
        padding={"left": 5, "top": 5, "bottom": 5, "right": 110},
    )
    teks = ds.kalimat(f"Grafik batang {len(d)} kab/kota, {ds.satu_baris(judul)}, dari nilai terendah di atas: "
                      f"{_ujung(tabel)}", _banjar(tabel))
    return terapkan(chart, besar=besar, deskripsi=teks)
