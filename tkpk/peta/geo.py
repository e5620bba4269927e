"""Boundaries from the store as GeoDataFrames (EPSG:4326), so a larger deployment loads them like any data."""

from __future__ import annotations

import json

import duckdb
import geopandas as gpd
from shapely.geometry import shape

from tkpk.toko.queries import fetch

TINGKAT_PETA = {
    "kecamatan": ["kecamatan"],
    "desa": ["desa", "kelurahan"],
    "kabupaten": ["kabupaten", "kota"],
}


def batas(con: duckdb.DuckDBPyConnection, tingkat: str) -> gpd.GeoDataFrame:
    """Polygons of one map level: ``kecamatan``, ``desa`` (desa and kelurahan) or ``kabupaten`` (Kalsel)."""
    rows = fetch(con, "batas_wilayah", {"tingkat": TINGKAT_PETA[tingkat]})
    geoms = [shape(json.loads(g)) for g in rows.pop("geojson")]
    return gpd.GeoDataFrame(rows, geometry=geoms, crs="EPSG:4326")
