"""Charts of the pillar scorecard: serapan and capaian per OPD against the status thresholds, pagu vs realisasi,
and the pillar's year-by-year line.

Why these shapes: a rakor reads "who is below the line" first, so each OPD is a dot on a percent axis with the
rule's thresholds drawn and labelled; every dot carries its number and the band's symbol as text, so no
meaning rests on colour or on a legend. All id-ID text is made on the server (:mod:`tkpk.fmt`); axes use the
theme's locale (:func:`tkpk.charts.tema.terapkan`).
"""

from __future__ import annotations

import math
from typing import Any

import altair as alt
import pandas as pd

from tkpk import fmt
from tkpk.charts import deskripsi as ds
from tkpk.charts.tema import terapkan
from tkpk.pilar.skor import label_tahun, tahun_berjalan
from tkpk.pilar.status import ATURAN_BAKU, AturanStatus, Status

WARNA_PAGU = "#c9c9c9"
WARNA_REALISASI = "#0072B2"
UKURAN = {"serapan_pct": "Serapan anggaran", "capaian_pct": "Capaian output", "kantong_jumlah_pct":
          "Lokasi di kantong"}
WARNA_UKURAN = {"Serapan anggaran": "#0072B2", "Capaian output": "#E69F00", "Lokasi di kantong": "#009E73"}
_SKALA_STATUS = alt.Scale(domain=[s.kode for s in Status], range=[s.warna for s in Status])


def pita(nilai: float | None, hijau: float, merah: float) -> Status:
    """The band of one measure against its own thresholds (the OPD's overall light combines both)."""
    if nilai is None or pd.isna(nilai):
        return Status.ABU
    if round(nilai, 9) < merah:
        return Status.MERAH
    return Status.HIJAU if round(nilai, 9) >= hijau else Status.KUNING


def data_titik(opd: pd.DataFrame, kolom: str, hijau: float, merah: float) -> pd.DataFrame:
    """One row per OPD: value, band and the label drawn beside the dot ("○ belum melapor" when missing)."""
    baris = []
    for r in opd.itertuples(index=False):
        v = getattr(r, kolom)
        v = None if pd.isna(v) else float(v)
        s = pita(v, hijau, merah)
        if bool(getattr(r, "belum_melapor", False)):
            label = f"{Status.ABU.simbol} belum melapor"
        elif v is None:
            label = f"{Status.ABU.simbol} tidak dapat dihitung"
        else:
            label = fmt.persen(v, 1)
        baris.append({"opd": r.nama_singkat, "nilai": v, "x": v if v is not None else 0.0, "status": s.kode,
                      "label": label, "teks": fmt.persen(v, 1)})
    return pd.DataFrame(baris)


def teks_status(d: pd.DataFrame) -> list[str]:
    """"● Baik", "▲ Perlu perhatian" … per row of :func:`data_titik`; a missing report reads "○ Belum melapor"."""
    return [f"{Status.ABU.simbol} Belum melapor" if label.endswith("belum melapor") else Status.dari_kode(s).teks
            for s, label in zip(d["status"], d["label"], strict=True)]


def _tabel_status(opd: pd.DataFrame, aturan: AturanStatus) -> pd.DataFrame:
    """Per OPD both values and both bands as text: what every dot's tooltip (and so the table view) lists, so the
    band that colour and shape show is in words too, for both measures in one row."""
    hasil = pd.DataFrame({"opd": list(opd["nama_singkat"])})
    for kolom, awal, hijau, merah in (("serapan_pct", "ser", aturan.hijau_serapan, aturan.merah_serapan),
                                      ("capaian_pct", "cap", aturan.hijau_capaian, aturan.merah_capaian)):
        d = data_titik(opd, kolom, hijau, merah)
        hasil[f"{awal}_teks"] = list(d["teks"]) if not d.empty else []
        hasil[f"{awal}_status"] = teks_status(d) if not d.empty else []
    return hasil


_TOOLTIP_STATUS = [alt.Tooltip("opd:N", title="OPD"), alt.Tooltip("ser_teks:N", title=UKURAN["serapan_pct"]),
                   alt.Tooltip("ser_status:N", title="Status serapan"),
                   alt.Tooltip("cap_teks:N", title=UKURAN["capaian_pct"]),
                   alt.Tooltip("cap_status:N", title="Status capaian")]


def _panel(opd: pd.DataFrame, kolom: str, hijau: float, merah: float, urutan: list[str], x_max: float,
           tampil_y: bool, k: float = 1.0, tinggi_maks: int | None = None,
           lebar: int | None = None, status: pd.DataFrame | None = None) -> alt.LayerChart:
    d = data_titik(opd, kolom, hijau, merah)
    if status is not None and not d.empty:
        d = d.merge(status, on="opd", how="left")
    judul = UKURAN[kolom]
    x = alt.X("x:Q", title=f"{judul} (%)", scale=alt.Scale(domain=[0, x_max]), axis=alt.Axis(format=",.0f"))
    y = alt.Y("opd:N", sort=urutan, title=None, axis=alt.Axis(labelLimit=220) if tampil_y else None)
    ambang = pd.DataFrame({"x": [merah, hijau],
                           "label": [f"merah < {fmt.angka(merah)}%", f"hijau ≥ {fmt.angka(hijau)}%"],
                           "status": [Status.MERAH.kode, Status.HIJAU.kode]})
    garis = alt.Chart(ambang).mark_rule(strokeDash=[6, 4], strokeWidth=2).encode(
        x="x:Q", color=alt.Color("status:N", scale=_SKALA_STATUS, legend=None))
    ambang["align"] = ["right", "left"]
    teks_garis = [
        alt.Chart(ambang.iloc[[i]]).mark_text(align=a, dx=-4 if a == "right" else 4, dy=-4, fontSize=round(13 * k),
                                              baseline="bottom").encode(
            x="x:Q", y=alt.value(0), text="label:N", color=alt.Color("status:N", scale=_SKALA_STATUS, legend=None))
        for i, a in enumerate(ambang["align"])]
    # The same tooltip on both panels (both values, both bands): the table view makes one table of it.
    tooltip = _TOOLTIP_STATUS if status is not None else [alt.Tooltip("opd:N", title="OPD"),
                                                          alt.Tooltip("teks:N", title=judul)]
    titik = alt.Chart(d.dropna(subset=["nilai"])).mark_point(filled=True, size=220, opacity=1).encode(
        x=x, y=y, color=alt.Color("status:N", scale=_SKALA_STATUS, legend=None),
        shape=alt.Shape("status:N", scale=alt.Scale(domain=["hijau", "kuning", "merah", "abu"],
                                                    range=["circle", "triangle-up", "square", "circle"]),
                        legend=None),
        tooltip=tooltip)
    label = alt.Chart(d).mark_text(align="left", dx=12, fontSize=round(15 * k), fontWeight="bold").encode(
        x=x, y=y, text="label:N", color=alt.value("#111111"), tooltip=tooltip)
    return alt.layer(garis, *teks_garis, titik, label).properties(
        width=lebar or round(360 * k), height=_tinggi_baris(len(urutan), round(44 * k), tinggi_maks),
        title=alt.Title(judul, fontSize=round(17 * k)))


def _tinggi_baris(n: int, per_baris: int, tinggi_maks: int | None) -> int:
    """Plot height: ``per_baris`` per row, squeezed to ``tinggi_maks`` (a projector slide must not scroll)."""
    tinggi = max(120, per_baris * n)
    return min(tinggi, max(120, tinggi_maks)) if tinggi_maks else tinggi


def _ringkas_status(d: pd.DataFrame, judul: str) -> str:
    """"Serapan anggaran: 3 baik, 1 kritis (Dinsos 42,0%)" for one panel's rows (:func:`data_titik`)."""
    hitung = [f"{int((d['status'] == s.kode).sum())} {s.label.lower()}" for s in Status
              if (d["status"] == s.kode).any()]
    merah = d[d["status"] == Status.MERAH.kode]
    kritis = f" ({ds.daftar([f'{o} {t}' for o, t in zip(merah['opd'], merah['teks'], strict=True)], 4)})" \
        if not merah.empty else ""
    return f"{judul}: {', '.join(hitung)}{kritis}"


LEBAR_PANEL_PROYEKTOR = 300


def titik_opd(opd: pd.DataFrame, aturan: AturanStatus = ATURAN_BAKU, *, judul: str = "",
              besar: bool = False, tinggi_maks: int | None = None, lebar_panel: int | None = None,
              sampel: bool = False) -> Any:
    """Serapan and capaian per OPD, side by side, each with its own threshold lines from ``aturan``; ``sampel``:
    the figures are sample data ("DATA CONTOH" in the description, :func:`tkpk.charts.tema.terapkan`).

    ``tinggi_maks``/``lebar_panel`` fit the chart to a fixed screen (the 1280×720 rakor slide)."""
    urutan = list(opd["nama_singkat"])
    nilai = pd.concat([opd["serapan_pct"], opd["capaian_pct"]]).dropna()
    x_max = max(120.0, float(nilai.max()) + 25.0) if not nilai.empty else 120.0
    k = 1.4 if besar else 1.0
    if besar and lebar_panel is None:
        # the projector's larger type, in panels no wider than the desk's: at 1,4 × 360 px the chart was 64 px
        # wider than a 1280 px projector's page and cut its capaian panel; at this width it fits 1024 px
        lebar_panel = LEBAR_PANEL_PROYEKTOR
    status = _tabel_status(opd, aturan)
    kiri = _panel(opd, "serapan_pct", aturan.hijau_serapan, aturan.merah_serapan, urutan, x_max, True, k,
                  tinggi_maks, lebar_panel, status)
    kanan = _panel(opd, "capaian_pct", aturan.hijau_capaian, aturan.merah_capaian, urutan, x_max, False, k,
                   tinggi_maks, lebar_panel, status)
    chart = alt.hconcat(kiri, kanan, spacing=30).resolve_scale(y="shared").properties(
        title=alt.Title(judul or "Serapan anggaran dan capaian output per OPD",
                        subtitle="Garis putus-putus: ambang status. ● baik, ▲ perlu perhatian, ■ kritis, "
                                 "○ tidak ada data."))
    ser = data_titik(opd, "serapan_pct", aturan.hijau_serapan, aturan.merah_serapan)
    cap = data_titik(opd, "capaian_pct", aturan.hijau_capaian, aturan.merah_capaian)
    teks = ds.kalimat(f"Titik serapan anggaran dan capaian output {len(opd)} OPD terhadap ambang status "
                      f"(hijau ≥ {fmt.angka(aturan.hijau_serapan)}% serapan, ≥ {fmt.angka(aturan.hijau_capaian)}% "
                      "capaian)" if not ser.empty else "Belum ada OPD",
                      _ringkas_status(ser, "Serapan") if not ser.empty else "",
                      _ringkas_status(cap, "Capaian") if not cap.empty else "")
    return terapkan(chart, besar=besar, deskripsi=teks, sampel=sampel)


_TICK_ANGGARAN = 5
_SATUAN_RUPIAH = ((1e9, "M", "miliar"), (1e6, "jt", "juta"), (1e3, "rb", "ribu"))


def sumbu_rupiah(x_max: float, n: int = _TICK_ANGGARAN) -> tuple[float, int, str, str]:
    """Divisor, decimals, unit and its word for a Rupiah axis from 0 to ``x_max`` with about ``n`` ticks, so that
    no two tick labels read the same ("Rp0,2 M, Rp0,4 M", or "Rp200 jt", never "Rp0 M, Rp0 M, Rp1 M").

    The tick step is d3's ``tickStep`` (what Vega uses for ``tickCount``): 1, 2 or 5 times a power of ten."""
    pembagi, satuan, arti = next((b, s, a) for b, s, a in _SATUAN_RUPIAH if x_max >= b or b == 1e3)
    if x_max <= 0:
        return pembagi, 0, satuan, arti
    kasar = x_max / n
    pangkat = 10 ** math.floor(math.log10(kasar))
    galat = kasar / pangkat
    langkah = (10 if galat >= math.sqrt(50) else 5 if galat >= math.sqrt(10) else 2 if galat >= math.sqrt(2)
               else 1) * pangkat
    desimal = max(0, math.ceil(-math.log10(langkah / pembagi) - 1e-9))
    return pembagi, desimal, satuan, arti


def batang_anggaran(opd: pd.DataFrame, *, judul: str = "", besar: bool = False, sampel: bool = False) -> Any:
    """Pagu (light bar) and realisasi (dark bar inside it) per OPD, with "realisasi dari pagu (serapan)";
    ``sampel``: sample data (said in the description)."""
    d = opd[["nama_singkat", "pagu", "realisasi", "serapan_pct", "belum_melapor"]].copy()
    d["label"] = [
        "belum melapor" if b else f"{fmt.rupiah_ringkas(r)} dari {fmt.rupiah_ringkas(p)} ({fmt.persen(s, 1)})"
        for p, r, s, b in zip(d["pagu"], d["realisasi"], d["serapan_pct"], d["belum_melapor"], strict=True)]
    d["pagu_teks"] = d["pagu"].map(fmt.rupiah)
    d["realisasi_teks"] = d["realisasi"].map(fmt.rupiah)
    d["ujung"] = d[["pagu", "realisasi"]].max(axis=1).fillna(0.0)
    urutan = list(d["nama_singkat"])
    y = alt.Y("nama_singkat:N", sort=urutan, title=None, axis=alt.Axis(labelLimit=220))
    tooltip = [alt.Tooltip("nama_singkat:N", title="OPD"), alt.Tooltip("pagu_teks:N", title="Pagu"),
               alt.Tooltip("realisasi_teks:N", title="Realisasi")]
    x_max = float(d["ujung"].max()) * 1.7 if d["ujung"].max() > 0 else 1.0
    pembagi, desimal, satuan, arti = sumbu_rupiah(x_max)
    sumbu = alt.Axis(title="Rupiah", tickCount=_TICK_ANGGARAN,
                     labelExpr=f"'Rp' + format(datum.value / {pembagi:.0e}, ',.{desimal}f') + ' {satuan}'")
    skala = alt.Scale(domain=[0, x_max])
    pagu = alt.Chart(d).mark_bar(color=WARNA_PAGU, size=26).encode(
        x=alt.X("pagu:Q", axis=sumbu, scale=skala), y=y, tooltip=tooltip)
    real = alt.Chart(d).mark_bar(color=WARNA_REALISASI, size=12).encode(
        x=alt.X("realisasi:Q", scale=skala), y=y, tooltip=tooltip)
    teks = alt.Chart(d).mark_text(align="left", dx=6, fontSize=15).encode(
        x=alt.X("ujung:Q", scale=skala), y=y, text="label:N", color=alt.value("#111111"))
    chart = alt.layer(pagu, real, teks).properties(
        width="container", height=max(120, 44 * len(urutan)),
        title=alt.Title(judul or "Pagu dan realisasi per OPD",
                        subtitle="Batang abu-abu = pagu, batang biru = realisasi; angka: realisasi dari pagu "
                                 f"(serapan). {satuan} = {arti}."))
    pagu_total, real_total = float(d["pagu"].fillna(0).sum()), float(d["realisasi"].fillna(0).sum())
    ada = d.dropna(subset=["serapan_pct"]).sort_values("serapan_pct", kind="stable")
    terendah = f"serapan terendah {ada.iloc[0]['nama_singkat']} ({fmt.persen(ada.iloc[0]['serapan_pct'], 1)})" \
        if not ada.empty else ""
    belum = d[d["belum_melapor"].fillna(False).astype(bool)]["nama_singkat"].tolist()
    teks = ds.kalimat(
        f"Grafik batang pagu dan realisasi {len(d)} OPD: jumlah realisasi {fmt.rupiah_ringkas(real_total)} dari pagu "
        f"{fmt.rupiah_ringkas(pagu_total)}"
        + (f" ({fmt.persen(100 * real_total / pagu_total, 1)})" if pagu_total > 0 else ""),
        terendah[:1].upper() + terendah[1:] if terendah else "",
        f"Belum melapor: {ds.daftar(belum, 4)}" if belum else "")
    return terapkan(chart, besar=besar, deskripsi=teks, sampel=sampel)


def data_tahunan(perbandingan: pd.DataFrame) -> pd.DataFrame:
    """Long form of the year comparison: one row per (year, measure), with id-ID text for labels."""
    kolom = [c for c in UKURAN if c in perbandingan.columns]
    if perbandingan.empty or not kolom:
        return pd.DataFrame(columns=["tahun", "ukuran", "nilai", "teks"])
    d = perbandingan.melt(id_vars=["tahun"], value_vars=kolom, var_name="kolom", value_name="nilai")
    d["ukuran"] = d["kolom"].map(UKURAN)
    d["nilai"] = pd.to_numeric(d["nilai"], errors="coerce").astype("float64")
    d["teks"] = d["nilai"].map(lambda v: fmt.persen(None if pd.isna(v) else float(v), 1))
    d["tahun"] = d["tahun"].astype("int64")
    return d[["tahun", "ukuran", "nilai", "teks"]]


def _geser_label(akhir: pd.DataFrame, jarak: float) -> pd.DataFrame:
    """``y_label``: the end values pushed apart by at least ``jarak`` so close lines keep readable names."""
    d = akhir.sort_values("nilai").copy()
    posisi: list[float] = []
    for v in d["nilai"]:
        posisi.append(max(float(v), posisi[-1] + jarak) if posisi else float(v))
    d["y_label"] = posisi
    return d


def _catatan_berjalan(perbandingan: pd.DataFrame) -> str:
    """" 2026: baru s.d. triwulan 2 (belum setahun)." for the years still in progress, else ""."""
    jalan = [f"{t}: baru s.d. triwulan {q}" for t, q in tahun_berjalan(perbandingan).items()]
    return f" {'; '.join(jalan)} (belum setahun)." if jalan else ""


def garis_tahunan(perbandingan: pd.DataFrame, *, judul: str = "", besar: bool = False, sampel: bool = False) -> Any:
    """Serapan, capaian and share of located interventions in pockets per year; names at the line ends;
    ``sampel``: sample data (said in the description)."""
    d = data_tahunan(perbandingan)
    ukuran = [u for u in UKURAN.values() if u in set(d["ukuran"])]
    warna = alt.Color("ukuran:N", scale=alt.Scale(domain=ukuran, range=[WARNA_UKURAN[u] for u in ukuran]),
                      legend=None)
    # a year in progress is named as such on the axis and in the tooltip, not only in the subtitle (which a narrow
    # screen cuts): its line would otherwise read as a whole year's fall
    berjalan = tahun_berjalan(perbandingan)
    d = d.assign(tahun_teks=[label_tahun(t, berjalan) for t in d["tahun"]])
    label_x = "".join(f"datum.value == {t} ? '{label_tahun(t, berjalan)}' : " for t in berjalan) + "datum.label"
    x = alt.X("tahun:O", title="Tahun", axis=alt.Axis(labelAngle=0, **({"labelExpr": label_x} if berjalan else {})))
    y_max = max(100.0, float(d["nilai"].max())) if d["nilai"].notna().any() else 100.0
    y = alt.Y("nilai:Q", title="Persen", scale=alt.Scale(domain=[0, y_max]), axis=alt.Axis(format=",.0f"))
    tooltip = [alt.Tooltip("tahun_teks:N", title="Tahun"), alt.Tooltip("ukuran:N", title="Ukuran"),
               alt.Tooltip("teks:N", title="Nilai")]
    dasar = alt.Chart(d).encode(x=x, y=y, color=warna)
    garis = dasar.mark_line(strokeWidth=3)
    titik = dasar.mark_point(filled=True, size=90).encode(tooltip=tooltip)
    akhir = d.dropna(subset=["nilai"]).sort_values("tahun").groupby("ukuran").tail(1)
    akhir = _geser_label(akhir.assign(label=akhir["ukuran"] + " " + akhir["teks"]), jarak=y_max * 0.06)
    label = alt.Chart(akhir).mark_text(align="left", dx=10, fontSize=15, fontWeight="bold").encode(
        x=x, y=alt.Y("y_label:Q", scale=alt.Scale(domain=[0, y_max])), text="label:N", color=warna)
    chart = alt.layer(garis, titik, label).properties(
        width="container", height=340, padding={"left": 5, "top": 5, "bottom": 5, "right": 230},
        title=alt.Title(judul or "Perbandingan antartahun",
                        subtitle="Capaian OPD/pilar: rata-rata capaian program dibobot pagu (maks. 100% per "
                                 "program). Tahun tanpa laporan dibiarkan kosong." + _catatan_berjalan(perbandingan)))
    garis_ukuran = [f"{u} {ds.dari_ke(d[d['ukuran'] == u], teks='teks')}" for u in ukuran]
    # the subtitle's caveat in the text alternative too: a year in progress is not read as a whole year
    teks = ds.kalimat(f"Grafik garis {ds.satu_baris(judul or 'perbandingan antartahun')} "
                      f"{ds.rentang_tahun(d['tahun'])}: " + ("; ".join(garis_ukuran) or "belum ada angka"),
                      _catatan_berjalan(perbandingan))
    return terapkan(chart, besar=besar, deskripsi=teks, sampel=sampel)
