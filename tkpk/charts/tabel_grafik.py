"""The numbers of a drawn chart as tables ("Lihat sebagai tabel"), read back from the chart's own spec.

Why from the spec and not from the page's frames: the table must show exactly what the chart shows, for every
chart, without each page wiring its data twice. A Vega-Lite spec carries its inline data (top-level ``datasets``,
or ``data.values``, a JSON string for map features, :mod:`tkpk.charts.geodata`) and, per mark, the encodings
with their titles. The tooltips of this project's builders already list what a reader needs, in id-ID text made
on the server (``nilai_teks``), so a dataset's columns are its tooltip fields under their tooltip titles; a chart
without tooltips falls back to its position, colour and text encodings. Geometry, label positions and layers that
only repeat data for drawing (direct labels, outlines) are left out. Pure functions: no Streamlit here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pandas as pd

from tkpk import SUMBER_CONTOH, fmt

# Encodings read when a chart has no tooltip at all (never longitude/latitude: those place labels).
_KANAL = ("facet", "row", "column", "y", "x", "x2", "y2", "theta", "color", "fill", "shape", "text")
_TANPA = {"geometry", "type", "bbox", "lon", "lat"}
_KODE = "kode"  # a place's code: rows of two places are never merged, even when every shown cell is the same
_KUNCI = "__kode_tempat"


def _data(data: Any, datasets: dict[str, Any]) -> tuple[str, list[dict]] | None:
    """(identity, rows) of a ``data`` entry; None for a non-inline source."""
    if not isinstance(data, dict):
        return None
    if "name" in data and data["name"] in datasets:
        return data["name"], list(datasets[data["name"]])
    if "values" in data:
        v = data["values"]
        baris = json.loads(v) if isinstance(v, str) else list(v)
        return f"values:{hash(v if isinstance(v, str) else json.dumps(v, sort_keys=True, default=str))}", baris
    return None


def _unit(node: dict[str, Any], induk: tuple[str, list[dict]] | None,
          datasets: dict[str, Any]) -> Iterator[tuple[str, list[dict], dict[str, Any]]]:
    """(dataset identity, rows, encoding) of every mark in the spec tree, data inherited from the parent."""
    data = _data(node["data"], datasets) if "data" in node else induk
    for k in ("layer", "hconcat", "vconcat", "concat"):
        for anak in node.get(k, []):
            yield from _unit(anak, data, datasets)
    if isinstance(node.get("spec"), dict):
        inner = dict(node["spec"])
        if "facet" in node:  # a facet's field is a column too (small multiples: the panel)
            inner["encoding"] = {"facet": node["facet"], **inner.get("encoding", {})}
        yield from _unit(inner, data, datasets)
    if "mark" in node and data is not None:
        yield data[0], data[1], node.get("encoding", {})


def _judul(judul: Any, field: str) -> str:
    if isinstance(judul, list):
        return " ".join(str(j) for j in judul if j)
    return str(judul) if judul else field


def _kolom(enc: dict[str, Any], tooltip: bool) -> list[tuple[str, str]]:
    """(field, title) pairs of an encoding: its tooltips, or without ``tooltip`` its main channels."""
    if tooltip:
        tt = enc.get("tooltip")
        item = tt if isinstance(tt, list) else [tt] if isinstance(tt, dict) else []
    else:
        item = [enc[k] for k in _KANAL if isinstance(enc.get(k), dict)]
    return [(i["field"], _judul(i.get("title"), i["field"])) for i in item
            if isinstance(i, dict) and isinstance(i.get("field"), str)]


def tabel_grafik(spec: dict[str, Any]) -> list[pd.DataFrame]:
    """The chart's numbers as tables: one per group of datasets with the same columns (a map's filled places and
    its no-data places are one table), columns renamed to the encoding titles, geometry left out, duplicate
    rows dropped. Empty when the chart has no inline data."""
    datasets = spec.get("datasets", {})
    unit = list(_unit(spec, None, datasets))
    ada_tooltip = any(_kolom(e, True) for _, _, e in unit)
    kolom: dict[str, list[tuple[str, str]]] = {}
    baris: dict[str, list[dict]] = {}
    for ident, rows, enc in unit:
        baris[ident] = rows
        for pasang in _kolom(enc, ada_tooltip):
            daftar = kolom.setdefault(ident, [])
            if pasang[0] not in {f for f, _ in daftar} and pasang[0] not in _TANPA:
                daftar.append(pasang)
    kelompok: dict[tuple[tuple[str, str], ...], list[pd.DataFrame]] = {}
    for ident, pasang in kolom.items():
        df = pd.DataFrame(baris[ident])
        pasang = [(f, j) for f, j in pasang if f in df.columns]
        if df.empty or not pasang:
            continue
        bagian = df[[f for f, _ in pasang]]
        if _KODE in df.columns and _KODE not in bagian.columns:
            bagian = bagian.assign(**{_KUNCI: df[_KODE].astype(str)})
        kelompok.setdefault(tuple(pasang), []).append(bagian)
    hasil = []
    for pasang, bagian in kelompok.items():
        if not all(_KUNCI in b.columns for b in bagian):  # the code only counts when every part has it
            bagian = [b.drop(columns=[_KUNCI], errors="ignore") for b in bagian]
        df = pd.concat(bagian, ignore_index=True) if len(bagian) > 1 else bagian[0]
        if "tahun" in df.columns:  # a year is a label, not a quantity: "2024", never "2.024"
            df = df.assign(tahun=[str(int(t)) if pd.notna(t) and str(t).replace(".0", "").isdigit() else t
                                  for t in df["tahun"]])
        judul = _judul_unik([j for _, j in pasang])
        kunci = df.pop(_KUNCI) if _KUNCI in df.columns else None
        df = df.set_axis(judul, axis=1)
        if kunci is not None:  # duplicates are the same place drawn twice (a dot and its label), never two places
            df = df.assign(**{_KUNCI: kunci})
        df = df.dropna(how="all", subset=judul).drop_duplicates(ignore_index=True)
        df = df.drop(columns=[_KUNCI]) if kunci is not None else df
        hasil.append(_tanpa_kolom_kosong(df))
    return hasil


def _tanpa_kolom_kosong(df: pd.DataFrame) -> pd.DataFrame:
    """Columns that are empty or "–" on every row are left out (a map with no ranks read "Peringkat: –" 290
    times); a table keeps at least its first column."""
    kosong = [c for c in df.columns[1:] if df[c].map(_sel_kosong).all()]
    return df.drop(columns=kosong) if kosong and len(df) else df


def _sel_kosong(v: Any) -> bool:
    if isinstance(v, str):
        return v.strip() in ("", fmt.TIDAK_ADA)
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):  # a list or an array in a cell is not empty
        return False


def _judul_unik(judul: list[str]) -> list[str]:
    """Titles made unique ("Nilai", "Nilai (2)"), since a table needs distinct column names."""
    lihat: dict[str, int] = {}
    hasil = []
    for j in judul:
        lihat[j] = lihat.get(j, 0) + 1
        hasil.append(j if lihat[j] == 1 else f"{j} ({lihat[j]})")
    return hasil


def ada_contoh(spec: dict[str, Any], tabel: list[pd.DataFrame]) -> bool:
    """Whether the chart shows sample data: its title block or description says so, or a cell does."""
    teks = json.dumps([spec.get("title"), spec.get("description")], ensure_ascii=False, default=str)
    if "DATA CONTOH" in teks or SUMBER_CONTOH in teks:
        return True
    for df in tabel:
        for c in df.columns:
            if not pd.api.types.is_numeric_dtype(df[c]) and \
                    df[c].astype(str).str.contains("DATA CONTOH", regex=False).any():
                return True
    return False
