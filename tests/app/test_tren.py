"""Tren page through AppTest: it runs, draws its charts, labels sample data, and restores its state from the URL."""

import json
import shutil
from datetime import datetime

from streamlit.testing.v1 import AppTest

from tests.app.conftest import teks_tampil
from tests.conftest import ROOT
from tkpk.toko.db import connect
from tkpk.tren import data as tren


def _specs(at):
    return [json.loads(el.proto.spec) for el in at.get("vega_lite_chart")]


def _bagian(run_page, bagian: str, query: dict[str, str] | None = None):
    """The page opened on one of its tabs, as a shared link (``?bagian=``) opens it."""
    return run_page("pages/tren.py", query={**(query or {}), "bagian": bagian})


def test_each_tab_draws_only_its_own_section(run_page):
    """Trend first; the Kalsel map and ranking, and the kecamatan panels, only when their tab is open (issue 17:
    the browser lays out one section at first sight)."""
    at = run_page("pages/tren.py")
    assert not at.exception, at.exception
    assert [t.label for t in at.tabs] == list(tren.BAGIAN)
    specs = _specs(at)
    assert len(specs) == 1 and specs[0]["description"].startswith("Grafik garis")
    assert [h.value for h in at.header] == ["Persentase penduduk miskin (P0): Banjar dan Kalimantan Selatan"]
    assert [s.label for s in at.sidebar.selectbox] + [m.label for m in at.sidebar.multiselect] == [
        "Indikator BPS", "Bandingkan dengan kab/kota"], "the other sections' choices are not shown"
    assert len(at.get("download_button")) == 4  # CSV + XLSX + PNG + SVG
    assert not any("DATA CONTOH" in w.value for w in at.warning)  # BPS figures only in this section

    at = _bagian(run_page, "Posisi di Kalsel")
    assert not at.exception, at.exception
    assert [h.value for h in at.header] == ["Posisi Banjar di Kalimantan Selatan, 2024"]
    assert len(_specs(at)) == 2 and len(at.get("download_button")) == 4
    assert "Tahun peta Kalsel" in [s.label for s in at.sidebar.selectbox]

    at = _bagian(run_page, "Per kecamatan")
    assert not at.exception, at.exception
    assert [h.value for h in at.header] == ["Tren per kecamatan"]
    assert len(_specs(at)) == 1 and len(at.get("download_button")) == 4
    text = teks_tampil(at.markdown)
    assert "pangsa register DTSEN" in text and "bukan persentase penduduk miskin (P0) BPS" in text
    assert any("DATA CONTOH" in w.value for w in at.warning)
    assert any("Sumber:" in c.value for c in at.caption)


def test_switching_tabs_draws_the_chosen_section(run_page):
    at = run_page("pages/tren.py")
    at.session_state["bagian"] = "Per kecamatan"
    at.run()
    assert not at.exception, at.exception
    assert [h.value for h in at.header] == ["Tren per kecamatan"]
    assert at.selectbox(key="url_ind_kec").value == "persen_jiwa_desil_1_4"


def test_query_parameters_restore_indicator_comparison_and_year(run_page):
    query = {"indikator": "penduduk_miskin", "kabkota": "63.71,63.01", "tahun": "2023",
             "ind_kec": "persen_kk_desil_1"}
    at = run_page("pages/tren.py", query=query)
    assert not at.exception, at.exception
    assert at.selectbox(key="url_indikator").value == "penduduk_miskin"
    assert at.multiselect(key="url_kabkota").value == ["63.71", "63.01"]
    at = _bagian(run_page, "Posisi di Kalsel", query)
    assert at.selectbox(key="url_indikator").value == "penduduk_miskin"
    assert at.selectbox(key="url_tahun").value == 2023
    assert any("Posisi Banjar di Kalimantan Selatan, 2023" in h.value for h in at.header)
    at = _bagian(run_page, "Per kecamatan", query)
    assert at.selectbox(key="url_ind_kec").value == "persen_kk_desil_1"


def test_changing_the_indicator_writes_it_to_the_url(run_page):
    at = run_page("pages/tren.py")
    at.selectbox(key="url_indikator").set_value("garis_kemiskinan").run()
    assert not at.exception
    assert at.query_params["indikator"] in ("garis_kemiskinan", ["garis_kemiskinan"])
    assert any(h.value.startswith("Garis kemiskinan") for h in at.header)


def _garis_target(spec: dict) -> list[dict]:
    return [lap for lap in spec.get("layer", []) if isinstance(lap.get("mark"), dict)
            and lap["mark"].get("strokeDash") == [8, 5]]


def test_p0_trend_draws_its_target_and_names_source_kinds(run_page):
    at = run_page("pages/tren.py")
    assert not at.exception
    tren_p0 = _specs(at)[0]
    assert len(_garis_target(tren_p0)) == 1  # the bundled RPJMD target, drawn on the P0 trend
    # the shape of each point says its kind of source; the legend lists the kinds drawn
    assert any("shape" in lap.get("encoding", {}) for lap in tren_p0["layer"])
    captions = teks_tampil(at.caption)
    assert "Belum ada tabel target" not in captions
    assert "Target: 2021 2,93% (RPJMD Kabupaten Banjar, dikutip pejabat)" in captions
    assert "◆ = angka BPS dikutip media" in captions and "▲ = dikutip pejabat" in captions


def test_few_kabkota_give_values_but_no_ranking(run_page):
    at = _bagian(run_page, "Posisi di Kalsel", {"tahun": "2019"})
    assert not at.exception
    specs = _specs(at)
    judul = [sp.get("title", {}).get("text", "") if isinstance(sp.get("title"), dict) else sp.get("title", "")
             for sp in specs]
    # a long title is wrapped into lines (a list), so read it as one text
    assert any("Belum cukup pembanding (2 kab/kota)" in (j if isinstance(j, str) else " ".join(j)) for j in judul)


def test_extreme_poverty_without_figures_says_so_and_names_the_target(run_page):
    at = run_page("pages/tren.py", query={"indikator": "p0_ekstrem"})
    assert not at.exception
    info = " ".join(i.value for i in at.info)
    assert "Belum ada angka persentase penduduk miskin ekstrem tersimpan" in info
    assert "2024 0% (Inpres 4/2022, dokumen resmi)" in info


def test_loading_an_extreme_poverty_figure_draws_it(store_path, tmp_path, monkeypatch):
    """A batch with an extreme-poverty rate (test data, not a BPS figure) is drawn with its target line."""
    db = tmp_path / "tkpk.duckdb"
    shutil.copy(store_path, db)
    con = connect(db)
    con.execute("INSERT INTO batch (batch_id, jenis, oleh, waktu) VALUES (990, 'bps', 'uji', ?)", [datetime.now()])
    con.execute("INSERT INTO kemiskinan_kabupaten (tahun, kode_wilayah, p0_ekstrem, sumber, jenis_sumber, batch_id) "
                "VALUES (2023, '63.03', 0.41, 'uji ekstrem', 'unggahan', 990), "
                "(2024, '63.03', 0.12, 'uji ekstrem', 'unggahan', 990)")
    con.close()
    monkeypatch.setenv("TKPK_DB", str(db))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["indikator"] = "p0_ekstrem"
    at.run()
    at.switch_page("pages/tren.py")
    at.run()
    assert not at.exception
    assert not any("Belum ada angka" in i.value for i in at.info)
    el = at.get("vega_lite_chart")[0]
    import pyarrow as pa

    rows = [r for ds in el.proto.datasets
            for r in pa.ipc.open_stream(ds.data.data).read_all().to_pylist()]
    teks = {r.get("nilai_teks") for r in rows}
    assert {"0,41%", "0,12%"} <= teks  # the loaded figures, formatted id-ID in the drawn data
    assert len(_garis_target(json.loads(el.proto.spec))) == 1  # with the national 0% target of 2024
