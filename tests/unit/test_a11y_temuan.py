"""Findings of the independent accessibility review (issue 17), one test or more per finding, on the chart
builders alone (no Streamlit). The table view's label and the pages' wiring are in tests/app/test_a11y_tabel.py."""

from __future__ import annotations

from typing import Any

import geopandas as gpd
from shapely.geometry import box


def _batas() -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    kec = gpd.GeoDataFrame({"kode": ["63.03.01", "63.03.02"], "nama": ["Aluh Aluh", "Gambut"]},
                           geometry=[box(114.6, -3.4, 114.7, -3.3), box(114.7, -3.4, 114.8, -3.3)], crs="EPSG:4326")
    desa = gpd.GeoDataFrame({"kode": ["63.03.01.2001", "63.03.02.2001"], "nama": ["A", "B"]},
                            geometry=list(kec.geometry), crs="EPSG:4326")
    return desa, kec


def _mark(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every unit spec (a node with a mark) of a Vega-Lite spec."""
    hasil = []

    def jalan(node: Any) -> None:
        if isinstance(node, dict):
            if "mark" in node:
                hasil.append(node)
            for k in ("layer", "hconcat", "vconcat", "concat"):
                for anak in node.get(k, []):
                    jalan(anak)
            if isinstance(node.get("spec"), dict):
                jalan(node["spec"])

    jalan(spec)
    return hasil


def _tanpa_nama(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Geoshape layers without any encoding (Vega gives their paths no accessible name: axe svg-img-alt) that are
    still in the accessibility tree."""
    return [u for u in _mark(spec) if isinstance(u["mark"], dict) and u["mark"].get("type") == "geoshape"
            and not u.get("encoding") and u["mark"].get("aria") is not False]


# --- finding 1: the rakor map slide's outline layers had no accessible name (svg-img-alt ×2) ---

def test_slide_pocket_map_outlines_are_out_of_the_accessibility_tree() -> None:
    from tkpk.charts.peta_cetak import peta_kantong, peta_nilai

    desa, kec = _batas()
    spec = peta_kantong(desa, kec, ["63.03.01.2001"], besar=True).to_dict()
    assert _tanpa_nama(spec) == []
    assert len([u for u in _mark(spec) if isinstance(u["mark"], dict) and u["mark"].get("aria") is False]) == 2
    spec = peta_nilai(kec, {"63.03.01": 3.0}, judul="Intervensi", label_nilai="Jumlah", sorot=["63.03.01"]).to_dict()
    assert _tanpa_nama(spec) == []


# --- finding 2: charts drawing sample data did not say "DATA CONTOH" in their description ---

def test_slide_pocket_map_says_sample_data() -> None:
    from tkpk.charts.peta_cetak import peta_kantong

    desa, kec = _batas()
    assert "DATA CONTOH" not in peta_kantong(desa, kec, ["63.03.01.2001"]).to_dict()["description"]
    d = peta_kantong(desa, kec, ["63.03.01.2001"], sampel=True).to_dict()["description"]
    assert d.startswith("DATA CONTOH") and "1 desa kantong kemiskinan" in d


# --- finding 3: the pillar scatter's table dropped the status that colour and shape show ---

def test_pillar_scatter_table_is_one_table_with_both_statuses() -> None:
    import pandas as pd

    from tkpk.charts.pilar import titik_opd
    from tkpk.charts.tabel_grafik import tabel_grafik

    opd = pd.DataFrame({"nama_singkat": ["Dinas PUPRP", "Dishub", "DisperkimLH", "Baznas"],
                        "serapan_pct": [75.26, float("nan"), 93.49, 40.0],
                        "capaian_pct": [77.97, float("nan"), 92.36, 95.0],
                        "belum_melapor": [False, True, False, False]})
    tabel = tabel_grafik(titik_opd(opd).to_dict())
    assert len(tabel) == 1, [list(t.columns) for t in tabel]
    t = tabel[0]
    assert list(t.columns) == ["OPD", "Serapan anggaran", "Status serapan", "Capaian output", "Status capaian"]
    baris = {r[0]: tuple(r[1:]) for r in t.itertuples(index=False)}
    assert len(t) == 4 and set(baris) == set(opd["nama_singkat"])
    assert baris["Dinas PUPRP"] == ("75,3%", "▲ Perlu perhatian", "78,0%", "▲ Perlu perhatian")
    assert baris["DisperkimLH"] == ("93,5%", "● Baik", "92,4%", "● Baik")
    assert baris["Baznas"] == ("40,0%", "■ Kritis", "95,0%", "● Baik")
    assert baris["Dishub"][1] == baris["Dishub"][3] == "○ Belum melapor"


# --- finding 4: the desa scatter named places without their kecamatan; same-named desa could merge ---

def _kuadran_desa():
    import pandas as pd

    return pd.DataFrame({
        "kode": ["63.03.05.2001", "63.03.12.2003", "63.03.07.2001"],
        "nama": ["Simpang Empat", "Simpang Empat", "Pasar Lama"],
        "nama_kecamatan": ["Simpang Empat", "Pengaron", "Martapura"],
        "persen": [12.5, 12.5, 30.0], "jumlah": [40.0, 40.0, 90.0],
        "termasuk_kantong": [False, False, True], "jenis": [None, None, "kantong"]})


def test_desa_scatter_table_and_tooltip_carry_the_kecamatan() -> None:
    from tkpk.charts.peta import kuadran
    from tkpk.charts.tabel_grafik import tabel_grafik

    spec = kuadran(_kuadran_desa(), ambang_persen=20.0, ambang_jumlah=50.0, judul_x="Persen (%)",
                   judul_y="Jumlah KK").to_dict()
    tabel = tabel_grafik(spec)
    assert len(tabel) == 1
    t = tabel[0]
    assert list(t.columns)[:2] == ["Desa/kelurahan", "Kecamatan"]
    # two desa of the same name, the same values: still two rows, told apart by their kecamatan
    assert len(t) == 3
    assert sorted(t[t["Desa/kelurahan"] == "Simpang Empat"]["Kecamatan"]) == ["Pengaron", "Simpang Empat"]


def test_table_view_never_merges_two_places_with_the_same_visible_row() -> None:
    import altair as alt
    import pandas as pd

    from tkpk.charts.tabel_grafik import tabel_grafik

    d = pd.DataFrame({"kode": ["a", "b"], "nama": ["Pasar Lama", "Pasar Lama"], "nilai": [1.0, 1.0]})
    spec = alt.Chart(d).mark_point().encode(x="nilai:Q", y="nama:N", tooltip=["nama:N", "nilai:Q"]).to_dict()
    assert len(tabel_grafik(spec)[0]) == 2
    # the same place drawn twice (a dot and its label) is still one row
    dua = alt.layer(alt.Chart(d).mark_point().encode(x="nilai:Q", tooltip=["nama:N", "nilai:Q"]),
                    alt.Chart(d.iloc[[0]]).mark_text().encode(x="nilai:Q", text="nama:N",
                                                               tooltip=["nama:N", "nilai:Q"])).to_dict()
    assert len(tabel_grafik(dua)[0]) == 2


# --- finding 5: the year line's description hid the partial-year caveat; "s.d. triwulan 4 (belum setahun)" ---

def test_year_line_description_carries_the_partial_year_caveat() -> None:
    import pandas as pd

    from tkpk.charts.pilar import garis_tahunan

    p = pd.DataFrame({"tahun": [2024, 2025], "serapan_pct": [88.6, 74.7], "capaian_pct": [90.0, 60.0],
                      "triwulan_sd": [float("nan"), 2.0]})
    d = garis_tahunan(p).to_dict()["description"]
    assert "dari 88,6% (2024) ke 74,7% (2025)" in d
    assert "2025: baru s.d. triwulan 2 (belum setahun)" in d, d
    assert "belum setahun" not in garis_tahunan(p.assign(triwulan_sd=float("nan"))).to_dict()["description"]


def test_a_year_reported_through_the_fourth_quarter_is_a_full_year() -> None:
    import pandas as pd

    from tkpk.pilar.skor import _triwulan_sd

    d = pd.DataFrame({
        # 2025: quarterly reports up to TW4 (one program stopped at TW2: a missing report, not a year in progress)
        "tahun": [2024, 2025, 2025, 2025, 2025, 2025, 2025, 2026, 2026],
        "triwulan": [None, 1, 2, 3, 4, 1, 2, 1, 2],
    })
    sd = _triwulan_sd(d)
    assert pd.isna(sd[2024]) and pd.isna(sd[2025]), sd
    assert sd[2026] == 2.0


# --- finding 6: the desa scatter's count left out the hidden small cells silently; thresholds had no unit ---

def test_scatter_says_how_many_hidden_places_it_leaves_out_and_units_its_thresholds() -> None:
    import pandas as pd

    from tkpk.charts.peta import kuadran

    t = _kuadran_desa()
    samar = pd.DataFrame({"kode": ["63.03.07.2007", "63.03.07.2010"], "nama": ["Sungai Alat", "Astambul Seberang"],
                          "nama_kecamatan": ["Astambul", "Astambul"], "persen": [float("nan")] * 2,
                          "jumlah": [float("nan")] * 2, "termasuk_kantong": [False, False], "jenis": [None, None],
                          "alasan": ["bukan kantong: KK desil 1 disamarkan (sel kecil dilindungi)",
                                     "bukan kantong: < 5 KK desil 1 (sel kecil dilindungi)"]})
    spec = kuadran(pd.concat([t.assign(alasan="x"), samar], ignore_index=True), ambang_persen=20.0,
                   ambang_jumlah=8733.0, judul_x="Persen (%)", judul_y="KK desil 1", satuan_jumlah="KK").to_dict()
    d = spec["description"]
    assert d.startswith("Diagram sebar 3 wilayah"), d
    assert "2 wilayah dengan sel kecil disamarkan tidak digambar" in d, d
    assert "ambang 20,0%" in d and "ambang 8.733 KK" in d, d
    assert "2 wilayah dengan sel kecil disamarkan tidak digambar" in spec["usermeta"]["tkpk_catatan_tabel"]
    teks = [lp for lp in spec["layer"] if lp.get("mark", {}).get("type") == "text"]
    assert any(r.get("teks") == "ambang 8.733 KK" for rows in spec["datasets"].values() for r in rows), teks


# --- finding 8: the interventions map's table had a "Peringkat" column of "–" on every row ---

def test_table_view_drops_columns_empty_on_every_row() -> None:
    import altair as alt
    import pandas as pd

    from tkpk.charts.tabel_grafik import tabel_grafik

    d = pd.DataFrame({"kode": ["a", "b"], "nama": ["Aluh Aluh", "Gambut"], "nilai_teks": ["1,20", "–"],
                      "peringkat_teks": ["–", "–"], "sumber": [None, None]})
    spec = alt.Chart(d).mark_point().encode(
        y="nama:N", tooltip=[alt.Tooltip("nama:N", title="Kecamatan"), alt.Tooltip("nilai_teks:N", title="Nilai"),
                             alt.Tooltip("peringkat_teks:N", title="Peringkat"),
                             alt.Tooltip("sumber:N", title="Sumber")]).to_dict()
    t = tabel_grafik(spec)[0]
    assert list(t.columns) == ["Kecamatan", "Nilai"], t
    assert len(t) == 2


# --- finding 9: "terendah Banjar (0,326), tertinggi Banjar (0,326)"; the slide map's description had no year ---

def test_kalsel_with_one_figure_names_it_once() -> None:
    import pandas as pd

    from tkpk.charts.kalsel import deskripsi_kalsel

    d = pd.DataFrame({"label": ["Banjar", "Tapin"], "nilai": [0.326, None], "nilai_teks": ["0,326", "–"],
                      "banjar": [True, False], "peringkat_teks": ["–", "–"]})
    teks = deskripsi_kalsel(d, "P1 2024")
    assert "terendah" not in teks and "tertinggi" not in teks, teks
    assert teks.count("0,326") <= 2 and "hanya Banjar (0,326)" in teks, teks
    dua = d.assign(nilai=[0.326, 0.5], nilai_teks=["0,326", "0,500"])
    assert "terendah Banjar (0,326), tertinggi Tapin (0,500)" in deskripsi_kalsel(dua, "P1 2024")


def test_slide_pocket_map_description_names_the_year() -> None:
    from tkpk.charts.peta_cetak import peta_kantong

    desa, kec = _batas()
    d = peta_kantong(desa, kec, ["63.03.01.2001"], judul="1 desa kantong kemiskinan, 2024", tahun=2024,
                     besar=True).to_dict()["description"]
    assert "2024" in d, d
