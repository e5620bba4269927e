"""The map page's data: one level, one indicator, one year of one kabupaten, joined to its boundaries; pockets by
the chosen rule; entered/left against the previous year; targeting. The page only draws what this returns.

Why here and not in :mod:`tkpk.kantong`: that module is pure (DataFrames in, pockets out) so it can be tested on
hand-made cases. Everything that touches the store — named SQL with ``kode_kab`` bound so a national store only
loads one kabupaten, boundary caching, the default rule per level — lives here, and the other pages
(:mod:`tkpk.kinerja`, :mod:`tkpk.beranda`) ask :func:`kantong_kode_tahun` so every page names the same pockets.

Defaults, stated on the page too: the count × share rule with quantiles, **3 classes at kecamatan level** (20
places: with 5 classes the top class holds 4 kecamatan and in the 2024 sample none is top on both share and
count) and **5 classes at desa level** (290 places).
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

import duckdb
import geopandas as gpd
import pandas as pd

from tkpk import KODE_BANJAR, fmt, katalog, skor
from tkpk.geo_fitur import representative_points, to_features
from tkpk.kantong import (
    AturanKantong,
    AturanMoran,
    HasilKantong,
    PerubahanKantong,
    bandingkan_kantong,
    kantong_jumlah_persen,
    kantong_moran,
)
from tkpk.queries import fetch, versi_data
from tkpk.sasaran import HasilSasaran, tepat_sasaran

__all__ = [
    "INDIKATOR_BAWAAN", "K_BAWAAN", "TINGKAT", "DataTingkat", "Geometri", "KantongTahun", "ada_laporan",
    "aturan_bawaan",
    "data_tingkat", "geometri", "hitung_kantong", "kantong_kode_tahun", "nilai_peta", "perubahan",
    "ringkasan_kantong", "sasaran", "tahun_tersedia", "teks_aturan", "tingkat_kode", "wilayah",
]

TINGKAT: dict[str, tuple[str, ...]] = {"kecamatan": ("kecamatan",), "desa": ("desa", "kelurahan")}
NAMA_TINGKAT = {"kecamatan": "Kecamatan", "desa": "Desa/kelurahan"}
K_BAWAAN = {"kecamatan": 3, "desa": 5}
INDIKATOR_BAWAAN = "persen_jiwa_desil_1_4"
PANJANG_KODE_KEC = 8
_SATUAN_HITUNG = ("jiwa", "KK", "unit")
_MAKS_CACHE = 48
_CACHE: OrderedDict[Hashable, Any] = OrderedDict()
T = TypeVar("T")


def tingkat_kode(kode: str) -> str:
    """Map level of a Kemendagri code: ``63.03.17`` is a kecamatan, ``63.03.17.2001`` a desa."""
    return "kecamatan" if len(str(kode)) <= PANJANG_KODE_KEC else "desa"


def _simpan(con: duckdb.DuckDBPyConnection, kunci: tuple, buat: Callable[[], T]) -> T:
    """Small LRU keyed by store fingerprint + arguments (the domain layer may not use st.cache_data)."""
    k = (versi_data(con), *kunci)
    if k in _CACHE:
        _CACHE.move_to_end(k)
        return _CACHE[k]
    nilai = buat()
    _CACHE[k] = nilai
    while len(_CACHE) > _MAKS_CACHE:
        _CACHE.popitem(last=False)
    return nilai


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
        from tkpk.geo_fitur import nilai_json

        baris = {str(r["kode"]): {c: nilai_json(v) for c, v in r.items()} for r in props.to_dict("records")}
        return [{**f, **baris.get(f["kode"], {})} for f in self.fitur]


def geometri(con: duckdb.DuckDBPyConnection, tingkat: str, kode_kab: str = KODE_BANJAR) -> Geometri:
    """Boundaries of one level of one kabupaten, cached per store (the 290 desa take ~0,3 s to prepare)."""
    import json

    from shapely.geometry import shape

    def buat() -> Geometri:
        rows = fetch(con, "peta_batas", {"tingkat": list(TINGKAT[tingkat]), "kode_kab": kode_kab})
        geoms = [shape(json.loads(g)) for g in rows.pop("geojson")]
        gdf = gpd.GeoDataFrame(rows, geometry=geoms, crs="EPSG:4326")
        return Geometri(tingkat, gdf, to_features(gdf, ["kode"]), representative_points(gdf, ["kode", "nama"]))

    return _simpan(con, ("geometri", tingkat, kode_kab), buat)


def wilayah(con: duckdb.DuckDBPyConnection, kode_kab: str = KODE_BANJAR) -> pd.DataFrame:
    """Every kecamatan and desa/kelurahan (kode, nama, tingkat, kode_kec, nama_kecamatan, label) for the picker."""
    def buat() -> pd.DataFrame:
        w = fetch(con, "peta_wilayah", {"kode_kab": kode_kab})
        label = [f"{n} (kecamatan)" if t == "kecamatan" else f"{n} — {t} di Kec. {k}"
                 for n, t, k in zip(w["nama"], w["tingkat"], w["nama_kecamatan"], strict=True)]
        return w.assign(label=label)

    return _simpan(con, ("wilayah", kode_kab), buat)


def tahun_tersedia(con: duckdb.DuckDBPyConnection, kode_kab: str = KODE_BANJAR) -> list[int]:
    """Years with kecamatan/desa values, newest first."""
    return [int(t) for t in fetch(con, "peta_tahun", {"kode_kab": kode_kab})["tahun"]]


@dataclass(frozen=True)
class DataTingkat:
    """Every catalogue indicator for every place of one level in one year (places without data kept, NaN)."""

    tingkat: str
    tahun: int
    lebar: pd.DataFrame   # kode, nama, tingkat, kode_kec, nama_kecamatan, one column per indicator
    sumber: pd.DataFrame  # kode + one source text column per indicator
    sampel: bool

    @property
    def ada_data(self) -> bool:
        kolom = [i.kode for i in katalog.INDIKATOR]
        return bool(self.lebar[kolom].notna().any().any())


def data_tingkat(con: duckdb.DuckDBPyConnection, tingkat: str, tahun: int,
                 kode_kab: str = KODE_BANJAR) -> DataTingkat:
    """Wide table of one level and year; cached per store because pockets, map and targeting all read it."""
    def buat() -> DataTingkat:
        w = wilayah(con, kode_kab)
        dasar = w[w["tingkat"].isin(TINGKAT[tingkat])][["kode", "nama", "tingkat", "kode_kec", "nama_kecamatan"]]
        dasar = dasar.reset_index(drop=True)
        n = fetch(con, "peta_nilai", {"tahun": tahun, "tingkat": list(TINGKAT[tingkat]), "kode_kab": kode_kab})
        kolom = [i.kode for i in katalog.INDIKATOR]
        if n.empty:
            lebar = dasar.assign(**{c: math.nan for c in kolom})
            sumber = dasar[["kode"]].assign(**{c: None for c in kolom})
            return DataTingkat(tingkat, tahun, lebar, sumber, False)
        nilai = n.pivot_table(index="kode", columns="indikator", values="nilai", aggfunc="first", dropna=False)
        src = n.pivot_table(index="kode", columns="indikator", values="sumber", aggfunc="first")
        nilai = nilai.reindex(columns=kolom).astype("float64")
        src = src.reindex(columns=kolom)
        lebar = dasar.merge(nilai, left_on="kode", right_index=True, how="left")
        sumber = dasar[["kode"]].merge(src, left_on="kode", right_index=True, how="left")
        return DataTingkat(tingkat, tahun, lebar, sumber, bool(n["sampel"].fillna(False).astype(bool).any()))

    return _simpan(con, ("data", tingkat, int(tahun), kode_kab), buat)


def teks_nilai(x: float, satuan: str) -> str:
    """A value in its unit, id-ID; counts under 5 read "< 5" (small-cell rule), shares with two decimals."""
    if satuan in _SATUAN_HITUNG:
        return fmt.sel_kecil(x, satuan)
    return fmt.nilai(x, satuan)


def nilai_peta(data: DataTingkat, indikator: str) -> pd.DataFrame:
    """One indicator per place, ready for the map: kode, nama, nama_kecamatan, nilai, nilai_teks, sumber,
    peringkat (1 = worst, by the catalogue's direction) and peringkat_teks ("3 dari 20")."""
    ind = katalog.INDIKATOR_BY_KODE[indikator]
    d = data.lebar[["kode", "nama", "nama_kecamatan"]].copy()
    d["nilai"] = data.lebar[indikator].astype("float64")
    d["nilai_teks"] = [teks_nilai(x, ind.satuan) for x in d["nilai"]]
    d["sumber"] = data.sumber[indikator].fillna(fmt.TIDAK_ADA).astype("str").to_numpy()
    pk = d["nilai"].rank(ascending=not ind.lebih_tinggi_lebih_buruk, method="min")
    d["peringkat"] = pk.astype("Int64")
    n = int(d["nilai"].notna().sum())
    d["peringkat_teks"] = [fmt.TIDAK_ADA if pd.isna(p) else f"{int(p)} dari {n}" for p in d["peringkat"]]
    return d


def aturan_bawaan(tingkat: str) -> AturanKantong:
    """The page's default rule for a level (count × share, quantiles, 3 classes kecamatan / 5 classes desa)."""
    return AturanKantong(k=K_BAWAAN[tingkat])


def hitung_kantong(con: duckdb.DuckDBPyConnection, tingkat: str, tahun: int,
                   aturan: AturanKantong | AturanMoran | None = None, kode_kab: str = KODE_BANJAR) -> HasilKantong:
    """Pockets of one level and year by the chosen rule (Moran results cached: 999 permutations take a second)."""
    a = aturan or aturan_bawaan(tingkat)
    data = data_tingkat(con, tingkat, tahun, kode_kab)
    if isinstance(a, AturanMoran):
        def buat() -> HasilKantong:
            g = geometri(con, tingkat, kode_kab).gdf[["kode", "geometry"]]
            gdf = g.merge(data.lebar, on="kode", how="left")
            return kantong_moran(gpd.GeoDataFrame(gdf, geometry="geometry", crs=g.crs), a)
        return _simpan(con, ("moran", tingkat, int(tahun), kode_kab, a), buat)
    return kantong_jumlah_persen(data.lebar, a)


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
    from tkpk.klasifikasi import SKEMA, nama_skema

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
    hasil = kantong_jumlah_persen(data.lebar, a)
    return KantongTahun(tahun, tingkat, frozenset(hasil.kode_kantong), teks_aturan(a, tingkat), data.sampel)


def ringkasan_kantong(con: duckdb.DuckDBPyConnection, tahun: int) -> KantongTahun:
    """Number of pockets for the home page (desa level, default rule); ``.jumlah`` and ``.aturan`` are read."""
    return kantong_kode_tahun(con, tahun, "desa")


def intervensi_tahun(con: duckdb.DuckDBPyConnection, tahun: int, kode_kab: str = KODE_BANJAR) -> pd.DataFrame:
    """Program rows of one reporting period (yearly, or the latest cumulative quarter: never both)."""
    rows = fetch(con, "peta_intervensi", {"tahun": tahun, "kode_kab": kode_kab})
    return skor.pilih_periode(rows, tahun).reset_index(drop=True) if not rows.empty else rows


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
