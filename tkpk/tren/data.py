"""Data behind the Tren page: BPS series, the Kalsel map, kecamatan small multiples and targets.

Every function returns a full year grid with NULLs where a figure is missing, because the charts must show gaps
rather than draw a line across a year nobody published. Values also come pre-formatted in id-ID (``nilai_teks``)
so tooltips read ``2,36%`` whatever the viewer's browser locale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb
import geopandas as gpd
import pandas as pd

from tkpk import KODE_BANJAR, KODE_PROVINSI, SUMBER_CONTOH, fmt, mutu_sumber
from tkpk.katalog import INDIKATOR_BPS_BY_KODE, INDIKATOR_BY_KODE, KODE_REGISTER
from tkpk.peta.geo import batas
from tkpk.toko.queries import fetch
from tkpk.toko.tahun import samarkan_panjang
from tkpk.tren import figur_bps
from tkpk.tren.ringkasan import MIN_PEMBANDING, teks_peringkat
from tkpk.tren.seri_campuran import keterangan_campuran
from tkpk.tren.target import dokumen_singkat, teks_target
from tkpk.unduh import bulat, desimal_satuan

TIDAK_ADA_DATA = "tidak ada data"
PERAN_BANJAR, PERAN_PROVINSI, PERAN_LAIN = "banjar", "provinsi", "lain"
# The page's sections (tabs); a label is also the value of ``?bagian=`` in a shared link, so renaming one breaks
# links to it.
BAGIAN = ("Tren Banjar", "Posisi di Kalsel", "Per kecamatan")


def nama_pendek(nama: str) -> str:
    """``Kabupaten Hulu Sungai Selatan`` → ``Hulu Sungai Selatan``; cities keep ``Kota`` (Banjar ≠ Banjarbaru)."""
    if nama.startswith("Provinsi "):
        return "Kalsel (provinsi)"
    return nama.removeprefix("Kabupaten ")


def sumber_ringkas(teks: object, batas_huruf: int = 90) -> str:
    """The first clause of a long source note, without URLs: tooltips must stay readable on a projector."""
    if not isinstance(teks, str) or not teks:
        return TIDAK_ADA_DATA
    if teks.startswith(SUMBER_CONTOH):
        return SUMBER_CONTOH
    pertama = re.split(r"\s\||\shttps?://", teks, maxsplit=1)[0].strip(" ,")
    return pertama if len(pertama) <= batas_huruf else pertama[: batas_huruf - 1].rstrip() + "…"


def _satuan(indikator: str) -> str:
    if indikator in INDIKATOR_BPS_BY_KODE:
        return INDIKATOR_BPS_BY_KODE[indikator].satuan
    return INDIKATOR_BY_KODE[indikator].satuan


def teks_nilai(x: float | None, satuan: str) -> str:
    """One value in id-ID with its unit, or ``tidak ada data``."""
    return format_nilai(satuan)(x)


def teks_perubahan(x: float | None, satuan: str) -> str:
    """A change: percentage points for shares, plain signed numbers for counts and Rupiah."""
    return format_perubahan(satuan)(x)


def format_nilai(satuan: str) -> fmt.Format:
    """The cell format of :func:`teks_nilai` for a table column (a missing value reads ``tidak ada data``)."""
    return fmt.Format("nilai", satuan=satuan, kosong=TIDAK_ADA_DATA)


def format_perubahan(satuan: str) -> fmt.Format:
    """The cell format of :func:`teks_perubahan` for a table column."""
    return fmt.Format("perubahan", satuan=satuan)


def daftar_kabkota(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Kab/kota codes and names for the comparison picker (Banjar is always drawn, so it is left out)."""
    df = fetch(con, "kabkota_kalsel")
    return df[df["kode"] != KODE_BANJAR].reset_index(drop=True)


def tahun_bps(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Years with any BPS figure, newest first."""
    return [int(t) for t in fetch(con, "tahun_bps")["tahun"]]


def _sumber_figur(df: pd.DataFrame, indikator: str) -> pd.DataFrame:
    """One figure with its own source: versioning is per cell, so the row's source (P0's) may not be this
    figure's. A figure of a register or sample kind, or from a sample batch, never reaches a BPS chart: it
    becomes a gap (:mod:`tkpk.tren.figur_bps`), while the other figures of its row stay."""
    df = figur_bps.saring_satu(df, indikator).rename(columns={indikator: "nilai"})
    df["sumber"] = df[f"sumber_{indikator}"]
    df["jenis_sumber"] = df[f"jenis_sumber_{indikator}"]
    df.loc[df["nilai"].isna(), ["sumber", "jenis_sumber"]] = None  # no figure, no source for it
    return df


def _grid(df: pd.DataFrame, tahun: range, kunci: list[str]) -> pd.DataFrame:
    """Every place × every year, so a missing year is a NULL row (a gap), never silently absent."""
    tempat = df[kunci].drop_duplicates()
    kerangka = tempat.merge(pd.DataFrame({"tahun": list(tahun)}), how="cross")
    return kerangka.merge(df.drop(columns=[c for c in kunci if c != "kode_wilayah"]), on=["kode_wilayah", "tahun"],
                          how="left")


@dataclass(frozen=True)
class SeriBps:
    indikator: str
    nama_indikator: str
    satuan: str
    data: pd.DataFrame      # tahun, kode_wilayah, label, peran, nilai (NaN = gap), nilai_teks, sumber, jenis_sumber,
    #                         sumber_ringkas (marker + kind + source: "BPS: …" only for BPS's own release)
    target: pd.DataFrame    # tahun, label, nilai, nilai_teks, dokumen, sumber, jenis_sumber (empty: no target)
    sumber: list[str]       # distinct full source notes of the drawn values

    @property
    def legenda_sumber(self) -> str:
        """Markers of the kinds of source drawn ("◆ = angka BPS dikutip media; ⚠ = …"), for under the chart."""
        return mutu_sumber.legenda(set(self.data.loc[self.data["nilai"].notna(), "jenis_sumber"].dropna()))

    @property
    def teks_target(self) -> str:
        """The targets drawn, with their documents and kinds of source, or a plain "no target" line."""
        if self.target.empty:
            return f"Belum ada target untuk {fmt.awal_kecil(self.nama_indikator)} di basis data."
        return "Target: " + "; ".join(
            f"{r.tahun} {r.nilai_teks} ({dokumen_singkat(r.dokumen)}, {mutu_sumber.label_target(r.jenis_sumber)})"
            for r in self.target.itertuples(index=False))

    def unduhan(self) -> pd.DataFrame:
        """Exactly the rows the chart draws, with Indonesian column names, for the download button."""
        d = self.data.rename(columns={"tahun": "Tahun", "label": "Wilayah", "kode_wilayah": "Kode wilayah",
                                      "nilai": "Nilai", "sumber": "Sumber"})
        d["Nilai"] = bulat(d["Nilai"], desimal_satuan(self.satuan))
        jenis = [mutu_sumber.label(j) if pd.notna(n) else "" for j, n in zip(d["jenis_sumber"], d["Nilai"],
                                                                              strict=True)]
        d = d[["Tahun", "Kode wilayah", "Wilayah", "Nilai", "Sumber"]].copy()
        d.insert(3, "Indikator", self.nama_indikator)
        d.insert(5, "Satuan", self.satuan)
        d.insert(6, "Jenis sumber", jenis)
        return d


def seri_bps(con: duckdb.DuckDBPyConnection, indikator: str, pembanding: list[str] | None = None) -> SeriBps:
    """Banjar, the province and the chosen kab/kota for one BPS indicator, on a full year grid."""
    info = INDIKATOR_BPS_BY_KODE[indikator]
    kode = [KODE_BANJAR, KODE_PROVINSI, *[k for k in (pembanding or []) if k not in (KODE_BANJAR, KODE_PROVINSI)]]
    raw = fetch(con, "seri_bps", {"kode": kode})
    raw = _sumber_figur(raw, indikator)
    raw = raw[["tahun", "kode_wilayah", "nama", "nilai", "sumber", "jenis_sumber"]]
    berisi = raw[raw["nilai"].notna()]
    if berisi.empty:
        data = raw.iloc[0:0].assign(label="", peran="", nilai_teks="", sumber_ringkas="", penanda="")
    else:
        tahun = range(int(berisi["tahun"].min()), int(berisi["tahun"].max()) + 1)
        data = _grid(raw, tahun, ["kode_wilayah", "nama"])
        data = data[data["kode_wilayah"].isin(berisi["kode_wilayah"])]
        data["label"] = data["nama"].map(nama_pendek)
        data["peran"] = data["kode_wilayah"].map(
            lambda k: PERAN_BANJAR if k == KODE_BANJAR else PERAN_PROVINSI if k == KODE_PROVINSI else PERAN_LAIN)
        data["nilai_teks"] = data["nilai"].map(lambda x: teks_nilai(x, info.satuan))
        data["sumber_ringkas"] = [mutu_sumber.sebut(s, j) if isinstance(s, str) else TIDAK_ADA_DATA
                                  for s, j in zip(data["sumber"], data["jenis_sumber"], strict=True)]
        data["penanda"] = [mutu_sumber.penanda(j) if pd.notna(n) else ""
                           for j, n in zip(data["jenis_sumber"], data["nilai"], strict=True)]
        data["_urut"] = data["kode_wilayah"].map({k: i for i, k in enumerate(kode)})
        data = data.sort_values(["_urut", "tahun"]).drop(columns="_urut").reset_index(drop=True)
    target = fetch(con, "target_indikator_wilayah", {"indikator": indikator, "kode": kode})
    target["label"] = target["nama"].fillna("").map(nama_pendek)
    target["nilai_teks"] = target["nilai"].map(lambda x: teks_target(x, info.satuan))
    target["dokumen_singkat"] = target["dokumen"].map(dokumen_singkat)
    target["jenis_teks"] = target["jenis_sumber"].map(mutu_sumber.label_target)
    return SeriBps(indikator, info.nama, info.satuan, data, target,
                   sorted(set(data["sumber"].dropna())))


@dataclass(frozen=True)
class PetaKalsel:
    indikator: str
    nama_indikator: str
    satuan: str
    tahun: int
    lebih_tinggi_lebih_buruk: bool
    wilayah: gpd.GeoDataFrame   # 13 kab/kota: kode_wilayah, nama, label, nilai, nilai_teks, peringkat (NA below
    #                             MIN_PEMBANDING places with a figure), peringkat_teks, banjar, geometry
    sumber: list[str]

    @property
    def jumlah_data(self) -> int:
        return int(self.wilayah["nilai"].notna().sum())

    @property
    def ada_peringkat(self) -> bool:
        """A rank means something only with at least MIN_PEMBANDING kab/kota having a figure that year."""
        return self.jumlah_data >= MIN_PEMBANDING

    @property
    def tabel(self) -> pd.DataFrame:
        """Ranked rows for the bar chart: lowest value first, places without a figure last."""
        d = pd.DataFrame(self.wilayah.drop(columns="geometry"))
        return d.sort_values(["peringkat", "label"], na_position="last").reset_index(drop=True)

    def unduhan(self) -> pd.DataFrame:
        d = self.tabel
        return pd.DataFrame({
            "Tahun": self.tahun, "Kode wilayah": d["kode_wilayah"], "Kab/kota": d["nama"],
            "Indikator": self.nama_indikator, "Nilai": bulat(d["nilai"], desimal_satuan(self.satuan)),
            "Satuan": self.satuan, "Peringkat (1 = terendah)": d["peringkat_teks"], "Jenis sumber": d["jenis_teks"],
            "Sumber": d["sumber"].fillna(TIDAK_ADA_DATA),
        })


def _teks_peringkat_tempat(peringkat: object, nilai: object, n_data: int) -> str:
    """One place's rank for the tooltip and the download: "3 dari 12", or why there is none."""
    if pd.isna(nilai):
        return fmt.TIDAK_ADA
    if n_data < MIN_PEMBANDING or pd.isna(peringkat):
        return teks_peringkat(None, n_data)
    return f"{int(peringkat)} dari {n_data}"  # type: ignore[call-overload]


def peta_kalsel(con: duckdb.DuckDBPyConnection, indikator: str, tahun: int) -> PetaKalsel:
    """The 13 kab/kota with one BPS figure for one year, joined to their outlines by Kemendagri code."""
    info = INDIKATOR_BPS_BY_KODE[indikator]
    angka = fetch(con, "bps_kabkota_tahun", {"tahun": tahun})
    angka = _sumber_figur(angka, indikator)[["kode_wilayah", "nama", "nilai", "sumber", "jenis_sumber"]]
    geo = batas(con, "kabupaten")[["kode", "geometry"]].rename(columns={"kode": "kode_wilayah"})
    gdf = geo.merge(angka, on="kode_wilayah", how="right")
    gdf["label"] = gdf["nama"].map(nama_pendek)
    gdf["nilai_teks"] = gdf["nilai"].map(lambda x: teks_nilai(x, info.satuan))
    gdf["sumber_ringkas"] = [mutu_sumber.sebut(s, j) if isinstance(s, str) else TIDAK_ADA_DATA
                             for s, j in zip(gdf["sumber"], gdf["jenis_sumber"], strict=True)]
    gdf["jenis_teks"] = [mutu_sumber.label(j) if isinstance(j, str) else "" for j in gdf["jenis_sumber"]]
    n_data = int(gdf["nilai"].notna().sum())
    peringkat = gdf["nilai"].rank(method="min").astype("Int64")
    gdf["peringkat"] = peringkat if n_data >= MIN_PEMBANDING else pd.array([pd.NA] * len(gdf), dtype="Int64")
    gdf["peringkat_teks"] = [_teks_peringkat_tempat(r, v, n_data) for r, v in zip(gdf["peringkat"], gdf["nilai"],
                                                                                  strict=True)]
    gdf["banjar"] = gdf["kode_wilayah"] == KODE_BANJAR
    gdf = gpd.GeoDataFrame(gdf, geometry="geometry", crs="EPSG:4326")
    return PetaKalsel(indikator, info.nama, info.satuan, tahun, info.lebih_tinggi_lebih_buruk, gdf,
                      sorted(set(gdf["sumber"].dropna())))


@dataclass(frozen=True)
class TrenKecamatan:
    indikator: str
    nama_indikator: str
    satuan: str
    proksi: bool             # kecamatan poverty shares come from targeting registers, not BPS
    sampel: bool
    data: pd.DataFrame       # tahun, kode_wilayah, nama, panel, nilai (NaN = gap), nilai_teks, sumber_ringkas, sampel,
    #                          asal ("nyata" / "contoh" per point)
    ringkasan: pd.DataFrame  # one row per kecamatan, ordered by latest value (highest first)
    sumber: list[str]
    campuran: str = ""       # sentence naming the series that splice real and sample years ("" when none do)

    @property
    def urutan_panel(self) -> list[str]:
        return self.ringkasan["panel"].tolist()

    def unduhan(self) -> pd.DataFrame:
        d = self.data
        return pd.DataFrame({
            "Tahun": d["tahun"], "Kode wilayah": d["kode_wilayah"], "Kecamatan": d["nama"],
            "Indikator": self.nama_indikator, "Nilai": bulat(d["nilai"], desimal_satuan(self.satuan)),
            "Satuan": self.satuan,
            "Sumber": d["sumber"].fillna(TIDAK_ADA_DATA),
        })


def _ringkas_kecamatan(data: pd.DataFrame) -> pd.DataFrame:
    """Latest value, change over one year and over the whole period, per kecamatan."""
    rows = []
    for (kode, nama), g in data.groupby(["kode_wilayah", "nama"], sort=False):
        ada = g[g["nilai"].notna()].sort_values("tahun")
        if ada.empty:
            rows.append({"kode_wilayah": kode, "nama": nama})
            continue
        akhir, awal = ada.iloc[-1], ada.iloc[0]
        sebelum = ada[ada["tahun"] == akhir["tahun"] - 1]
        rows.append({
            "kode_wilayah": kode, "nama": nama, "tahun_terakhir": int(akhir["tahun"]), "terakhir": akhir["nilai"],
            "ubah_1_tahun": akhir["nilai"] - sebelum["nilai"].iloc[0] if not sebelum.empty else None,
            "tahun_awal": int(awal["tahun"]), "ubah_periode": akhir["nilai"] - awal["nilai"],
        })
    out = pd.DataFrame(rows)
    for kol in ("terakhir", "ubah_1_tahun", "ubah_periode"):
        out[kol] = pd.to_numeric(out.get(kol), errors="coerce")
    return out.sort_values("terakhir", ascending=False, na_position="last").reset_index(drop=True)


def tren_kecamatan(con: duckdb.DuckDBPyConnection, indikator: str) -> TrenKecamatan:
    """One catalogue indicator (or derived share) for the 20 kecamatan, with a summary row per kecamatan."""
    info = INDIKATOR_BY_KODE[indikator]
    # Small cells hidden as on the map (tkpk.toko.tahun): a kecamatan count of 1–4, or a complement, is never shown.
    raw = samarkan_panjang(con, fetch(con, "seri_indikator_kecamatan", {"indikator": indikator}), indikator)
    sampel = bool(raw["sampel"].any()) if not raw.empty else False
    raw = raw[["tahun", "kode_wilayah", "nama", "nilai", "sumber", "sampel"]]
    if raw.empty:
        data = raw.assign(panel="", nilai_teks="", sumber_ringkas="", asal="")
        ringkasan = pd.DataFrame(columns=["kode_wilayah", "nama", "panel", "terakhir", "ubah_1_tahun",
                                          "ubah_periode", "tahun_terakhir", "tahun_awal"])
    else:
        tahun = range(int(raw["tahun"].min()), int(raw["tahun"].max()) + 1)
        data = _grid(raw, tahun, ["kode_wilayah", "nama"])
        data["nilai_teks"] = data["nilai"].map(lambda x: teks_nilai(x, info.satuan))
        data["sumber_ringkas"] = data["sumber"].map(sumber_ringkas)
        data["asal"] = [("contoh" if bool(s) else "nyata") if pd.notna(n) else ""
                        for s, n in zip(data["sampel"], data["nilai"], strict=True)]
        ringkasan = _ringkas_kecamatan(data)
        # The panel title carries the latest value: a direct label, so nobody reads values off a tiny axis.
        ringkasan["panel"] = [f"{n}: {teks_nilai(v, info.satuan)}" for n, v in zip(ringkasan["nama"],
                                                                                   ringkasan["terakhir"], strict=False)]
        data = data.merge(ringkasan[["kode_wilayah", "panel"]], on="kode_wilayah")
    proksi = indikator in KODE_REGISTER
    campuran = keterangan_campuran(data, kunci="nama") if not data.empty else ""
    return TrenKecamatan(indikator, info.nama, info.satuan, proksi, sampel, data, ringkasan,
                         sorted(set(data["sumber"].dropna())), campuran)


def pilihan_indikator_kecamatan() -> dict[str, str]:
    """Catalogue codes → names, shares first (they compare kecamatan of different sizes fairly)."""
    from tkpk.katalog import INDIKATOR

    urut = sorted(INDIKATOR, key=lambda i: (not i.turunan,))
    return {i.kode: i.nama for i in urut}


def pilihan_indikator_bps() -> dict[str, str]:
    return {k: v.nama for k, v in INDIKATOR_BPS_BY_KODE.items()}


def satuan(indikator: str) -> str:
    """Unit of a BPS or catalogue indicator."""
    return _satuan(indikator)


def tahun_bawaan(seri: SeriBps, semua_tahun: list[int]) -> int:
    """Default map year: the latest year in which Banjar has the chosen figure, else the latest year at all."""
    d = seri.data
    banjar = d[(d["peran"] == PERAN_BANJAR) & d["nilai"].notna()]
    if not banjar.empty:
        return int(banjar["tahun"].max())
    return semua_tahun[0] if semua_tahun else 0


def daftar_kecamatan(tk: TrenKecamatan) -> dict[str, str]:
    """Kecamatan codes → names, alphabetical, for the highlight picker."""
    d = tk.ringkasan.sort_values("nama")
    return dict(zip(d["kode_wilayah"], d["nama"], strict=False))


def tabel_kecamatan(tk: TrenKecamatan) -> pd.DataFrame:
    """The sortable table beside the small multiples: numbers stay numbers so sorting works."""
    r = tk.ringkasan
    return pd.DataFrame({
        "Kecamatan": r["nama"],
        f"Nilai {_rentang(r, 'tahun_terakhir')}": r["terakhir"],
        "Ubah 1 th": r["ubah_1_tahun"],
        f"Ubah sejak {_rentang(r, 'tahun_awal')}": r["ubah_periode"],
    })


def _rentang(r: pd.DataFrame, kol: str) -> str:
    t = r[kol].dropna().astype(int).unique() if kol in r else []
    return str(t[0]) if len(t) == 1 else "tahun terakhir"
