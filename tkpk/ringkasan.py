"""The headline figures of the home page: Banjar's BPS poverty numbers for a year and how it ranks in Kalsel."""

from __future__ import annotations

import math
from dataclasses import dataclass

import duckdb
import pandas as pd

from tkpk import KODE_BANJAR
from tkpk.queries import fetch


@dataclass(frozen=True)
class Headline:
    tahun: int
    p0: float | None
    p0_sebelumnya: float | None
    tahun_sebelumnya: int | None
    perubahan_poin: float | None
    penduduk_miskin: float | None
    garis_kemiskinan: float | None
    p1: float | None
    p2: float | None
    peringkat: int | None          # 1 = lowest P0 among kab/kota with a figure that year
    jumlah_pembanding: int
    sumber: str


def _num(x: object) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)  # type: ignore[arg-type]


def bps_seri(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return fetch(con, "bps_seri")


def tahun_tersedia(seri: pd.DataFrame, kode: str = KODE_BANJAR) -> list[int]:
    """Years with a P0 for the place, newest first."""
    rows = seri[(seri["kode_wilayah"] == kode) & seri["p0"].notna()]
    return sorted(rows["tahun"].astype(int).unique().tolist(), reverse=True)


def headline(seri: pd.DataFrame, tahun: int, kode: str = KODE_BANJAR) -> Headline:
    """Figures for ``tahun``; the change is against the previous year only when that year has a P0."""
    own = seri[seri["kode_wilayah"] == kode].set_index("tahun")
    row = own.loc[tahun] if tahun in own.index else None
    p0 = _num(row["p0"]) if row is not None else None
    prev_year = tahun - 1
    prev = _num(own.loc[prev_year, "p0"]) if prev_year in own.index else None
    # Rank within the place's own province (Kalimantan Selatan for Banjar), even on a store holding the country.
    provinsi = kode.split(".")[0] + "."
    kab = seri[(seri["tahun"] == tahun) & seri["tingkat"].isin(["kabupaten", "kota"]) & seri["p0"].notna()
               & seri["kode_wilayah"].astype("str").str.startswith(provinsi)]
    rank = None
    if p0 is not None and not kab.empty:
        rank = int((kab["p0"] < p0).sum()) + 1
    return Headline(
        tahun=tahun,
        p0=p0,
        p0_sebelumnya=prev,
        tahun_sebelumnya=prev_year if prev is not None else None,
        perubahan_poin=round(p0 - prev, 2) if p0 is not None and prev is not None else None,
        penduduk_miskin=_num(row["penduduk_miskin"]) if row is not None else None,
        garis_kemiskinan=_num(row["garis_kemiskinan"]) if row is not None else None,
        p1=_num(row["p1"]) if row is not None else None,
        p2=_num(row["p2"]) if row is not None else None,
        peringkat=rank,
        jumlah_pembanding=len(kab),
        sumber=str(row["sumber"]) if row is not None else "",
    )
