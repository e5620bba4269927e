"""GeoDataFrame → inline GeoJSON features for Altair/Vega, in the shape Streamlit can draw.

Why not pass the GeoDataFrame: Streamlit sends data through Arrow and turns geometry into WKT text, which
draws an empty map. Inline feature dicts with the properties at the TOP LEVEL of each feature (where
Vega-Lite looks up ``field: "nilai"``) avoid that. Vega also needs clockwise outer rings (the reverse of the
GeoJSON RFC and shapely's default); counter-clockwise rings are read as "everything but this polygon" and
fill the whole world. Coordinates are rounded to 5 decimals (about 1 m), which roughly halves the payload
of the 290 desa polygons without any visible change at kabupaten scale.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.polygon import orient

__all__ = ["DESIMAL_KOORDINAT", "nilai_json", "representative_points", "to_features"]

DESIMAL_KOORDINAT = 5
_DICADANGKAN = {"type", "geometry", "properties"}


def nilai_json(v: Any) -> Any:
    """A property value as plain JSON: NaN/NA/NaT → None, numpy scalars → Python, Timestamps → ISO text."""
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, (pd.Timestamp,)):
        return v.isoformat()
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


def _cincin(coords: Any, desimal: int) -> list[list[float]] | None:
    """Rounded ring without consecutive duplicate points; None when rounding collapsed it."""
    a = np.round(np.asarray(coords, dtype="float64")[:, :2], desimal)
    beda = np.ones(len(a), dtype=bool)
    beda[1:] = np.any(a[1:] != a[:-1], axis=1)
    a = a[beda]
    if len(a) and not np.array_equal(a[0], a[-1]):
        a = np.vstack([a, a[:1]])
    return a.tolist() if len(a) >= 4 else None


def _poligon(p: Polygon, desimal: int) -> list[list[list[float]]] | None:
    """Round first, then orient, so rounding cannot undo the orientation."""
    luar = _cincin(p.exterior.coords, desimal)
    if luar is None:
        return None
    lubang = [r for r in (_cincin(i.coords, desimal) for i in p.interiors) if r is not None]
    # Clockwise exterior, counter-clockwise holes: what Vega (d3-geo) expects.
    q = orient(Polygon(luar, lubang), sign=-1.0)
    return [[list(c) for c in q.exterior.coords], *[[list(c) for c in r.coords] for r in q.interiors]]


def _geometri(geom: Any, desimal: int) -> dict[str, Any] | None:
    """GeoJSON geometry dict with lists (not tuples) so any JSON encoder and Arrow-free path accept it."""
    if geom is None or geom.is_empty:
        return None
    if isinstance(geom, Polygon):
        cincin = _poligon(geom, desimal)
        return {"type": "Polygon", "coordinates": cincin} if cincin else None
    if isinstance(geom, MultiPolygon):
        bagian = [c for c in (_poligon(p, desimal) for p in geom.geoms) if c]
        return {"type": "MultiPolygon", "coordinates": bagian} if bagian else None
    raise ValueError(f"Hanya Polygon/MultiPolygon yang didukung, bukan {geom.geom_type}.")


def _ke_wgs84(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        return gdf.to_crs(4326)
    return gdf


def to_features(gdf: gpd.GeoDataFrame, props: Sequence[str], desimal: int = DESIMAL_KOORDINAT) -> list[dict]:
    """Features for ``alt.Data(values=...)`` + ``mark_geoshape``.

    Parameters
    ----------
    gdf : gpd.GeoDataFrame
        Polygons or multipolygons; reprojected to EPSG:4326 if in another CRS.
    props : sequence of str
        Columns copied to the top level of each feature (never nested under ``properties``).
    desimal : int
        Coordinate decimals (5 ≈ 1 m).

    Returns
    -------
    list of dict
        ``{"type": "Feature", "geometry": {...}, <prop>: <value>, ...}`` in row order; rows whose geometry
        is empty are skipped (a place without a boundary cannot be drawn).
    """
    bentrok = _DICADANGKAN.intersection(props)
    if bentrok:
        raise ValueError(f"Nama properti bentrok dengan kunci GeoJSON: {', '.join(sorted(bentrok))}")
    hilang = [p for p in props if p not in gdf.columns]
    if hilang:
        raise ValueError(f"Kolom tidak ada: {', '.join(hilang)}")
    g = _ke_wgs84(gdf)
    kolom = {p: g[p].tolist() for p in props}
    out: list[dict] = []
    for i, geom in enumerate(g.geometry):
        geometri = _geometri(geom, desimal)
        if geometri is None:
            continue
        out.append({"type": "Feature", "geometry": geometri, **{p: nilai_json(kolom[p][i]) for p in props}})
    return out


def representative_points(gdf: gpd.GeoDataFrame, props: Sequence[str] | None = None) -> pd.DataFrame:
    """Label positions (``lon``, ``lat``) surely inside each place, on its largest part.

    Why not the centroid: for a crescent-shaped desa or a kecamatan split in islands the centroid can fall
    outside, and the name would sit on a neighbour. Returns a plain DataFrame (no geometry) with the
    requested columns (all non-geometry columns by default) plus lon and lat, ready for ``mark_text``.
    """
    g = _ke_wgs84(gdf)
    kolom = list(props) if props is not None else [c for c in g.columns if c != g.geometry.name]

    def _titik(geom: Any) -> tuple[float, float]:
        if geom is None or geom.is_empty:
            return (math.nan, math.nan)
        if isinstance(geom, MultiPolygon):
            geom = max(geom.geoms, key=lambda p: p.area)
        p = geom.representative_point()
        return (round(p.x, DESIMAL_KOORDINAT), round(p.y, DESIMAL_KOORDINAT))

    titik = [_titik(geom) for geom in g.geometry]
    out = pd.DataFrame(g[kolom]).reset_index(drop=True)
    out["lon"] = [t[0] for t in titik]
    out["lat"] = [t[1] for t in titik]
    return out
