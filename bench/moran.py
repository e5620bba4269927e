"""``python -m bench.moran [--db PATH] [--runs N]``: compute time of the map page's Local Moran's I, uncached.

Why measured apart: the spatial rule now builds fuzzy-contiguity weights in metres and runs 9.999 permutations
(was Queen and 999); the page caches the result per store version (:func:`tkpk.peta.data.hitung_kantong`), so a user
pays this once per year, level and rule after each upload. Prints a Markdown table: median and maximum seconds
per level and rate, split into weights and the statistic, and the counts before/after the FDR correction.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import geopandas as gpd

from tkpk.peta import data as peta
from tkpk.peta.kantong import AturanMoran
from tkpk.peta.moran import kantong_moran, tetangga
from tkpk.toko.db import connect

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    p = argparse.ArgumentParser(prog="python -m bench.moran")
    p.add_argument("--db", default=str(ROOT / "data" / "tkpk.duckdb"))
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--tahun", type=int, default=2024)
    a = p.parse_args()
    con = connect(a.db, read_only=True)
    print("| tingkat | laju | bobot (s, median) | total (s, median) | total maks (s) | diuji | sig. mentah "
          "| sig. FDR |")
    print("|---|---|---|---|---|---|---|---|")
    try:
        for tingkat in ("kecamatan", "desa"):
            data = peta.data_tingkat(con, tingkat, a.tahun)
            g = peta.geometri(con, tingkat).gdf[["kode", "geometry"]]
            gdf = gpd.GeoDataFrame(g.merge(data.lebar, on="kode", how="left"), geometry="geometry", crs=g.crs)
            for laju in ("mentah", "eb"):
                aturan = AturanMoran(laju=laju)
                bobot, total, hasil = [], [], None
                for _ in range(a.runs):
                    t0 = time.perf_counter()
                    tetangga(gdf[gdf[aturan.kolom_persen].notna()], aturan)
                    bobot.append(time.perf_counter() - t0)
                    t0 = time.perf_counter()
                    hasil = kantong_moran(gdf, aturan)
                    total.append(time.perf_counter() - t0)
                u = hasil.uji if hasil else None
                print(f"| {tingkat} | {laju} | {statistics.median(bobot):.3f} | {statistics.median(total):.3f} | "
                      f"{max(total):.3f} | {u.jumlah_diuji if u else '–'} | {u.signifikan_mentah if u else '–'} | "
                      f"{u.signifikan if u else '–'} |")
    finally:
        con.close()


if __name__ == "__main__":
    main()
