"""Text alternative and table view of a chart, from the spec alone (tkpk.charts.deskripsi, tkpk.charts.tabel_grafik)
and the generic fallback description of tkpk.ui.grafik._spek."""

from __future__ import annotations

import altair as alt
import geopandas as gpd
import pandas as pd
from shapely.geometry import box

from tests.unit.test_charts_tren import _seri
from tkpk.charts import deskripsi as ds
from tkpk.charts.kalsel import peta_kalsel
from tkpk.charts.tabel_grafik import ada_contoh, tabel_grafik
from tkpk.charts.tren import grafik_tren


def test_trend_description_gives_first_and_last_value_in_id_id():
    spec = grafik_tren(_seri(), judul="Persentase penduduk miskin (P0)", satuan="%").to_dict()
    assert spec["description"] == ("Grafik garis Persentase penduduk miskin (P0) 2014–2016: Banjar dari 2,74 (2014) "
                                   "ke 3,10 (2016); Kalsel (provinsi) dari 4,68 (2014) ke 4,85 (2016).")


def test_trend_table_has_the_rows_under_tooltip_titles_without_label_layers():
    spec = grafik_tren(_seri(), judul="P0", satuan="%").to_dict()
    (tabel,) = tabel_grafik(spec)  # the direct-label layer repeats rows for drawing: not a table of its own
    assert list(tabel.columns) == ["Wilayah", "Tahun", "Nilai", "Sumber"]
    assert len(tabel) == 6
    assert tabel.loc[(tabel["Wilayah"] == "Banjar") & (tabel["Tahun"] == "2016"), "Nilai"].item() == "3,10"
    assert not ada_contoh(spec, [tabel])


def test_map_table_joins_filled_and_no_data_places_and_drops_geometry():
    gdf = gpd.GeoDataFrame({
        "kode_wilayah": ["63.03", "63.04", "63.05"], "label": ["Banjar", "Tapin", "Balangan"],
        "nilai": [2.36, 3.1, None], "nilai_teks": ["2,36%", "3,10%", "tidak ada data"],
        "sumber_ringkas": ["BPS", "BPS", "–"], "peringkat_teks": ["1 dari 2", "2 dari 2", "–"],
        "banjar": [True, False, False]}, geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1), box(2, 0, 3, 1)], crs=4326)
    spec = peta_kalsel(gdf, judul="P0 2024", satuan="%").to_dict()
    assert spec["description"].startswith("Peta 3 kab/kota Kalimantan Selatan, P0 2024: terendah Banjar (2,36%), "
                                          "tertinggi Tapin (3,10%)."), spec["description"]
    assert "1 kab/kota tanpa data" in spec["description"]
    (tabel,) = tabel_grafik(spec)
    assert list(tabel.columns) == ["Kab/kota", "Nilai", "Peringkat (1 = terendah)", "Sumber"]
    assert sorted(tabel["Kab/kota"]) == ["Balangan", "Banjar", "Tapin"]


def test_sample_rows_are_recognised():
    df = _seri().assign(sumber_ringkas="DATA CONTOH (sintetis)")
    spec = grafik_tren(df, judul="P0", satuan="%").to_dict()
    assert ada_contoh(spec, tabel_grafik(spec))


def _tanpa_deskripsi(data: pd.DataFrame) -> alt.Chart:
    return alt.Chart(data).mark_line().encode(x="tahun:O", y="nilai:Q").properties(
        title=alt.Title("Judul uji", subtitle="Subjudul uji"))


def test_spek_gives_a_chart_without_description_a_generic_one():
    from tkpk.ui.grafik import spek

    spec = spek(_tanpa_deskripsi, pd.DataFrame({"tahun": [2020, 2021], "nilai": [1.0, 2.0]}))
    assert spec["description"] == "Grafik garis: Judul uji. Subjudul uji."
    assert ds.perlu_deskripsi({"title": "A", "description": "A"})
    assert not ds.perlu_deskripsi({"title": "A", "description": "Grafik garis A: 1 ke 2."})


def test_every_chart_builder_writes_its_own_description():
    import inspect

    from tkpk.charts import kalsel, kecil, peta, peta_cetak, pilar, rencana, tren

    for modul in (kalsel, kecil, peta, peta_cetak, pilar, rencana, tren):
        teks = inspect.getsource(modul)
        assert teks.count("return terapkan(") == teks.count("deskripsi="), modul.__name__
