"""Small maps for the exports and the rakor slides: where the pockets are, and where a program worked.

Why separate from the map page's builders: a PDF brief and a slide need a map that reads without tooltips or
interaction, at a glance and in black and white. So: a light-to-dark single-hue scale (its lightness alone
carries the order, and it survives a grey printer), pockets drawn with a thick black outline rather than a
colour, and kecamatan names written on the map. Geometry is simplified (a few metres at kabupaten scale) to
keep specs small; features go inline through :func:`tkpk.peta.geojson.to_features` (Vega's ring order).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

import altair as alt
import geopandas as gpd
import pandas as pd
import shapely

from tkpk import fmt
from tkpk.charts.deskripsi import daftar
from tkpk.charts.geodata import data_fitur
from tkpk.charts.tema import terapkan
from tkpk.peta.geojson import representative_points, to_features

TOLERANSI = 0.0004  # degrees, about 40 m
WARNA_NOL = "#ffffff"
SKEMA_NILAI = "blues"
WARNA_KANTONG = "#7f0000"
WARNA_BUKAN = "#f2f2f2"


class _Batas:
    """A boundary frame as a cache key: equal when the codes, names and outlines are equal (a digest of their
    WKB), so a new frame with the same outlines hits, and a changed one never gets another frame's result."""

    __slots__ = ("gdf", "sidik")

    def __init__(self, gdf: gpd.GeoDataFrame) -> None:
        h = hashlib.blake2b(digest_size=20)
        for bagian in (gdf["kode"].astype(str), gdf["nama"].astype(str)):
            h.update("\x1f".join(bagian).encode())
            h.update(b"\x1e")
        h.update(b"\x1f".join(shapely.to_wkb(gdf.geometry.values)))
        self.gdf = gdf
        self.sidik = (len(gdf), str(gdf.crs), h.digest())

    def __hash__(self) -> int:
        return hash(self.sidik)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Batas) and other.sidik == self.sidik


@lru_cache(maxsize=16)
def _sederhana_isi(batas: _Batas) -> tuple[gpd.GeoSeries, pd.DataFrame]:
    """The simplified outlines and the label points: what depends only on the key's codes, names and shapes."""
    return (batas.gdf.geometry.simplify(TOLERANSI, preserve_topology=True),
            representative_points(batas.gdf, ["kode", "nama"]))


def _sederhana(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Simplified copy, cached per outline content (``functools.lru_cache``: bounded, thread-safe): a CLI export
    draws the same 20 outlines 40 times. Digesting 290 desa outlines takes ~10 ms, simplifying them ~70 ms."""
    g = gdf.copy()
    g["geometry"] = _sederhana_isi(_Batas(gdf))[0].values
    return g


def _titik(gdf: gpd.GeoDataFrame) -> pd.DataFrame:
    return _sederhana_isi(_Batas(gdf))[1]


def _teks_label(batas_kec: gpd.GeoDataFrame, ukuran: int, lebar: int, tinggi: int) -> alt.Chart:
    """Names drawn twice (white halo, then black) so they read on dark and light fills alike; crowded names are
    moved apart as on the Peta page (:func:`tkpk.charts.peta.geser_label`)."""
    from tkpk.charts.peta import geser_label

    x0, y0, x1, y1 = batas_kec.total_bounds
    px = 0.9 * min(lebar / (x1 - x0), tinggi / (y1 - y0))  # no legend: the outline nearly fills the frame
    titik = geser_label(_titik(batas_kec), px, ukuran)
    enc = {"longitude": "lon:Q", "latitude": "lat:Q", "text": "nama:N"}
    halo = alt.Chart(titik).mark_text(fontSize=ukuran, fontWeight="bold", color="#ffffff", stroke="#ffffff",
                                      strokeWidth=4, strokeJoin="round").encode(**enc)
    teks = alt.Chart(titik).mark_text(fontSize=ukuran, fontWeight="bold", color="#000000").encode(**enc)
    return alt.layer(halo, teks)


def peta_kantong(batas_desa: gpd.GeoDataFrame, batas_kec: gpd.GeoDataFrame, kode_kantong: Iterable[str], *,
                 judul: str = "Kantong kemiskinan", subjudul: str = "", lebar: int = 760, tinggi: int = 620,
                 besar: bool = False, sampel: bool = False, tahun: int | None = None) -> Any:
    """Desa pockets dark red with a black outline, other desa light grey, kecamatan borders and names on top.
    Names are 11 px, or with ``besar`` 15 px on a map at least 600 px tall and 12 px on a smaller one (a
    1280×720 slide), where 15 px names in the crowded west cannot be moved apart. ``sampel``: the pockets rest on
    sample data ("DATA CONTOH" in the description); ``tahun``: the pockets' year, named in the description as the
    title names it."""
    kantong = {str(k) for k in kode_kantong}
    desa = _sederhana(batas_desa)
    desa["kantong"] = desa["kode"].astype(str).isin(kantong).map({True: "kantong", False: "bukan kantong"})
    fitur = to_features(desa, ["kode", "nama", "kantong"])
    dasar = alt.Chart(data_fitur(fitur)).mark_geoshape(stroke="#9a9a9a", strokeWidth=0.4).encode(
        color=alt.Color("kantong:N", scale=alt.Scale(domain=["kantong", "bukan kantong"],
                                                     range=[WARNA_KANTONG, WARNA_BUKAN]), legend=None),
        tooltip=[alt.Tooltip("nama:N", title="Desa"), alt.Tooltip("kantong:N", title="Status")])
    hanya = [f for f in fitur if f["kantong"] == "kantong"]
    # Outlines over the named fill layer are decoration for a screen reader (the description names the pockets):
    # out of the accessibility tree, as on the Peta page (peta.py), else axe reports svg-img-alt on the slide.
    garis_kantong = alt.Chart(data_fitur(hanya or [fitur[0]])).mark_geoshape(
        fillOpacity=0, stroke="#000000", strokeWidth=1.6, opacity=1 if hanya else 0, aria=False)
    kec = alt.Chart(data_fitur(to_features(_sederhana(batas_kec), ["kode", "nama"]))).mark_geoshape(
        fillOpacity=0, stroke="#333333", strokeWidth=1.4, aria=False)
    sub = subjudul or f"Merah tua bergaris hitam: desa kantong kemiskinan ({len(hanya)} desa). Abu-abu muda: " \
                      "bukan kantong. Nama: kecamatan."
    label = _teks_label(batas_kec, (15 if tinggi >= 600 else 12) if besar else 11, lebar, tinggi)
    chart = alt.layer(dasar, garis_kantong, kec, label).properties(
        width=lebar, height=tinggi, title=alt.Title(judul, subtitle=sub)).project("mercator")
    nama = [str(f["nama"]) for f in hanya]
    teks = f"Peta {len(fitur)} desa/kelurahan Kabupaten Banjar" + (f" {tahun}" if tahun else "") + \
        f": {len(hanya)} desa kantong kemiskinan" + \
        (f" ({daftar(nama, 8)})." if nama else ".")
    return terapkan(chart, besar=besar, deskripsi=teks, sampel=sampel)


def peta_nilai(batas: gpd.GeoDataFrame, nilai: Mapping[str, float], *, judul: str, label_nilai: str,
               sorot: Iterable[str] = (), nama: bool = True, lebar: int = 520, tinggi: int = 420,
               keterangan: str = "") -> Any:
    """Places shaded by a count (0 = white), ``sorot`` outlined thick in black; for "where it worked" maps."""
    g = _sederhana(batas)
    g["nilai"] = g["kode"].astype(str).map(lambda k: float(nilai.get(k, 0.0) or 0.0))
    terpilih = {str(k) for k in sorot}
    g["sorot"] = g["kode"].astype(str).isin(terpilih)
    fitur = to_features(g, ["kode", "nama", "nilai", "sorot"])
    maks = max([f["nilai"] for f in fitur] + [1.0])
    warna = alt.Color("nilai:Q", title=label_nilai, scale=alt.Scale(scheme=SKEMA_NILAI, domain=[0, maks]),
                      legend=alt.Legend(orient="bottom", direction="horizontal", gradientLength=220,
                                        titleLimit=400, format=",.0f"))
    dasar = alt.Chart(data_fitur(fitur)).mark_geoshape(stroke="#555555", strokeWidth=0.6).encode(color=warna)
    lapis = [dasar]
    pilih = [f for f in fitur if f["sorot"]]
    if pilih:
        lapis.append(alt.Chart(data_fitur(pilih)).mark_geoshape(fillOpacity=0, stroke="#000000", strokeWidth=3,
                                                                 aria=False))
    if nama:
        lapis.append(_teks_label(batas, 11, lebar, tinggi))
    chart = alt.layer(*lapis).properties(width=lebar, height=tinggi,
                                         title=alt.Title(judul, subtitle=keterangan) if keterangan else judul)
    urut = sorted(fitur, key=lambda f: -f["nilai"])
    teks = f"Peta {len(fitur)} wilayah, {judul}: {label_nilai} tertinggi " + \
        (daftar([f"{f['nama']} ({fmt.angka(f['nilai'])})" for f in urut[:3]], 3) if urut else "tidak ada") + \
        (f"; {sum(1 for f in fitur if f['nilai'] == 0)} wilayah nol." if urut else ".")
    return terapkan(chart.project("mercator"), deskripsi=teks)


def jumlah_per_kecamatan(intervensi: pd.DataFrame) -> dict[str, float]:
    """Interventions per kecamatan: desa rows counted in their kecamatan (code prefix), kabupaten rows left out."""
    kode = intervensi["kode_wilayah"].dropna().astype(str).str.slice(0, 8)
    return {str(k): float(v) for k, v in kode.value_counts().items()}


def jumlah_per_tempat(intervensi: pd.DataFrame) -> dict[str, float]:
    """Interventions per exact place code (a desa map counts only desa rows)."""
    kode = intervensi["kode_wilayah"].dropna().astype(str)
    return {str(k): float(v) for k, v in kode.value_counts().items()}


__all__ = ["jumlah_per_kecamatan", "jumlah_per_tempat", "peta_kantong", "peta_nilai"]
