"""Every chart on every page has a text alternative and a "Lihat sebagai tabel" switch (issue 17, accessible).

The description is Vega-Lite's top-level ``description`` (Vega renders it as the chart's ``aria-label``); it must
say more than the title. The switch draws nothing until it is turned on: then a table of the chart's own numbers.
"""

from __future__ import annotations

import json

import pytest

from tests.app.conftest import buka_kotak
from tkpk.charts.deskripsi import teks_judul
from tkpk.ui import pilar as ui_pilar

# every section that draws charts: the Tren page draws one tab at a time (?bagian=)
HALAMAN_GRAFIK = [("pages/tren.py", {}), ("pages/tren.py", {"bagian": "Posisi di Kalsel"}),
                  ("pages/tren.py", {"bagian": "Per kecamatan"}), ("pages/peta.py", {}),
                  ("pages/peta.py", {"bagian": "Kantong kemiskinan"}), ("pages/peta.py", {"bagian": "Tepat sasaran"}),
                  ("pages/pilar.py", {}), ("pages/pilar.py", {"bagian": "Antartahun"}),
                  ("pages/ringkasan.py", {})]
# charts drawn only once their expander is opened (session-state keys of the expanders), per page
DIBUKA = {"pages/pilar.py": [ui_pilar.KUNCI_SKOR, ui_pilar.KUNCI_ANGGARAN]}


def _specs(at) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("vega_lite_chart")]


def _saklar(at) -> list:
    return [t for t in at.toggle if str(t.key).startswith("lihat_tabel_")]


@pytest.mark.parametrize(("halaman", "query"), HALAMAN_GRAFIK)
def test_every_chart_has_a_description_beyond_its_title(run_page, halaman, query):
    at = run_page(halaman, query)
    assert not at.exception, at.exception
    if halaman in DIBUKA and not query:
        for kunci in DIBUKA[halaman]:
            n = len(_specs(at))
            assert len(_specs(buka_kotak(at, kunci))) == n + 1, kunci
    specs = _specs(at)
    if halaman != "pages/ringkasan.py":
        assert specs, f"{halaman} draws no chart"
    for s in specs:
        d = s.get("description", "")
        judul, _ = teks_judul(s)
        assert d.strip(), f"{halaman}: chart {judul!r} has no description"
        assert d.strip().rstrip(".") != judul.strip().rstrip("."), f"{halaman}: description only repeats {judul!r}"
        assert len(d) > len(judul) + 10, (judul, d)
    # one switch per chart, each with its own key, all off on first load
    saklar = _saklar(at)
    assert len(saklar) == len(specs)
    assert len({t.key for t in saklar}) == len(saklar)
    assert not any(t.value for t in saklar)


def test_tren_descriptions_carry_indonesian_numbers(run_page):
    (tren,) = (s["description"] for s in _specs(run_page("pages/tren.py")))
    kalsel, batang = (s["description"] for s in _specs(run_page("pages/tren.py", {"bagian": "Posisi di Kalsel"})))
    (kecil,) = (s["description"] for s in _specs(run_page("pages/tren.py", {"bagian": "Per kecamatan"})))
    assert tren.startswith("Grafik garis Persentase penduduk miskin") and "Banjar dari " in tren, tren
    assert "," in tren and "%" in tren  # id-ID decimals: "2,86%"
    assert kalsel.startswith("Peta 13 kab/kota Kalimantan Selatan") and "terendah" in kalsel, kalsel
    assert "Grafik batang 13 kab/kota" in batang, batang
    assert "kecamatan" in kecil and "DATA CONTOH" in kecil, kecil


def test_table_switch_shows_the_chart_rows_and_hides_them_again(run_page):
    at = run_page("pages/tren.py")
    sebelum = len(at.dataframe)
    tren = _specs(at)[0]
    saklar = _saklar(at)[0]
    saklar.set_value(True).run()
    assert not at.exception, at.exception
    assert len(at.dataframe) > sebelum, "switching on drew no table"
    # the rows are the trend's own rows (per place and year), under the tooltip titles, in id-ID text
    df = next(d.value for d in at.dataframe if "Wilayah" in d.value.columns)
    assert {"Wilayah", "Tahun", "Nilai", "Sumber"} <= set(df.columns)
    # Streamlit moves inline data out of the drawn spec; the chart's years and places are in its description
    assert "Banjar" in set(df["Wilayah"]) and df["Wilayah"].str.contains("provinsi").any()
    assert len(df) >= df["Wilayah"].nunique() * 2 and df["Tahun"].nunique() >= 5
    assert df["Nilai"].astype(str).str.contains(",").any()
    for wilayah, tahun, nilai in df[["Wilayah", "Tahun", "Nilai"]].itertuples(index=False):
        if wilayah == "Banjar" and f"({tahun})" in tren["description"].split(";")[0]:
            assert f"{nilai} ({tahun})" in tren["description"]
    _saklar(at)[0].set_value(False).run()
    assert len(at.dataframe) == sebelum


def test_sample_chart_table_keeps_its_sample_label(run_page):
    at = run_page("pages/tren.py", {"bagian": "Per kecamatan"})
    peringatan = len(at.warning)
    (kecil,) = _saklar(at)
    kecil.set_value(True).run()
    assert not at.exception, at.exception
    assert len(at.warning) == peringatan + 1 and "DATA CONTOH" in at.warning[-1].value
