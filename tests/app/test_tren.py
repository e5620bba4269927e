"""Tren page through AppTest: it runs, draws its charts, labels sample data, and restores its state from the URL."""

import json


def _specs(at):
    return [json.loads(el.proto.spec) for el in at.get("vega_lite_chart")]


def test_tren_page_draws_trend_map_bars_and_small_multiples(run_page):
    at = run_page("pages/tren.py")
    assert not at.exception, at.exception
    specs = _specs(at)
    assert len(specs) == 4
    assert all(s["config"]["locale"]["number"]["decimal"] == "," for s in specs)
    text = " ".join(m.value for m in at.markdown)
    assert "proksi dari data sasaran" in text
    assert any("DATA CONTOH" in w.value for w in at.warning)
    assert any("Sumber:" in c.value for c in at.caption)
    assert len(at.get("download_button")) == 12  # CSV + XLSX + PNG + SVG for each of the 3 sections


def test_query_parameters_restore_indicator_comparison_and_year(run_page):
    at = run_page("pages/tren.py", query={"indikator": "penduduk_miskin", "kabkota": "63.71,63.01",
                                          "tahun": "2023", "ind_kec": "persen_kk_desil_1"})
    assert not at.exception, at.exception
    assert at.selectbox(key="url_indikator").value == "penduduk_miskin"
    assert at.multiselect(key="url_kabkota").value == ["63.71", "63.01"]
    assert at.selectbox(key="url_tahun").value == 2023
    assert at.selectbox(key="url_ind_kec").value == "persen_kk_desil_1"
    assert any("Posisi Banjar di Kalimantan Selatan, 2023" in h.value for h in at.header)


def test_changing_the_indicator_writes_it_to_the_url(run_page):
    at = run_page("pages/tren.py")
    at.selectbox(key="url_indikator").set_value("garis_kemiskinan").run()
    assert not at.exception
    assert at.query_params["indikator"] in ("garis_kemiskinan", ["garis_kemiskinan"])
    assert any(h.value.startswith("Garis kemiskinan") for h in at.header)
