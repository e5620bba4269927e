"""Small multiples: one mini line chart per kecamatan, on one shared scale, ordered by the latest value.

Why: twenty lines on one chart are unreadable; twenty small panels with the same axis let the eye compare levels
and slopes at once. Each panel title carries the latest value (a direct label), the worst place comes first, and
the subtitle says where the numbers come from (sample data says so in the title block itself).
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from tkpk.charts import deskripsi as ds
from tkpk.charts.tema import WARNA_BANJAR, WARNA_PROVINSI, terapkan
from tkpk.charts.tren import format_sumbu, judul_grafik

WARNA_SOROT = WARNA_BANJAR  # the highlighted kecamatan: Banjar orange and a thicker line, not colour alone


def grafik_kecil(
    data: pd.DataFrame,
    urutan_panel: list[str],
    *,
    judul: str,
    satuan: str,
    subjudul: str | list[str] = "",
    kolom: int = 5,
    sorot: str | None = None,
    besar: bool = False,
) -> Any:
    """Panels over ``panel`` (title text incl. latest value) from ``data`` (tahun, panel, nilai, nilai_teks, …).

    NULL values stay in the data (no impute), so a missing year is a gap in that panel's line. ``sorot`` is a
    kecamatan code whose line is drawn in Banjar orange, so the place under discussion stands out.
    """
    tahun = sorted(int(t) for t in data["tahun"].unique())
    ujung = [tahun[0], tahun[-1]] if tahun else []
    x = alt.X("tahun:O", title=None, sort=tahun,
              axis=alt.Axis(values=ujung, labelAngle=0, labelFontSize=12 if not besar else 16, ticks=False))
    # zero-based and shared: a panel's height then means the same thing in every panel
    y = alt.Y("nilai:Q", title=None, scale=alt.Scale(zero=True, nice=True),
              axis=alt.Axis(format=format_sumbu(satuan), tickCount=3, labelFontSize=12 if not besar else 16))
    tooltip = [alt.Tooltip("nama:N", title="Kecamatan"), alt.Tooltip("tahun:O", title="Tahun"),
               alt.Tooltip("nilai_teks:N", title="Nilai"), alt.Tooltip("sumber_ringkas:N", title="Sumber")]
    base = alt.Chart().encode(x=x, y=y)
    warna = alt.condition(f"datum.kode_wilayah === {sorot!r}", alt.value(WARNA_SOROT), alt.value(WARNA_PROVINSI))
    tebal = alt.condition(f"datum.kode_wilayah === {sorot!r}", alt.value(4.5), alt.value(2.5))
    garis = base.mark_line(strokeWidth=2.5).encode(color=warna if sorot else alt.value(WARNA_PROVINSI),
                                                  **({"strokeWidth": tebal} if sorot else {}))
    titik = base.mark_point(size=28, color=WARNA_PROVINSI, opacity=1, strokeWidth=1.5).encode(tooltip=tooltip)
    if "asal" in data.columns:  # a series splicing real and sample years: filled = real, hollow = sample
        tooltip.append(alt.Tooltip("asal:N", title="Angka"))
        titik = titik.encode(fill=alt.condition("datum.asal === 'contoh'", alt.value("#ffffff"),
                                                alt.value(WARNA_PROVINSI)), tooltip=tooltip)
    else:
        titik = titik.encode(fill=alt.value(WARNA_PROVINSI))
    # the latest value, which the panel title quotes: a solid dot in the line's colour, filled whatever the
    # points under it are (hollow = sample year), as the last point of every other chart
    warna_akhir = warna if sorot else alt.value(WARNA_PROVINSI)
    akhir = base.mark_point(filled=True, size=90, opacity=1, strokeWidth=1.5, shape="circle").encode(
        fill=warna_akhir, stroke=warna_akhir, tooltip=tooltip).transform_filter(
        f"datum.tahun === {tahun[-1] if tahun else 0} && isValid(datum.nilai)")
    chart = alt.layer(garis, titik, akhir, data=data).properties(width=125, height=90).facet(
        facet=alt.Facet("panel:N", sort=urutan_panel, title=None,
                        header=alt.Header(labelFontSize=14 if not besar else 19, labelFontWeight="bold",
                                          labelColor="#111111", labelAnchor="start", labelLimit=200)),
        columns=kolom, spacing={"row": 14, "column": 16},
    ).properties(title=judul_grafik(judul, subjudul))
    # the panel titles carry each place's latest value ("Aluh-Aluh 12,3%"), worst first
    panel = [p.replace(": ", " ") for p in urutan_panel]
    contoh = ("sampel" in data.columns and data["sampel"].fillna(False).astype(bool).any()) or \
        ("asal" in data.columns and data["asal"].eq("contoh").any())
    teks = ds.kalimat(
        f"Grafik kecil {len(urutan_panel)} kecamatan, {ds.satu_baris(judul)} {ds.rentang_tahun(data['tahun'])}, "
        "skala sama, urut dari nilai terakhir tertinggi",
        f"Tertinggi: {ds.daftar(panel[:3], 3)}" + (f"; terendah: {panel[-1]}" if len(panel) > 3 else ""),
        "Angka DATA CONTOH" if contoh else "")
    return terapkan(chart, besar=besar, deskripsi=teks)
