"""The map page's data: one level, one indicator, one year of one kabupaten, joined to its boundaries; pockets by
the chosen rule; entered/left against the previous year; targeting. The page only draws what this returns.

Why here and not in :mod:`tkpk.peta.kantong`: that module is pure (DataFrames in, pockets out) so it can be tested on
hand-made cases. Everything that touches the store goes through :mod:`tkpk.toko.tahun` (the one loader of a
year, small cells protected there), and the default rule per level comes from :mod:`tkpk.peta.bawaan`; the other
pages, the slides and the exports ask :func:`hitung_kantong` / :func:`kantong_bawaan` so every artefact names
the same pockets.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import geopandas as gpd
import pandas as pd

from tkpk import KODE_BANJAR, fmt, katalog
from tkpk.peta import bawaan
from tkpk.peta.geojson import representative_points, to_features
from tkpk.peta.kantong import (
    AturanKantong,
    AturanMoran,
    HasilKantong,
    kantong_jumlah_persen,
)
from tkpk.peta.moran import kantong_moran
from tkpk.peta.perubahan import PerubahanKantong, bandingkan_kantong
from tkpk.peta.sasaran import HasilSasaran, tepat_sasaran
from tkpk.toko.queries import fetch
from tkpk.toko.tahun import DataTingkat, data_tingkat, intervensi_tahun, simpan, teks_sel, wilayah

__all__ = [
    "INDIKATOR_BAWAAN", "K_BAWAAN", "TANPA_PERINGKAT", "TINGKAT", "DataTingkat", "Geometri", "KantongTahun",
    "ada_laporan", "aturan_bawaan", "data_tingkat", "geometri", "hitung_kantong", "intervensi_tahun",
    "kantong_bawaan", "kantong_kode_tahun", "nilai_peta", "perubahan", "ringkasan_kantong", "sasaran",
    "tahun_tersedia", "teks_aturan", "tingkat_kode", "wilayah",
]

TINGKAT = bawaan.TINGKAT
NAMA_TINGKAT = {"kecamatan": "Kecamatan", "desa": "Desa/kelurahan"}
K_BAWAAN = bawaan.K_KELAS
INDIKATOR_BAWAAN = bawaan.INDIKATOR
PANJANG_KODE_KEC = 8
# Sizes (the denominators of the shares: penduduk, KK) are not need: a rank "1 = terburuk" for the smallest
# desa would read as a finding. They get no rank at all.
TANPA_PERINGKAT = frozenset(i.penyebut for i in katalog.INDIKATOR if i.penyebut)
_simpan = simpan


def tingkat_kode(kode: str) -> str:
    """Map level of a Kemendagri code: ``63.03.17`` is a kecamatan, ``63.03.17.2001`` a desa."""
    return "kecamatan" if len(str(kode)) <= PANJANG_KODE_KEC else "desa"


@dataclass(frozen=True)
class Geometri:
    """One level's outlines, prepared once per store: Vega features (geometry + ``kode`` only; values are
    merged per request), label points, and the GeoDataFrame for Local Moran's contiguity."""

    tingkat: str
    gdf: gpd.GeoDataFrame     # kode, nama, tingkat, kode_kec, nama_kecamatan, geometry
    fitur: list[dict]          # {"type": "Feature", "geometry": ..., "kode": ...}
    titik: pd.DataFrame        # kode, nama, lon, lat

    def fitur_dengan(self, props: pd.DataFrame) -> list[dict]:
        """Features with the columns of ``props`` (indexed by nothing, keyed by ``kode``) at the top level."""
        from tkpk.peta.geojson import nilai_json

        baris = {str(r["kode"]): {c: nilai_json(v) for c, v in r.items()} for r in props.to_dict("records")}
        return [{**f, **baris.get(f["kode"], {})} for f in self.fitur]


def geometri(con: duckdb.DuckDBPyConnection, tingkat: str, kode_kab: str = KODE_BANJAR) -> Geometri:
    """Boundaries of one level of one kabupaten, cached per store (the 290 desa take ~0,3 s to prepare)."""
    import json

    from shapely.geometry import shape

    def buat() -> Geometri:
        rows = fetch(con, "batas_tingkat", {"tingkat": list(TINGKAT[tingkat]), "kode_kab": kode_kab})
        geoms = [shape(json.loads(g)) for g in rows.pop("geojson")]
        gdf = gpd.GeoDataFrame(rows, geometry=geoms, crs="EPSG:4326")
        return Geometri(tingkat, gdf, to_features(gdf, ["kode"]), representative_points(gdf, ["kode", "nama"]))

    return _simpan(con, ("geometri", tingkat, kode_kab), buat)


def tahun_tersedia(con: duckdb.DuckDBPyConnection, kode_kab: str = KODE_BANJAR) -> list[int]:
    """Years with kecamatan/desa values, newest first."""
    return [int(t) for t in fetch(con, "tahun_nilai_wilayah", {"kode_kab": kode_kab})["tahun"]]


def teks_nilai(x: float, satuan: str, status: str = "") -> str:
    """A value in its unit, id-ID; a hidden small cell reads "< 5" or "disamarkan", shares with two decimals."""
    return teks_sel(x, status, satuan)


def nilai_peta(data: DataTingkat, indikator: str) -> pd.DataFrame:
    """One indicator per place, ready for the map: kode, nama, nama_kecamatan, nilai, nilai_teks, sumber,
    samar (small-cell status, "" = shown), peringkat (1 = worst, by the catalogue's direction; none for sizes
    such as penduduk and KK) and peringkat_teks ("3 dari 20")."""
    ind = katalog.INDIKATOR_BY_KODE[indikator]
    d = data.lebar[["kode", "nama", "nama_kecamatan"]].copy()
    d["nilai"] = data.lebar[indikator].astype("float64")
    d["samar"] = data.samar[indikator].fillna("").astype("str").to_numpy()
    d["nilai_teks"] = [teks_nilai(x, ind.satuan, s) for x, s in zip(d["nilai"], d["samar"], strict=True)]
    d["sumber"] = data.sumber[indikator].fillna(fmt.TIDAK_ADA).astype("str").to_numpy()
    if indikator in TANPA_PERINGKAT:
        d["peringkat"] = pd.array([pd.NA] * len(d), dtype="Int64")
        d["peringkat_teks"] = "tidak diperingkat (ukuran wilayah)"
        return d
    pk = d["nilai"].rank(ascending=not ind.lebih_tinggi_lebih_buruk, method="min")
    d["peringkat"] = pk.astype("Int64")
    n = int(d["nilai"].notna().sum())
    d["peringkat_teks"] = [fmt.TIDAK_ADA if pd.isna(p) else f"{int(p)} dari {n}" for p in d["peringkat"]]
    return d


def aturan_bawaan(tingkat: str) -> AturanKantong:
    """The default rule of a level (:func:`tkpk.peta.bawaan.aturan_kantong`)."""
    return bawaan.aturan_kantong(tingkat)


def hitung_kantong(con: duckdb.DuckDBPyConnection, tingkat: str, tahun: int,
                   aturan: AturanKantong | AturanMoran | None = None, kode_kab: str = KODE_BANJAR) -> HasilKantong:
    """Pockets of one level and year by the chosen rule (default: :func:`aturan_bawaan`), on the protected
    values; cached per store (Moran's 9.999 permutations take a fraction of a second)."""
    a = aturan or aturan_bawaan(tingkat)
    data = data_tingkat(con, tingkat, tahun, kode_kab)
    if isinstance(a, AturanMoran):
        def buat() -> HasilKantong:
            g = geometri(con, tingkat, kode_kab).gdf[["kode", "geometry"]]
            gdf = g.merge(data.lebar, on="kode", how="left")
            return kantong_moran(gpd.GeoDataFrame(gdf, geometry="geometry", crs=g.crs), a, samar=data.samar)
        return _simpan(con, ("moran", tingkat, int(tahun), kode_kab, a), buat)
    return _simpan(con, ("kantong", tingkat, int(tahun), kode_kab, repr(a)),
                   lambda: kantong_jumlah_persen(data.lebar, a, samar=data.samar))


def perubahan(con: duckdb.DuckDBPyConnection, tingkat: str, tahun: int,
              aturan: AturanKantong | AturanMoran | None = None,
              kode_kab: str = KODE_BANJAR) -> PerubahanKantong | None:
    """Pockets that entered or left against ``tahun - 1`` by the same rule; None when that year has no data."""
    if tahun - 1 not in tahun_tersedia(con, kode_kab):
        return None
    lama = hitung_kantong(con, tingkat, tahun - 1, aturan, kode_kab)
    baru = hitung_kantong(con, tingkat, tahun, aturan, kode_kab)
    return bandingkan_kantong(lama, baru)


def _kecil(nama: str) -> str:
    """A catalogue name inside a sentence: first letter small, acronyms such as DTSEN kept."""
    return nama[:1].lower() + nama[1:]


def teks_aturan(aturan: AturanKantong | AturanMoran, tingkat: str) -> str:
    """The rule in one line, for other pages' captions ("aturan kantong halaman peta: …")."""
    tempat = "desa/kelurahan" if tingkat == "desa" else "kecamatan"
    if isinstance(aturan, AturanMoran):
        return (f"{tempat} dalam klaster Tinggi-Tinggi atau Tinggi-Rendah Local Moran's I atas "
                f"{_kecil(katalog.INDIKATOR_BY_KODE[aturan.kolom_persen].nama)}, p < {fmt.angka(aturan.alpha, 2)}")
    from tkpk.peta.klasifikasi import SKEMA, nama_skema

    p = _kecil(katalog.INDIKATOR_BY_KODE[aturan.kolom_persen].nama)
    j = _kecil(katalog.INDIKATOR_BY_KODE[aturan.kolom_jumlah].nama)
    return (f"{tempat} di kelas teratas {p} DAN kelas teratas {j} "
            f"({SKEMA[nama_skema(aturan.skema)].split(' (')[0].lower()}, {aturan.k} kelas; halaman peta)")


@dataclass(frozen=True)
class KantongTahun:
    """The default rule's pockets of one year and level, in the shape other pages read (kode, aturan, jumlah)."""

    tahun: int
    tingkat: str
    kode: frozenset[str]
    aturan: str
    sampel: bool
    ada_data: bool = True  # False: no figures for that year, so "0 pockets" would mean "unknown"

    @property
    def jumlah(self) -> int:
        return len(self.kode)


def kantong_kode_tahun(con: duckdb.DuckDBPyConnection, tahun: int, tingkat: str = "desa",
                       kode_kab: str = KODE_BANJAR) -> KantongTahun:
    """Pocket codes of the page's DEFAULT rule for ``tahun`` (desa level unless asked): the one answer the
    pillar scorecard and the home page use, so they agree with what the map shows by default."""
    a = aturan_bawaan(tingkat)
    data = data_tingkat(con, tingkat, tahun, kode_kab)
    if not data.ada_data:
        return KantongTahun(tahun, tingkat, frozenset(), teks_aturan(a, tingkat), False, ada_data=False)
    hasil = hitung_kantong(con, tingkat, tahun, a, kode_kab)
    return KantongTahun(tahun, tingkat, frozenset(hasil.kode_kantong), teks_aturan(a, tingkat), data.sampel)


def kantong_bawaan(con: duckdb.DuckDBPyConnection, tahun: int, kode_kab: str = KODE_BANJAR) -> dict[str, KantongTahun]:
    """The default pockets of both levels: desa pockets for desa rows, kecamatan pockets for rows that target a
    whole kecamatan (so those are measured, never scored as misses at desa level)."""
    return {t: kantong_kode_tahun(con, tahun, t, kode_kab) for t in TINGKAT}


def ringkasan_kantong(con: duckdb.DuckDBPyConnection, tahun: int) -> KantongTahun:
    """Number of pockets for the home page (desa level, default rule); ``.jumlah`` and ``.aturan`` are read."""
    return kantong_kode_tahun(con, tahun, "desa")


def ada_laporan(s: HasilSasaran) -> bool:
    """Whether any program row was reported for the year: without reports "belum tersentuh" would say nothing
    about the pockets (register data can reach a year whose program reports are not in yet)."""
    n = int(s.tabel["jumlah_intervensi"].fillna(0).sum())
    if not s.tidak_terpetakan.empty:
        n += int(s.tidak_terpetakan["jumlah_intervensi"].fillna(0).sum())
    return n > 0


def sasaran(con: duckdb.DuckDBPyConnection, tingkat: str, tahun: int, satuan: str, kantong: list[str],
            kode_kab: str = KODE_BANJAR) -> HasilSasaran:
    """Targeting at one level: interventions per 1.000 jiwa desil 1–4 or per 1.000 KK desil 1 (never mixed)."""
    data = data_tingkat(con, tingkat, tahun, kode_kab)
    return tepat_sasaran(data.lebar, intervensi_tahun(con, tahun, kode_kab), satuan=satuan, tingkat=tingkat,
                         kantong=kantong)
