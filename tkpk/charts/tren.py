"""Line chart of a BPS series: Banjar against the province and chosen kab/kota.

Why it is built this way:
- the data is a full year grid with NULL values, and no ``impute`` or interpolation is used, so Vega breaks the
  line at a year nobody published instead of drawing a straight line across it;
- points are drawn too, so an isolated year between two gaps is still visible;
- each line is labelled at its last point (direct labels), so nobody at the back of the room matches colours
  against a legend; Banjar is the thick orange line;
- tooltips give the value already formatted in id-ID by the server, the year and the source;
- the point's shape says what kind of source it has (circle = BPS's own release, diamond = BPS figure quoted by
  the media, triangle = quoted by an official, square = other, downward triangle = kind not recorded), with a
  small legend, so a quoted figure never passes for a BPS release; a row without a recorded kind is its own
  kind ("sumber tidak diketahui"), never left NULL for Vega to draw with the first shape (the BPS circle); the
  target's tooltip names its document and its kind of source.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from tkpk.charts import deskripsi as ds
from tkpk.charts.tema import OKABE_ITO, WARNA_BANJAR, WARNA_PROVINSI, WARNA_TARGET, terapkan

# Point shape per kind of source (tkpk.mutu_sumber): BPS's own release is the only circle.
BENTUK_JENIS = {"bps": "circle", "media_bps": "diamond", "kutipan_pejabat": "triangle-up"}
BENTUK_LAIN = "square"
TAK_DIKETAHUI = "tidak_diketahui"          # the kind of a row whose jenis_sumber is NULL or not in the catalogue
LABEL_TAK_DIKETAHUI = "sumber tidak diketahui"
BENTUK_TAK_DIKETAHUI = "triangle-down"

# Colours for the comparison kab/kota: Okabe–Ito without Banjar's orange and the province's blue.
WARNA_PEMBANDING = [c for c in OKABE_ITO if c not in (WARNA_BANJAR, WARNA_PROVINSI, "#F0E442")]


def format_sumbu(satuan: str) -> str:
    """d3 format of the value axis; the chart's locale turns ``.`` into ``,`` and ``,`` into ``.``."""
    if satuan == "%":
        return ",.1f"
    if satuan == "indeks":
        return ",.2f"
    return ",.0f"


def judul_grafik(judul: str | list[str], subjudul: str | list[str] = "") -> alt.Title:
    """A title with an optional subtitle (Vega-Lite rejects an explicit null subtitle)."""
    return alt.Title(judul, subtitle=subjudul) if subjudul else alt.Title(judul)


def bungkus(teks: str | list[str], lebar: int) -> list[str]:
    """A title or subtitle as lines of at most ``lebar`` characters: Vega cuts a long title at the chart's width
    with "…", so a chart in a half-width column would lose the year at the end of its title."""
    import textwrap

    baris = [teks] if isinstance(teks, str) else list(teks)
    return [b for t in baris for b in (textwrap.wrap(t, lebar) or [""])] if teks else []


def judul_sumbu(satuan: str) -> str:
    return {"%": "Persen (%)", "indeks": "Indeks", "jiwa": "Jiwa"}.get(satuan, satuan)


def skala_warna(label_peran: pd.DataFrame) -> alt.Scale:
    """Banjar orange, province blue, the others from the rest of the palette, in a fixed order."""
    domain, rng = [], []
    lain = 0
    for label, peran in label_peran.drop_duplicates("label")[["label", "peran"]].itertuples(index=False):
        domain.append(label)
        if peran == "banjar":
            rng.append(WARNA_BANJAR)
        elif peran == "provinsi":
            rng.append(WARNA_PROVINSI)
        else:
            rng.append(WARNA_PEMBANDING[lain % len(WARNA_PEMBANDING)])
            lain += 1
    return alt.Scale(domain=domain, range=rng)


def _bentuk(data: pd.DataFrame, besar: bool) -> alt.Shape:
    """Shape per kind of source, legend listing only the kinds drawn ("Jenis sumber: ● BPS, ◆ …")."""
    from tkpk import mutu_sumber

    ada = data.loc[data["nilai"].notna(), "jenis_sumber"].unique().tolist()
    depan = [*BENTUK_JENIS, "instansi", "unggahan", TAK_DIKETAHUI]
    urut = [j for j in depan if j in ada] + sorted(j for j in ada if j not in depan)
    label = {j: LABEL_TAK_DIKETAHUI if j == TAK_DIKETAHUI else mutu_sumber.label(j) for j in urut}
    bentuk = {**BENTUK_JENIS, TAK_DIKETAHUI: BENTUK_TAK_DIKETAHUI}
    expr = " : ".join(f"datum.value === {j!r} ? {label[j]!r}" for j in urut) + " : datum.value" if urut else \
        "datum.value"
    return alt.Shape("jenis_sumber:N", title="Jenis sumber", sort=urut,
                     scale=alt.Scale(domain=urut, range=[bentuk.get(j, BENTUK_LAIN) for j in urut]),
                     legend=alt.Legend(orient="bottom", direction="horizontal", labelExpr=expr,
                                       labelFontSize=14 if not besar else 18, titleFontSize=14 if not besar else 18,
                                       symbolFillColor="#333333", symbolStrokeColor="#333333", labelLimit=400))


def _label_akhir(data: pd.DataFrame) -> pd.DataFrame:
    """The last year with a value of each line, where its direct label goes."""
    ada = data[data["nilai"].notna()]
    return ada.sort_values("tahun").groupby("label", as_index=False).tail(1)


def deskripsi_tren(data: pd.DataFrame, judul: str, target: pd.DataFrame | None = None, maks: int = 4) -> str:
    """"Grafik garis … 2018–2024: Banjar dari 2,86% (2018) ke 2,36% (2024); Kalimantan Selatan …"."""
    urut = {"banjar": 0, "provinsi": 1}
    label = (data.drop_duplicates("label").assign(_u=lambda d: d["peran"].map(urut).fillna(2))
             .sort_values("_u", kind="stable")["label"].tolist())
    per_garis = [f"{lb} {ds.dari_ke(data[data['label'] == lb])}" for lb in label[:maks]]
    if len(label) > maks:
        per_garis.append(f"dan {len(label) - maks} garis lain")
    bagian = [f"Grafik garis {ds.satu_baris(judul)} {ds.rentang_tahun(data['tahun'])}: {'; '.join(per_garis)}"]
    if target is not None and not target.empty:
        akhir = target.sort_values("tahun").iloc[-1]
        bagian.append(f"Target {akhir.get('dokumen', '')}: {akhir['nilai_teks']} ({int(akhir['tahun'])})")
    return ds.kalimat(*bagian)


def grafik_tren(
    data: pd.DataFrame,
    *,
    judul: str,
    satuan: str,
    subjudul: str | list[str] = "",
    target: pd.DataFrame | None = None,
    besar: bool = False,
    lebar: int | str = "container",
    tinggi: int = 380,
) -> Any:
    """Lines per place over ``tahun`` with NULL gaps kept; ``target`` (tahun, nilai, nilai_teks, dokumen) dashed.

    ``data`` needs: tahun, label, peran (banjar/provinsi/lain), nilai, nilai_teks, sumber_ringkas.
    """
    if "jenis_sumber" in data.columns:
        from tkpk.katalog import JENIS_SUMBER

        data = data.assign(jenis_sumber=data["jenis_sumber"].where(data["jenis_sumber"].isin(list(JENIS_SUMBER)),
                                                                   TAK_DIKETAHUI).astype("object"))
    warna = skala_warna(data)
    tahun_urut = sorted(int(t) for t in data["tahun"].unique())
    x = alt.X("tahun:O", title="Tahun", sort=tahun_urut, axis=alt.Axis(labelAngle=0))
    y = alt.Y("nilai:Q", title=judul_sumbu(satuan), axis=alt.Axis(format=format_sumbu(satuan)),
              scale=alt.Scale(zero=False, nice=True))
    tooltip = [
        alt.Tooltip("label:N", title="Wilayah"),
        alt.Tooltip("tahun:O", title="Tahun"),
        alt.Tooltip("nilai_teks:N", title="Nilai"),
        alt.Tooltip("sumber_ringkas:N", title="Sumber"),
    ]
    tebal = alt.condition("datum.peran === 'banjar'", alt.value(4.5), alt.value(2.5))
    base = alt.Chart(data).encode(x=x, y=y, color=alt.Color("label:N", scale=warna, legend=None))
    garis = base.mark_line().encode(strokeWidth=tebal, detail="label:N")
    titik = base.mark_point(filled=True, size=90 if not besar else 130, opacity=1).encode(tooltip=tooltip)
    if "jenis_sumber" in data.columns:
        titik = titik.encode(shape=_bentuk(data, besar))
    label = alt.Chart(_label_akhir(data)).mark_text(
        align="left", dx=9, fontSize=16 if not besar else 22, fontWeight="bold",
    ).encode(x=x, y=y, text="label:N", color=alt.Color("label:N", scale=warna, legend=None))
    lapisan = [garis, titik, label]
    if target is not None and not target.empty:
        jenis = target["jenis_teks"].fillna("").map(lambda j: f" — {j}" if j else "") \
            if "jenis_teks" in target.columns else ""
        t = target.assign(keterangan="Target " + target["dokumen"].astype(str) + jenis)
        tt = [alt.Tooltip("keterangan:N", title="Target"), alt.Tooltip("tahun:O", title="Tahun"),
              alt.Tooltip("nilai_teks:N", title="Nilai")]
        # a single target year is a point, so the point must read on its own: a large cross, not a dot
        lapisan.append(alt.Chart(t).mark_line(strokeDash=[8, 5], strokeWidth=2.5, color=WARNA_TARGET,
                                              point=alt.OverlayMarkDef(color=WARNA_TARGET, shape="cross", filled=True,
                                                                       size=260 if besar else 180))
                       .encode(x=x, y=y, tooltip=tt, detail="kode_wilayah:N"))
        # the label above and right of the last target's cross, on a white halo (a copy of the text drawn first
        # with a thick white stroke), so a line passing under it cannot run through the words
        akhir_t = t.sort_values("tahun").tail(1)
        label_t = alt.Chart(akhir_t.assign(teks_target="target " + akhir_t["nilai_teks"])).encode(
            x=x, y=y, text="teks_target:N")
        ukuran = 15 if not besar else 20
        for gaya in ({"stroke": "#ffffff", "strokeWidth": 5, "color": "#ffffff"}, {"color": WARNA_TARGET}):
            lapisan.append(label_t.mark_text(align="left", baseline="bottom", dx=10, dy=-10, fontSize=ukuran,
                                             fontWeight="bold", **gaya))
    chart = alt.layer(*lapisan).properties(
        title=judul_grafik(judul, subjudul), width=lebar, height=tinggi,
        # room on the right for the direct labels
        padding={"left": 5, "top": 5, "bottom": 5, "right": 150},
    )
    return terapkan(chart, besar=besar, deskripsi=deskripsi_tren(data, judul, target))
