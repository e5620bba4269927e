"""Charts of the pocket-map page: the choropleth, the count × share quadrant, the targeting ratio map, a trend.

Why they are built this way:

- features travel inline as one JSON string (:mod:`tkpk.charts.geodata`), properties at the top level, because Streamlit
  turns a GeoDataFrame into WKT text and draws nothing; rings are already clockwise (:mod:`tkpk.peta.geojson`);
- colours come from :class:`tkpk.peta.klasifikasi.Kelas`, so the legend lists the same class ranges (id-ID text made
  on the server) the pocket rule uses, with "tidak ada data" in grey whenever a place has no value;
- the choropleth carries a point selection named :data:`PILIH` on ``kode``: clicking a place returns its code to
  the page (``st.altair_chart(on_select="rerun")``), which opens its profile;
- pockets get a thick black outline and the selected place a thick blue one, so neither depends on colour alone;
  outline layers have no fill at all (``fill=None``; Vega-Lite's unfilled default is "transparent", which would
  swallow the clicks meant for the polygons underneath);
- the legend sits inside the empty north-west corner of the kabupaten, leaving the width to the map;
- kecamatan names are written on the map (white halo under black text) so it reads from the back of the room.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import altair as alt
import pandas as pd

from tkpk import fmt, sel_kecil
from tkpk.charts import deskripsi as ds
from tkpk.charts.geodata import data_fitur
from tkpk.charts.tema import OKABE_ITO, terapkan
from tkpk.charts.tren import bungkus, format_sumbu, judul_grafik
from tkpk.peta.klasifikasi import Kelas, klasifikasi

PILIH = "pilih"
WARNA_SAMAR = "#8c8c8c"  # hidden small cells: a grey darker than "tidak ada data", outside the class palette
WARNA_KANTONG = "#000000"
WARNA_TERPILIH = "#0072B2"
# The quadrant's kinds of place: colour and shape, so a pocket never rests on red against orange alone.
WARNA_KUADRAN = {"kantong": "#b30000", "kantong terisolasi": "#E69F00", "bukan kantong": "#bdbdbd"}
BENTUK_KUADRAN = {"kantong": "square", "kantong terisolasi": "diamond", "bukan kantong": "circle"}
PROPS = ["kode", "nama", "nama_kecamatan", "nilai_teks", "kelas_label", "peringkat_teks", "sumber", "status"]


def _tooltip(desa: bool, judul_nilai: str) -> list[alt.Tooltip]:
    t = [alt.Tooltip("nama:N", title="Desa/kelurahan" if desa else "Kecamatan")]
    if desa:
        t.append(alt.Tooltip("nama_kecamatan:N", title="Kecamatan"))
    return [*t, alt.Tooltip("nilai_teks:N", title=judul_nilai), alt.Tooltip("peringkat_teks:N", title="Peringkat"),
            alt.Tooltip("kelas_label:N", title="Kelas"), alt.Tooltip("status:N", title="Status"),
            alt.Tooltip("sumber:N", title="Sumber")]


def _batas_fitur(fitur: list[dict]) -> tuple[float, float, float, float]:
    """lon/lat extent of the features (for the label spacing estimate)."""
    xs: list[float] = []
    ys: list[float] = []

    def jalan(c: Any) -> None:
        if c and isinstance(c[0], (int, float)):
            xs.append(c[0])
            ys.append(c[1])
        else:
            for d in c:
                jalan(d)

    for f in fitur:
        jalan(f["geometry"]["coordinates"])
    return min(xs), min(ys), max(xs), max(ys)


# Label shifts (half label widths sideways, label heights up/down), nearest first.
_GESER = sorted({(dx, dy) for dx in (0, 0.5, -0.5, 1, -1) for dy in range(-3, 4)},
                key=lambda p: ((2 * p[0]) ** 2 + p[1] ** 2, abs(p[0]), -p[1]))


def geser_label(titik: pd.DataFrame, px_per_derajat: float, ukuran: int) -> pd.DataFrame:
    """Move crowded names (greedy) so no two label boxes overlap.

    Why: in the west of Banjar six small kecamatan sit side by side and their names ran into each other. Boxes
    are estimated from the font size (0,62 em per bold character, 1,3 em high) and the map's pixels per degree.
    Candidate spots are tried nearest first: up to 3 label heights up or down and up to half a label width
    sideways, so a name stays over or beside its own place (moving only up and down left names colliding on
    the 1280×720 slide). Labels are placed longest-name-first; when every spot collides, the one with the fewest
    collisions wins.
    """
    t = titik.dropna(subset=["lon", "lat"]).copy()
    lebar = t["nama"].astype("str").str.len() * ukuran * 0.62 / px_per_derajat / 2
    tinggi = ukuran * 1.3 / px_per_derajat
    kotak: list[tuple[float, float, float, float]] = []
    lon_baru, lat_baru = {}, {}
    for i in t.assign(_n=lebar).sort_values("_n", ascending=False).index:
        x, y, w = t.at[i, "lon"], t.at[i, "lat"], lebar[i]
        terbaik: tuple[int, float, float, tuple[float, float, float, float]] | None = None
        for dx, dy in _GESER:
            xx, yy = x + dx * w, y + dy * tinggi
            b = (xx - w, yy - tinggi / 2, xx + w, yy + tinggi / 2)
            tabrak = sum(b[0] < k[2] and k[0] < b[2] and b[1] < k[3] and k[1] < b[3] for k in kotak)
            if terbaik is None or tabrak < terbaik[0]:
                terbaik = (tabrak, xx, yy, b)
            if tabrak == 0:
                break
        assert terbaik is not None
        kotak.append(terbaik[3])
        lon_baru[i], lat_baru[i] = terbaik[1], terbaik[2]
    return t.assign(lon=pd.Series(lon_baru), lat=pd.Series(lat_baru))


def label_tempat(titik: pd.DataFrame, ukuran: int) -> alt.LayerChart:
    """Names at representative points (always inside the polygon), drawn twice: white halo, then black."""
    enc = {"longitude": "lon:Q", "latitude": "lat:Q", "text": "nama:N"}
    halo = alt.Chart(titik).mark_text(fontSize=ukuran, fontWeight="bold", color="#ffffff", stroke="#ffffff",
                                      strokeWidth=3.5, strokeJoin="round").encode(**enc)
    teks = alt.Chart(titik).mark_text(fontSize=ukuran, fontWeight="bold", color="#111111").encode(**enc)
    return alt.layer(halo, teks)


def deskripsi_peta(fitur: list[dict], kelas: Kelas, judul: str, desa: bool, kode_terpilih: str | None = None,
                   n_idm: int = 0) -> str:
    """"Peta kecamatan, …: 20 wilayah, 3 kantong kemiskinan: A, B dan C. Kelas terburuk (≥ 12,3%): …"."""
    tingkat = "desa/kelurahan" if desa else "kecamatan"
    kantong = [str(f.get("nama")) for f in fitur if f.get("kantong")]
    bagian = [f"Peta {tingkat}, {ds.satu_baris(judul)}: {len(fitur)} wilayah, "
              + (f"{len(kantong)} kantong kemiskinan: {ds.daftar(kantong, 8)}" if kantong
                 else "tidak ada kantong kemiskinan")]
    if kelas.kelas_terburuk is not None:
        lb = kelas.label[kelas.kelas_terburuk]
        di = [str(f.get("nama")) for f in fitur if f.get("kelas_label") == lb]
        if di:
            bagian.append(f"Kelas terburuk ({lb}): {ds.daftar(di, 5)}")
    kosong = sum(f.get("kelas_label") == "tidak ada data" for f in fitur)
    if kosong:
        bagian.append(f"{kosong} wilayah tanpa data")
    samar = sum(f.get("kelas_label") == sel_kecil.LABEL_KELAS for f in fitur)
    if samar:
        bagian.append(f"{samar} wilayah disamarkan (sel kecil)")
    if n_idm:
        bagian.append(f"{n_idm} desa berstatus IDM Tertinggal ditandai silang")
    terpilih = [str(f.get("nama")) for f in fitur if kode_terpilih and f.get("kode") == kode_terpilih]
    if terpilih:
        bagian.append(f"Terpilih: {terpilih[0]}")
    return ds.kalimat(*bagian)


def peta_koroplet(
    fitur: list[dict],
    kelas: Kelas,
    *,
    judul: str,
    judul_legenda: str | list[str],
    subjudul: str | list[str] = "",
    desa: bool = False,
    titik_label: pd.DataFrame | None = None,
    garis_kecamatan: list[dict] | None = None,
    kode_terpilih: str | None = None,
    idm: tuple[list[dict], pd.DataFrame] | None = None,
    pilih: bool = True,
    besar: bool = False,
    lebar: int | str = "container",
    tinggi: int = 560,
    sampel: bool = False,
) -> Any:
    """Choropleth of ``fitur`` (features with :data:`PROPS` at the top level plus ``kantong`` True/False).

    ``judul_legenda`` may be several lines: the indicator, then what it is (a register share is not a BPS rate).
    ``kelas`` gives the legend order and colours; "tidak ada data" (grey) is added when a feature has that label.
    ``titik_label`` (kode, nama, lon, lat) writes names; ``garis_kecamatan`` draws kecamatan borders over desa;
    ``idm`` (desa features, their label points) marks the IDM "Tertinggal" desa above the pockets
    (:func:`tkpk.charts.idm.lapisan_idm`), on any indicator and at either level. ``sampel``: the figures are sample
    data ("DATA CONTOH" in the description).
    """
    ada_kosong = any(f.get("kelas_label") == "tidak ada data" for f in fitur)
    domain, rentang = kelas.domain_warna(tanpa_data=ada_kosong)
    if any(f.get("kelas_label") == sel_kecil.LABEL_KELAS for f in fitur):
        domain, rentang = [*domain, sel_kecil.LABEL_KELAS], [*rentang, WARNA_SAMAR]
    pilihan = alt.selection_point(name=PILIH, fields=["kode"], on="click", clear="dblclick", empty=True)
    dasar = alt.Chart(data_fitur(fitur)).mark_geoshape(
        stroke="#ffffff", strokeWidth=0.5 if desa else 1.2, cursor="pointer",
    ).encode(
        color=alt.Color("kelas_label:N", title=judul_legenda, scale=alt.Scale(domain=domain, range=rentang),
                        sort=domain, legend=alt.Legend(orient="top-left", symbolType="square", fillColor="#ffffffdd",
                                                       padding=6, symbolSize=400 if besar else 260, labelLimit=300,
                                                       titleLimit=320)),
        tooltip=_tooltip(desa, judul_legenda if isinstance(judul_legenda, str) else judul_legenda[0]),
    )
    if pilih:
        dasar = dasar.add_params(pilihan)  # no fading: the page redraws at once with a blue outline instead
    lapisan: list[Any] = [dasar]
    # Outlines drawn over the filled places (kecamatan borders, pockets, the selected place) are decoration for a
    # screen reader: kept out of the accessibility tree (aria=False); the chart's description names the pockets.
    if garis_kecamatan:
        lapisan.append(alt.Chart(data_fitur(garis_kecamatan)).mark_geoshape(
            filled=False, fill=None, stroke="#4d4d4d", strokeWidth=1.3, aria=False))
    kantong = [f for f in fitur if f.get("kantong")]
    if kantong:
        lapisan.append(alt.Chart(data_fitur(kantong)).mark_geoshape(
            filled=False, fill=None, stroke=WARNA_KANTONG, strokeWidth=2.6 if not desa else 1.8, aria=False))
    if idm is not None:
        from tkpk.charts.idm import lapisan_idm

        lapisan += lapisan_idm(idm[0], idm[1], besar=besar)
    terpilih = [f for f in fitur if kode_terpilih and f.get("kode") == kode_terpilih]
    if terpilih:
        lapisan.append(alt.Chart(data_fitur(terpilih)).mark_geoshape(
            filled=False, fill=None, stroke=WARNA_TERPILIH, strokeWidth=4.5, aria=False))
    if titik_label is not None and not titik_label.empty:
        ukuran = 16 if besar else 12
        x0, y0, x1, y1 = _batas_fitur(fitur)
        # Projection fits the extent into the plot; assume a ~600 px wide plot when the width is "container".
        # 0,8: the rendered scale is a little smaller than the estimate (padding, title, legend), so be generous.
        px = 0.8 * min((lebar if isinstance(lebar, int) else 600) / (x1 - x0), tinggi / (y1 - y0))
        lapisan.append(label_tempat(geser_label(titik_label, px, ukuran), ukuran))
    # wrapped, not cut with "…": the map sits in a column, and its title ends with the year
    chart = alt.layer(*lapisan).project(type="mercator").properties(
        title=judul_grafik(bungkus(judul, 30 if besar else 38), bungkus(subjudul, 48 if besar else 64)),
        width=lebar, height=tinggi)
    teks = deskripsi_peta(fitur, kelas, judul, desa, kode_terpilih, len(idm[0]) if idm is not None else 0)
    return terapkan(chart, besar=besar, deskripsi=teks, sampel=sampel)


def props_peta(nilai: pd.DataFrame, kelas: Kelas, kode_kantong: Sequence[str] = (),
               jenis: dict[str, str] | None = None) -> pd.DataFrame:
    """The per-feature properties the choropleth reads, from :func:`tkpk.peta.data.nilai_peta` output and its
    classes."""
    kantong = {str(k) for k in kode_kantong}
    jenis = jenis or {}
    d = nilai.assign(kelas_label=kelas.label_per_baris().to_numpy())
    if "samar" in d.columns:
        # A hidden small cell is never classed (its class range would narrow "< 5" down): a legend entry of its own.
        d["kelas_label"] = d["kelas_label"].where(d["samar"].fillna("").eq(""), sel_kecil.LABEL_KELAS)
    d["kantong"] = d["kode"].astype("str").isin(kantong)
    d["status"] = [jenis.get(k, "kantong kemiskinan") if p else "bukan kantong"
                   for k, p in zip(d["kode"], d["kantong"], strict=True)]
    return d[[c for c in [*PROPS, "kantong"] if c in d.columns]]


def kuadran(
    tabel: pd.DataFrame,
    *,
    ambang_persen: float | None,
    ambang_jumlah: float | None,
    judul_x: str,
    judul_y: str,
    judul: str = "Persentase × jumlah: kantong ada di kanan atas",
    besar: bool = False,
    lebar: int | str = "container",
    tinggi: int = 420,
    maks_label: int = 12,
    sampel: bool = False,
    satuan_jumlah: str = "",
) -> Any:
    """Scatter of share (x) against count (y) with the class thresholds as dashed lines; pockets dark and named.

    ``tabel``: kode, nama, persen, jumlah, termasuk_kantong, jenis (from :class:`tkpk.peta.kantong.HasilKantong`),
    and for desa ``nama_kecamatan`` (tooltip and table name the kecamatan: several desa share a name);
    ``sampel``: sample data (said in the description); ``satuan_jumlah`` (KK, jiwa) follows the count threshold.
    Places without both numbers are not drawn; the description and the table view say how many, and how many of
    them are hidden small cells (``alasan`` of the pocket result says "sel kecil").
    """
    desa = "nama_kecamatan" in tabel.columns and tabel["nama_kecamatan"].notna().any()
    d = (tabel[["kode", "nama", "persen", "jumlah", "termasuk_kantong", "jenis",
                *(["nama_kecamatan"] if desa else [])]]
         .dropna(subset=["persen", "jumlah"]).copy())
    d["status"] = [str(j) if p and isinstance(j, str) else ("kantong" if p else "bukan kantong")
                   for j, p in zip(d["jenis"], d["termasuk_kantong"], strict=True)]
    luar = tabel[tabel["persen"].isna() | tabel["jumlah"].isna()]
    n_samar = int(luar["alasan"].astype("str").str.contains("sel kecil", regex=False).sum()) \
        if "alasan" in luar.columns else 0
    catatan = ds.kalimat(*[t for t in (
        f"{n_samar} wilayah dengan sel kecil disamarkan tidak digambar (angkanya dilindungi)" if n_samar else "",
        f"{len(luar) - n_samar} wilayah tanpa angka tidak digambar" if len(luar) > n_samar else "") if t])
    d["persen_teks"] = [fmt.persen(x, 1) for x in d["persen"]]
    d["jumlah_teks"] = [fmt.angka(x) for x in d["jumlah"]]
    domain = list(WARNA_KUADRAN)
    titik = alt.Chart(d).mark_point(size=160 if besar else 90, opacity=0.9, filled=True, stroke="#333333",
                                    strokeWidth=0.5).encode(
        x=alt.X("persen:Q", title=judul_x, axis=alt.Axis(format=",.1f")),
        y=alt.Y("jumlah:Q", title=judul_y, axis=alt.Axis(format=",.0f")),
        color=alt.Color("status:N", title=None, scale=alt.Scale(domain=domain, range=list(WARNA_KUADRAN.values())),
                        legend=alt.Legend(orient="top")),
        shape=alt.Shape("status:N", title=None, scale=alt.Scale(domain=domain, range=list(BENTUK_KUADRAN.values())),
                        legend=alt.Legend(orient="top")),
        tooltip=[*([alt.Tooltip("nama:N", title="Desa/kelurahan"), alt.Tooltip("nama_kecamatan:N", title="Kecamatan")]
                   if desa else [alt.Tooltip("nama:N", title="Wilayah")]),
                 alt.Tooltip("persen_teks:N", title=judul_x),
                 alt.Tooltip("jumlah_teks:N", title=judul_y), alt.Tooltip("status:N", title="Status")],
    )
    lapisan: list[Any] = [titik]
    garis = []
    if ambang_persen is not None:
        garis.append({"sumbu": "x", "nilai": ambang_persen, "teks": f"ambang {fmt.persen(ambang_persen, 1)}"})
    if ambang_jumlah is not None:
        garis.append({"sumbu": "y", "nilai": ambang_jumlah,
                      "teks": f"ambang {fmt.angka(ambang_jumlah)}" + (f" {satuan_jumlah}" if satuan_jumlah else "")})
    for g in garis:
        gd = pd.DataFrame([g])
        enc = {"x": "nilai:Q"} if g["sumbu"] == "x" else {"y": "nilai:Q"}
        lapisan.append(alt.Chart(gd).mark_rule(strokeDash=[6, 4], color="#333333", strokeWidth=1.5).encode(**enc))
        pos = alt.Chart(gd).mark_text(align="left", dx=4, dy=-6, fontSize=14 if besar else 12, color="#333333",
                                      fontWeight="bold")
        lapisan.append(pos.encode(x="nilai:Q", y=alt.value(12), text="teks:N") if g["sumbu"] == "x"
                       else pos.encode(y="nilai:Q", x=alt.value(4), text="teks:N"))
    nama = d[d["termasuk_kantong"]].head(maks_label)
    if not nama.empty:
        lapisan.append(alt.Chart(nama).mark_text(align="left", dx=7, dy=-7, fontSize=14 if besar else 11,
                                                 color="#111111").encode(x="persen:Q", y="jumlah:Q", text="nama:N"))
    sub = "Garis putus-putus: batas kelas teratas. Kantong = di atas kedua garis." if garis else \
        "Aturan Moran: warna menunjukkan klaster; tidak ada ambang jumlah."
    chart = alt.layer(*lapisan).properties(title=judul_grafik(judul, sub), width=lebar, height=tinggi)
    kantong = d[d["termasuk_kantong"]]
    ambang = [g["teks"] for g in garis]
    teks = ds.kalimat(
        f"Diagram sebar {len(d)} wilayah, {judul_x} (mendatar) terhadap {judul_y} (tegak)",
        (f"{len(kantong)} kantong: {ds.daftar(kantong['nama'], 8)}" if not kantong.empty else "Tidak ada kantong")
        + (f"; {ds.daftar(ambang)}" if ambang else ""), catatan)
    return terapkan(chart, besar=besar, deskripsi=teks, sampel=sampel, catatan_tabel=catatan)


def kelas_rasio(rasio: pd.Series, k: int = 5) -> Kelas:
    """Classes of interventions per 1.000: lower is worse (darker), places without need are "tidak ada data"."""
    return klasifikasi(rasio, "quantile", k, lebih_tinggi_lebih_buruk=False)


def tren_tempat(df: pd.DataFrame, *, judul: str, satuan: str, subjudul: str = "", besar: bool = False,
                lebar: int | str = "container", tinggi: int = 260) -> Any:
    """One place's indicator over the years (``tahun``, ``nilai``, ``nilai_teks``, ``sumber``); gaps stay gaps.

    With a ``sampel`` column, real years are filled points and sample years hollow ones (a line may splice both).
    """
    enc = {"x": alt.X("tahun:O", title="Tahun", axis=alt.Axis(labelAngle=0)),
           "y": alt.Y("nilai:Q", title=satuan, axis=alt.Axis(format=format_sumbu(satuan)),
                      scale=alt.Scale(zero=satuan != "%"))}
    tip = [alt.Tooltip("tahun:O", title="Tahun"), alt.Tooltip("nilai_teks:N", title="Nilai"),
           alt.Tooltip("sumber:N", title="Sumber")]
    ada = df[df["nilai"].notna()]  # a NaN position makes Vega squeeze the plot: missing years are left out
    garis = alt.Chart(df).mark_line(color=OKABE_ITO[3], strokeWidth=3).encode(**enc)
    titik = alt.Chart(ada).mark_point(size=80, color=OKABE_ITO[3], strokeWidth=2, opacity=1).encode(**enc, tooltip=tip)
    if "sampel" in ada.columns:
        titik = titik.encode(fill=alt.condition("datum.sampel", alt.value("#ffffff"), alt.value(OKABE_ITO[3])))
    else:
        titik = titik.encode(fill=alt.value(OKABE_ITO[3]))
    teks = alt.Chart(ada).mark_text(dy=-12, fontSize=13 if besar else 11).encode(**enc, text="nilai_teks:N")
    lapisan = [garis, titik, teks]
    # A hidden small cell has no position on the axis: its label ("< 5", "disamarkan") sits on the axis at 0.
    samar = df[df["nilai"].isna() & df["nilai_teks"].ne(fmt.TIDAK_ADA)] if "nilai_teks" in df.columns else df.iloc[0:0]
    if not samar.empty:
        lapisan.append(alt.Chart(samar.assign(dasar=0.0)).mark_text(
            fontSize=13 if besar else 11, color="#555555", fontStyle="italic", dy=-10).encode(
            x=enc["x"], y=alt.Y("dasar:Q", title=satuan), text="nilai_teks:N", tooltip=tip))
    chart = alt.layer(*lapisan).properties(title=judul_grafik(judul, subjudul), width=lebar, height=tinggi)
    contoh = "sampel" in ada.columns and ada["sampel"].fillna(False).astype(bool).any()
    teks = ds.kalimat(f"Grafik garis {ds.satu_baris(judul)}"
                      + (f", {ds.satu_baris(subjudul)}" if subjudul else "")
                      + f" {ds.rentang_tahun(df['tahun'])}: {ds.dari_ke(df)}",
                      f"{len(samar)} tahun disamarkan (sel kecil)" if not samar.empty else "",
                      "Titik kosong: tahun DATA CONTOH" if contoh else "")
    return terapkan(chart, besar=besar, deskripsi=teks)
