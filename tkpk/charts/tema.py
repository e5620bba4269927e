"""One theme for every chart: Indonesian number and date locale, large type for a projector, colour-blind-safe colours.

The locale travels inside each chart's spec (``config.locale``), so the browser formats ``2,36`` and ``1.234``
whatever the language of the PC that shows it.
"""

from __future__ import annotations

from typing import Any

import altair as alt

LOCALE_ID: dict[str, Any] = {
    "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp", ""]},
    "time": {
        "dateTime": "%A, %e %B %Y pukul %H.%M.%S",
        "date": "%d/%m/%Y",
        "time": "%H.%M.%S",
        "periods": ["AM", "PM"],
        "days": ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
        "shortDays": ["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"],
        "months": ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
                   "Oktober", "November", "Desember"],
        "shortMonths": ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
    },
}

# Okabe–Ito: distinguishable with the common colour-vision deficiencies and on a washed-out projector.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
WARNA_BANJAR = "#D55E00"
WARNA_PROVINSI = "#0072B2"
WARNA_LAIN = "#7f7f7f"
WARNA_TANPA_DATA = "#d9d9d9"
WARNA_TARGET = "#009E73"
FONT = "Source Sans Pro, Arial, sans-serif"


AWALAN_CONTOH = "DATA CONTOH (angka sintetis, bukan data resmi)."


CATATAN_TABEL = "tkpk_catatan_tabel"  # usermeta key: a line the table view shows under the chart's rows


def terapkan(chart: alt.TopLevelMixin, *, besar: bool = False, deskripsi: str = "", sampel: bool = False,
             catatan_tabel: str = "") -> Any:
    """Attach the shared look; ``besar`` scales type up for projector mode; ``deskripsi`` is the chart's text
    alternative (Vega-Lite ``description``, shown to screen readers as its label; :mod:`tkpk.charts.deskripsi`).

    ``sampel``: the chart draws sample data. The description then opens with "DATA CONTOH" (a screen reader hears
    it first, as a sighted reader sees the page's label), and the "Lihat sebagai tabel" view, which reads the
    description (:func:`tkpk.charts.tabel_grafik.ada_contoh`), shows the sample label above the rows.
    ``catatan_tabel``: what the table view must say besides the rows (places the chart leaves out), kept in the
    spec's ``usermeta`` (Vega-Lite ignores it) and shown as a caption (:func:`tkpk.ui.grafik.tampil_grafik`)."""
    k = 1.4 if besar else 1.0
    if sampel:
        deskripsi = f"{AWALAN_CONTOH} {deskripsi}".strip()
    if deskripsi:
        chart = chart.properties(description=deskripsi)
    if catatan_tabel:
        chart = chart.properties(usermeta={CATATAN_TABEL: catatan_tabel})
    return chart.configure(
        locale=LOCALE_ID,
        font=FONT,
        background="#ffffff",
        range={"category": OKABE_ITO},
    ).configure_title(
        fontSize=round(22 * k), fontWeight="bold", anchor="start", color="#111111", subtitleFontSize=round(15 * k),
        subtitleColor="#333333",
    ).configure_axis(
        labelFontSize=round(15 * k), titleFontSize=round(16 * k), labelColor="#111111", titleColor="#111111",
        gridColor="#e6e6e6",
    ).configure_legend(
        labelFontSize=round(15 * k), titleFontSize=round(15 * k), labelLimit=400,
    ).configure_header(
        labelFontSize=round(15 * k), titleFontSize=round(16 * k),
    ).configure_view(strokeWidth=0)
