"""Chart specs (``chart.to_dict()``): Indonesian locale, gaps for missing years, sources in tooltips, targets."""

import json

import geopandas as gpd
import pandas as pd
from shapely.geometry import box

from tkpk import SUMBER_CONTOH
from tkpk.charts.geodata import fitur_dari
from tkpk.charts.kalsel import batang_peringkat, peta_kalsel
from tkpk.charts.kecil import grafik_kecil
from tkpk.charts.tema import WARNA_BANJAR, WARNA_PROVINSI, WARNA_TANPA_DATA
from tkpk.charts.tren import grafik_tren


def _seri() -> pd.DataFrame:
    # Banjar P0 2014, 2015 (missing: a NULL row), 2016; the province has all three
    rows = [
        (2014, "63.03", "Banjar", "banjar", 2.74), (2015, "63.03", "Banjar", "banjar", None),
        (2016, "63.03", "Banjar", "banjar", 3.10), (2014, "63", "Kalsel (provinsi)", "provinsi", 4.68),
        (2015, "63", "Kalsel (provinsi)", "provinsi", 4.99), (2016, "63", "Kalsel (provinsi)", "provinsi", 4.85),
    ]
    df = pd.DataFrame(rows, columns=["tahun", "kode_wilayah", "label", "peran", "nilai"])
    df["nilai_teks"] = df["nilai"].map(lambda x: "tidak ada data" if pd.isna(x) else f"{x:.2f}".replace(".", ","))
    df["sumber_ringkas"] = "BPS: contoh"
    return df


def _layers(spec: dict) -> list[dict]:
    return spec.get("layer", [])


def _values(spec: dict, layer: dict) -> list[dict]:
    """Rows of a layer (Altair hoists a dataset shared by all layers to the top level)."""
    return spec["datasets"][(layer.get("data") or spec["data"])["name"]]


def test_line_chart_has_indonesian_locale():
    spec = grafik_tren(_seri(), judul="P0", satuan="%").to_dict()
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert spec["config"]["locale"]["number"]["thousands"] == "."


def test_missing_year_is_a_null_row_and_nothing_fills_it():
    spec = grafik_tren(_seri(), judul="P0", satuan="%").to_dict()
    garis = _layers(spec)[0]
    assert garis["mark"]["type"] == "line"
    rows = _values(spec, garis)
    banjar_2015 = [r for r in rows if r["label"] == "Banjar" and r["tahun"] == 2015]
    assert len(banjar_2015) == 1 and banjar_2015[0]["nilai"] is None
    teks = json.dumps(spec)
    assert "impute" not in teks and "interpolate" not in teks and "loess" not in teks


def test_tooltip_gives_value_year_and_source():
    spec = grafik_tren(_seri(), judul="P0", satuan="%").to_dict()
    titik = _layers(spec)[1]
    fields = {t["field"]: t["title"] for t in titik["encoding"]["tooltip"]}
    assert fields == {"label": "Wilayah", "tahun": "Tahun", "nilai_teks": "Nilai", "sumber_ringkas": "Sumber"}


def test_banjar_is_orange_and_labelled_directly_without_a_legend():
    spec = grafik_tren(_seri(), judul="P0", satuan="%").to_dict()
    warna = _layers(spec)[0]["encoding"]["color"]
    assert warna["legend"] is None
    assert dict(zip(warna["scale"]["domain"], warna["scale"]["range"], strict=True))["Banjar"] == WARNA_BANJAR
    label = _layers(spec)[2]
    assert label["mark"]["type"] == "text"
    assert {r["label"]: r["tahun"] for r in _values(spec, label)} == {"Banjar": 2016, "Kalsel (provinsi)": 2016}


def test_a_figure_without_a_recorded_source_kind_is_not_drawn_as_a_bps_circle():
    # review finding 5: a NULL jenis_sumber reached Vega as null, outside the shape domain, and took its first
    # shape: the BPS circle
    df = _seri().assign(jenis_sumber=["bps", None, None, "bps", "bps", "media_bps"])
    spec = grafik_tren(df, judul="P0", satuan="%").to_dict()
    titik = next(la for la in _layers(spec) if "shape" in la.get("encoding", {}))
    shape = titik["encoding"]["shape"]
    rentang = dict(zip(shape["scale"]["domain"], shape["scale"]["range"], strict=True))
    nilai = {r["jenis_sumber"] for r in _values(spec, titik)}
    assert None not in nilai and "" not in nilai
    banjar_2016 = next(r for r in _values(spec, titik) if r["tahun"] == 2016 and r["peran"] == "banjar")
    assert rentang[banjar_2016["jenis_sumber"]] not in ("circle", "diamond", "triangle-up")
    assert rentang["bps"] == "circle"
    assert "sumber tidak diketahui" in shape["legend"]["labelExpr"]


def test_target_is_a_dashed_line():
    target = pd.DataFrame({"tahun": [2025, 2026], "kode_wilayah": ["63.03"] * 2, "nilai": [2.2, 2.0],
                           "nilai_teks": ["2,20%", "2,00%"], "dokumen": ["RPJMD 2025–2029"] * 2})
    spec = grafik_tren(_seri(), judul="P0", satuan="%", target=target).to_dict()
    dashed = [layer for layer in _layers(spec) if isinstance(layer["mark"], dict) and layer["mark"].get("strokeDash")]
    assert len(dashed) == 1 and dashed[0]["mark"]["type"] == "line"
    assert _values(spec, dashed[0])[0]["keterangan"] == "Target RPJMD 2025–2029"


def test_the_target_label_sits_on_a_white_halo_above_its_cross():
    # review finding 12: "target 2,93%" was drawn across the Banjar line
    target = pd.DataFrame({"tahun": [2021], "kode_wilayah": ["63.03"], "nilai": [2.93], "nilai_teks": ["2,93%"],
                           "dokumen": ["RPJMD"]})
    spec = grafik_tren(_seri(), judul="P0", satuan="%", target=target).to_dict()
    teks = [la for la in _layers(spec) if la["mark"].get("type") == "text"
            and la["encoding"].get("text", {}).get("field") == "teks_target"]
    assert len(teks) == 2
    halo, isi = teks
    assert halo["mark"]["stroke"] == "#ffffff" and halo["mark"]["strokeWidth"] >= 4
    assert isi["mark"]["dy"] < 0 and isi["mark"]["baseline"] == "bottom"


def test_no_target_no_dashed_line():
    spec = grafik_tren(_seri(), judul="P0", satuan="%").to_dict()
    assert "strokeDash" not in json.dumps(spec)


def _kalsel() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({
        "kode_wilayah": ["63.03", "63.06", "63.71"], "label": ["Banjar", "Hulu Sungai Selatan", "Kota Banjarmasin"],
        "nama": ["Kabupaten Banjar", "Kabupaten Hulu Sungai Selatan", "Kota Banjarmasin"],
        "nilai": [2.36, None, 4.58], "nilai_teks": ["2,36%", "tidak ada data", "4,58%"],
        "sumber_ringkas": ["BPS", "tidak ada data", "BPS"], "sumber": ["BPS", None, "BPS"],
        "peringkat": pd.array([1, None, 2], dtype="Int64"), "banjar": [True, False, False],
        "peringkat_teks": ["belum cukup pembanding (2 kab/kota)", "–", "belum cukup pembanding (2 kab/kota)"],
    }, geometry=[box(114.5, -3.7, 115.5, -2.8), box(114.9, -2.9, 115.6, -2.5), box(114.5, -3.4, 114.7, -3.3)],
        crs="EPSG:4326")


def test_map_marks_places_without_data_and_outlines_banjar():
    spec = peta_kalsel(_kalsel(), judul="P0 2024", satuan="%").to_dict()
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    layers = spec["layer"]
    kosong = layers[1]
    assert kosong["encoding"]["fill"]["scale"] == {"domain": ["tidak ada data"], "range": [WARNA_TANPA_DATA]}
    assert [f["label"] for f in fitur_dari(kosong["data"])] == ["Hulu Sungai Selatan"]
    outline = layers[2]
    assert outline["mark"]["filled"] is False and outline["mark"]["strokeWidth"] >= 3
    fitur = fitur_dari(layers[0]["data"])
    assert all("nilai" in f and "geometry" in f for f in fitur)  # properties lifted to the top level
    assert {t["field"] for t in layers[0]["encoding"]["tooltip"]} >= {"nilai_teks", "sumber_ringkas"}


def test_map_rings_are_clockwise_for_vega():
    from shapely.geometry import shape

    spec = peta_kalsel(_kalsel(), judul="P0", satuan="%").to_dict()
    geom = shape(fitur_dari(spec["layer"][0]["data"])[0]["geometry"])
    assert not geom.exterior.is_ccw


def test_ranked_bars_say_tidak_ada_data_in_words():
    tabel = pd.DataFrame(_kalsel().drop(columns="geometry"))
    spec = batang_peringkat(tabel, judul="Peringkat", satuan="%").to_dict()
    teks = spec["layer"][1]
    assert teks["encoding"]["text"]["field"] == "nilai_teks"
    assert "tidak ada data" in [r["nilai_teks"] for r in _values(spec, teks)]
    assert spec["layer"][0]["encoding"]["y"]["sort"] == ["Banjar", "Hulu Sungai Selatan", "Kota Banjarmasin"]


def test_a_map_without_any_figure_has_no_colour_legend_and_long_titles_wrap():
    # review finding 12: the extreme-poverty map (no figure stored) showed "NaN" in its legend, and the title
    # was cut with "…" in its half-width column
    gdf = _kalsel().assign(nilai=float("nan"))
    judul = "Persentase penduduk miskin ekstrem 2025"
    spec = peta_kalsel(gdf, judul=judul, satuan="%", subjudul="0 dari 13 kab/kota punya angka 2025").to_dict()
    assert not any("color" in la.get("encoding", {}) for la in spec["layer"])
    assert "NaN" not in json.dumps(spec)
    assert isinstance(spec["title"]["text"], list) and " ".join(spec["title"]["text"]) == judul
    assert all(len(b) <= 36 for b in spec["title"]["text"])


def test_ranked_bars_with_whole_number_labels_have_whole_number_ticks():
    # review finding 12: 2021 (one bar of 3,04) gave ticks 0; 0,5; 1 … labelled "0, 1, 1, 2, 2, 3"
    tabel = pd.DataFrame(_kalsel().drop(columns="geometry"))
    spec = batang_peringkat(tabel, judul="Peringkat", satuan="%").to_dict()
    assert spec["layer"][0]["encoding"]["x"]["axis"]["tickMinStep"] == 1


def test_small_multiples_share_one_scale_are_ordered_and_say_sample():
    data = pd.DataFrame({
        "tahun": [2023, 2024, 2023, 2024], "kode_wilayah": ["a", "a", "b", "b"], "nama": ["A", "A", "B", "B"],
        "panel": ["A: 1,00%", "A: 1,00%", "B: 5,00%", "B: 5,00%"], "nilai": [2.0, 1.0, 4.0, 5.0],
        "nilai_teks": ["2,00%", "1,00%", "4,00%", "5,00%"], "sumber_ringkas": [SUMBER_CONTOH] * 4,
    })
    spec = grafik_kecil(data, ["B: 5,00%", "A: 1,00%"], judul="Persentase penduduk miskin", satuan="%",
                        subjudul=f"Sumber: {SUMBER_CONTOH}").to_dict()
    assert spec["facet"]["sort"] == ["B: 5,00%", "A: 1,00%"]
    assert spec.get("resolve", {}).get("scale", {}).get("y", "shared") == "shared"
    assert SUMBER_CONTOH in json.dumps(spec["title"])
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert "impute" not in json.dumps(spec)


def test_small_multiples_mark_the_latest_value_with_a_solid_dot_in_the_line_colour():
    # review finding 11: the latest value must read as a filled dot (sample years are hollow points)
    data = pd.DataFrame({
        "tahun": [2023, 2024], "kode_wilayah": ["a", "a"], "nama": ["A", "A"], "panel": ["A: 1,00%"] * 2,
        "nilai": [2.0, 1.0], "nilai_teks": ["2,00%", "1,00%"], "sumber_ringkas": [SUMBER_CONTOH] * 2,
        "asal": ["contoh", "contoh"],
    })
    spec = grafik_kecil(data, ["A: 1,00%"], judul="P", satuan="%").to_dict()
    akhir = [la for la in spec["spec"]["layer"] if "2024" in json.dumps(la.get("transform", []))]
    assert len(akhir) == 1
    enc = akhir[0]["encoding"]
    assert akhir[0]["mark"]["filled"] is True
    assert enc["fill"] == enc["stroke"] == {"value": WARNA_PROVINSI}
