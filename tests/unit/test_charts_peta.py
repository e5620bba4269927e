"""Pocket-map chart specs (``to_dict()``): Indonesian locale, features inline with top-level properties, legend
labels from the classes in id-ID, grey "tidak ada data", the click selection on ``kode``, thresholds drawn."""

from __future__ import annotations

import pandas as pd

from tkpk.charts import peta as cp
from tkpk.charts.geodata import fitur_dari
from tkpk.peta.klasifikasi import WARNA_TANPA_DATA, klasifikasi


def _kotak(x: float, y: float) -> dict:
    # clockwise ring (what Vega wants)
    return {"type": "Polygon", "coordinates": [[[x, y], [x, y + 1], [x + 1, y + 1], [x + 1, y], [x, y]]]}


NILAI = pd.DataFrame({
    "kode": ["63.03.01", "63.03.02", "63.03.03", "63.03.04", "63.03.05"],
    "nama": ["Aluh Aluh", "Kertak Hanyar", "Gambut", "Sungai Tabuk", "Martapura"],
    "nama_kecamatan": ["Aluh Aluh", "Kertak Hanyar", "Gambut", "Sungai Tabuk", "Martapura"],
    "nilai": [1.25, 2.5, 3.75, 9.8, float("nan")],
    "nilai_teks": ["1,25%", "2,50%", "3,75%", "9,80%", "–"],
    "sumber": ["DATA CONTOH (sintetis)"] * 4 + ["–"],
    "peringkat_teks": ["4 dari 4", "3 dari 4", "2 dari 4", "1 dari 4", "–"],
})


def _peta(**kw):
    kelas = klasifikasi(NILAI["nilai"], "quantile", 3)
    props = cp.props_peta(NILAI, kelas, ["63.03.04"], {"63.03.04": "kantong"})
    fitur = [{"type": "Feature", "geometry": _kotak(i, 0), **r} for i, r in enumerate(props.to_dict("records"))]
    titik = NILAI[["kode", "nama"]].assign(lon=[i + 0.5 for i in range(5)], lat=0.5)
    return kelas, cp.peta_koroplet(fitur, kelas, judul="Persentase penduduk miskin, 2024",
                                   judul_legenda="Persen miskin (%)", titik_label=titik, **kw).to_dict()


def _lapisan(spec: dict) -> list[dict]:
    return spec["layer"]


def test_choropleth_locale_inline_features_and_top_level_props():
    _, spec = _peta()
    assert spec["config"]["locale"]["number"] == {"decimal": ",", "thousands": ".", "grouping": [3],
                                                  "currency": ["Rp", ""]}
    dasar = _lapisan(spec)[0]
    fitur = fitur_dari(dasar["data"])
    assert len(fitur) == 5 and all(f["type"] == "Feature" for f in fitur)
    assert all("properties" not in f for f in fitur)
    assert fitur[3]["kode"] == "63.03.04" and fitur[3]["nilai_teks"] == "9,80%" and fitur[3]["status"] == "kantong"
    assert dasar["mark"]["type"] == "geoshape"
    tooltip = {t["field"]: t["title"] for t in dasar["encoding"]["tooltip"]}
    assert {"nama", "nilai_teks", "peringkat_teks", "sumber"} <= set(tooltip)
    assert tooltip["peringkat_teks"] == "Peringkat" and tooltip["sumber"] == "Sumber"


def test_legend_shows_class_ranges_in_id_format_and_grey_no_data():
    kelas, spec = _peta()
    warna = _lapisan(spec)[0]["encoding"]["color"]
    domain, rentang = warna["scale"]["domain"], warna["scale"]["range"]
    assert domain[:-1] == list(kelas.label) and all("," in d for d in domain[:-1])  # decimal comma
    assert domain[-1] == "tidak ada data" and rentang[-1] == WARNA_TANPA_DATA
    kosong = next(f for f in fitur_dari(_lapisan(spec)[0]["data"]) if f["kode"] == "63.03.05")
    assert kosong["kelas_label"] == "tidak ada data"
    assert rentang[:-1] == list(kelas.warna)  # darker = worse, as the classes say


def test_no_grey_entry_when_every_place_has_data():
    kelas = klasifikasi(NILAI["nilai"].fillna(5.0), "quantile", 3)
    props = cp.props_peta(NILAI.assign(nilai=NILAI["nilai"].fillna(5.0)), kelas)
    fitur = [{"type": "Feature", "geometry": _kotak(i, 0), **r} for i, r in enumerate(props.to_dict("records"))]
    spec = cp.peta_koroplet(fitur, kelas, judul="x", judul_legenda="y").to_dict()
    assert "tidak ada data" not in spec["layer"][0]["encoding"]["color"]["scale"]["domain"]


def test_point_selection_on_kode_is_present_and_can_be_switched_off():
    _, spec = _peta()
    params = spec["params"]  # Altair lifts a layer's selection to the top level, bound to the polygon view
    assert params[0]["name"] == cp.PILIH
    assert params[0]["select"]["type"] == "point" and params[0]["select"]["fields"] == ["kode"]
    assert params[0]["views"] == [_lapisan(spec)[0]["name"]]
    _, tanpa = _peta(pilih=False)
    assert "params" not in tanpa


def test_outlines_do_not_catch_clicks_and_names_are_written():
    _, spec = _peta(kode_terpilih="63.03.02")
    garis = [la for la in _lapisan(spec)[1:] if la.get("mark", {}).get("type") == "geoshape"]
    assert len(garis) == 2  # pockets + selected place
    assert all(la["mark"]["fill"] is None for la in garis)
    assert [f["kode"] for f in fitur_dari(garis[0]["data"])] == ["63.03.04"]
    assert garis[1]["mark"]["stroke"] == cp.WARNA_TERPILIH
    teks = [la for la in _lapisan(spec) if "layer" in la]
    assert teks and teks[0]["layer"][1]["mark"]["type"] == "text"


def test_crowded_labels_are_moved_apart():
    titik = pd.DataFrame({"kode": ["a", "b"], "nama": ["Martapura Barat", "Martapura Timur"],
                          "lon": [115.0, 115.01], "lat": [-3.3, -3.3]})
    out = cp.geser_label(titik, px_per_derajat=500, ukuran=12)
    assert out["lon"].tolist() == [115.0, 115.01]
    assert abs(out["lat"].iloc[0] - out["lat"].iloc[1]) >= 12 * 1.3 / 500 - 1e-9


def test_quadrant_draws_both_thresholds_and_names_pockets():
    tabel = pd.DataFrame({"kode": ["1", "2", "3"], "nama": ["A", "B", "C"], "persen": [9.8, 2.0, 8.0],
                          "jumlah": [612.0, 900.0, 40.0], "termasuk_kantong": [True, False, False],
                          "jenis": ["kantong", None, None]})
    spec = cp.kuadran(tabel, ambang_persen=3.4, ambang_jumlah=500.0, judul_x="Persen miskin (%)",
                      judul_y="Penduduk miskin").to_dict()
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    rows = [r for v in spec.get("datasets", {}).values() for r in v]
    teks = {r.get("teks") for r in rows}
    assert {"ambang 3,4%", "ambang 500"} <= teks
    aturan = [la for la in spec["layer"] if la["mark"]["type"] == "rule"]
    assert len(aturan) == 2
    nama = [la for la in spec["layer"] if la["mark"]["type"] == "text" and la["encoding"]["text"]["field"] == "nama"]
    assert nama and [r["nama"] for r in spec["datasets"][nama[0]["data"]["name"]]] == ["A"]


def test_ratio_classes_darken_the_least_reached():
    kelas = cp.kelas_rasio(pd.Series([0.0, 5.0, 10.0, 20.0, 40.0, float("nan")]))
    assert kelas.lebih_tinggi_lebih_buruk is False
    assert kelas.warna[0] == max(kelas.warna, key=lambda c: -int(c[1:3], 16))  # lowest class darkest


def test_trend_has_locale_and_source_tooltip():
    df = pd.DataFrame({"tahun": [2022, 2023, 2024], "nilai": [8.5, float("nan"), 7.76],
                       "nilai_teks": ["8,50%", "–", "7,76%"], "sumber": ["DATA CONTOH (sintetis)"] * 3})
    spec = cp.tren_tempat(df, judul="Tren Paramasan", satuan="%").to_dict()
    assert spec["config"]["locale"]["number"]["thousands"] == "."
    tip = [t["field"] for la in spec["layer"] for t in la.get("encoding", {}).get("tooltip", [])]
    assert "sumber" in tip


def _ukuran_nama(spec: dict) -> set[int]:
    """Font sizes of the text marks (the kecamatan names) anywhere in a layered spec."""
    out: set[int] = set()

    def jalan(node: object) -> None:
        if isinstance(node, dict):
            m = node.get("mark")
            if isinstance(m, dict) and m.get("type") == "text":
                out.add(m["fontSize"])
            for v in node.values():
                jalan(v)
        elif isinstance(node, list):
            for v in node:
                jalan(v)

    jalan(spec)
    return out


def test_slide_pocket_map_names_shrink_on_a_small_map():
    """15 px names on a 1080p slide map (734 px tall), 12 px on a 720p one (490 px), 11 px when not large."""
    import geopandas as gpd
    from shapely.geometry import box

    from tkpk.charts.peta_cetak import peta_kantong

    kec = gpd.GeoDataFrame({"kode": ["63.03.01", "63.03.02"], "nama": ["Aluh Aluh", "Gambut"]},
                           geometry=[box(114.6, -3.4, 114.7, -3.3), box(114.7, -3.4, 114.8, -3.3)], crs="EPSG:4326")
    desa = gpd.GeoDataFrame({"kode": ["63.03.01.2001", "63.03.02.2001"], "nama": ["A", "B"]},
                            geometry=list(kec.geometry), crs="EPSG:4326")
    ukuran = {t: _ukuran_nama(peta_kantong(desa, kec, ["63.03.01.2001"], lebar=round(t * 1.05), tinggi=t,
                                           besar=True).to_dict()) for t in (734, 490)}
    assert ukuran == {734: {15}, 490: {12}}
    assert _ukuran_nama(peta_kantong(desa, kec, [], tinggi=620).to_dict()) == {11}


def test_a_long_map_title_wraps_instead_of_being_cut():
    # review finding 12: "Persentase penduduk desil 1–4 (DTSEN), 2…" in the map's column at 1400 px
    kelas = klasifikasi(NILAI["nilai"], "quantile", 3)
    props = cp.props_peta(NILAI, kelas, [], {})
    fitur = [{"type": "Feature", "geometry": _kotak(i, 0), **r} for i, r in enumerate(props.to_dict("records"))]
    judul = "Persentase penduduk desil 1–4 (DTSEN), 2025"
    spec = cp.peta_koroplet(fitur, kelas, judul=judul, judul_legenda="%").to_dict()
    teks = spec["title"]["text"]
    assert isinstance(teks, list) and len(teks) == 2 and " ".join(teks) == judul and teks[-1].endswith("2025")
