"""Features for Vega: clockwise rings, properties at the top level, NaN as null, small coordinates."""

import json
import math

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import LinearRing, MultiPolygon, Polygon, box

from tkpk.peta.geojson import representative_points, to_features


def _searah_jarum_jam(ring: list[list[float]]) -> bool:
    return not LinearRing(ring).is_ccw


def _gdf() -> gpd.GeoDataFrame:
    ccw = Polygon([(114.0, -3.0), (114.1, -3.0), (114.1, -2.9), (114.0, -2.9)])  # counter-clockwise input
    lubang = Polygon(box(114.2, -3.0, 114.5, -2.7).exterior.coords,
                     [list(box(114.3, -2.9, 114.4, -2.8).exterior.coords)[::-1]])
    multi = MultiPolygon([box(115.0, -3.0, 115.1, -2.9), box(115.2, -3.0, 115.6, -2.6)])
    return gpd.GeoDataFrame({"kode": ["63.03.01", "63.03.02", "63.03.03"], "nilai": [1.25, np.nan, 3.0],
                             "jumlah": pd.array([5, None, 7], dtype="Int64"), "nama": ["A", "B", None]},
                            geometry=[ccw, lubang, multi], crs="EPSG:4326")


def test_rings_are_clockwise_and_holes_counter_clockwise():
    f = to_features(_gdf(), ["kode"])
    assert _searah_jarum_jam(f[0]["geometry"]["coordinates"][0])
    luar, lubang = f[1]["geometry"]["coordinates"]
    assert _searah_jarum_jam(luar) and not _searah_jarum_jam(lubang)
    assert f[2]["geometry"]["type"] == "MultiPolygon"
    assert all(_searah_jarum_jam(p[0]) for p in f[2]["geometry"]["coordinates"])


def test_properties_at_top_level_and_nan_as_none():
    f = to_features(_gdf(), ["kode", "nilai", "jumlah", "nama"])
    assert set(f[0]) == {"type", "geometry", "kode", "nilai", "jumlah", "nama"} and "properties" not in f[0]
    assert f[0]["type"] == "Feature" and f[0]["nilai"] == 1.25 and f[0]["jumlah"] == 5
    assert f[1]["nilai"] is None and f[1]["jumlah"] is None and f[2]["nama"] is None
    assert type(f[2]["jumlah"]) is int
    teks = json.dumps(f, allow_nan=False)  # strict JSON: no NaN sneaks through
    assert "NaN" not in teks


def test_coordinates_rounded_to_five_decimals_and_reprojected():
    g = gpd.GeoDataFrame({"kode": ["x"]}, geometry=[box(114.1234567, -3.1234567, 114.2345678, -3.0123456)],
                         crs="EPSG:4326")
    cincin = to_features(g, ["kode"])[0]["geometry"]["coordinates"][0]
    assert all(round(v, 5) == v for titik in cincin for v in titik)
    utm = to_features(g.to_crs(32750), ["kode"])[0]["geometry"]["coordinates"][0]
    assert utm[0] == pytest.approx(cincin[0], abs=1e-4)


def test_bad_input_is_refused():
    with pytest.raises(ValueError):
        to_features(_gdf(), ["type"])
    with pytest.raises(ValueError):
        to_features(_gdf(), ["tidak_ada"])


def test_real_boundaries_all_clockwise():
    g = gpd.read_file("data/banjar_kecamatan.geojson")
    f = to_features(g, ["kode_kec", "kecamatan"])
    assert len(f) == 20
    for ft in f:
        geom = ft["geometry"]
        polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        assert all(_searah_jarum_jam(p[0]) for p in polys)


def test_representative_points_inside_the_largest_part():
    g = _gdf()
    p = representative_points(g, ["kode"])
    assert list(p.columns) == ["kode", "lon", "lat"] and not isinstance(p, gpd.GeoDataFrame)
    assert 115.2 < p.loc[2, "lon"] < 115.6  # the big box of the multipolygon, not the small one
    for geom, lon, lat in zip(g.geometry, p["lon"], p["lat"], strict=True):
        assert geom.buffer(1e-5).contains(gpd.points_from_xy([lon], [lat])[0])
    assert math.isfinite(p["lat"].sum())
