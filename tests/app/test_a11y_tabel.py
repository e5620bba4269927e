"""Findings of the independent accessibility review (issue 17) seen through the pages: a chart of sample data says
"DATA CONTOH" in its description (its aria-label) and above its "Lihat sebagai tabel" rows."""

from __future__ import annotations

import json

import pytest

from tests.app.conftest import buka_kotak
from tkpk.ui import pilar as ui_pilar
from tkpk.ui.chrome import LABEL_CONTOH


def _specs(at) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("vega_lite_chart")]


def _saklar(at) -> list:
    return [t for t in at.toggle if str(t.key).startswith("lihat_tabel_")]


def _label(at) -> int:
    teks = LABEL_CONTOH.split(" ", 1)[1]  # Streamlit shows the leading emoji as the warning's icon
    return sum(teks in w.value for w in at.warning)


@pytest.mark.parametrize(("halaman", "query", "n"), [
    # Kinerja pilar with one OPD chosen, per tab: the scorecard and pagu/realisasi; rencana vs laporan; the year
    # comparison. A rerun per table switch of a pillar and OPD no other fast test computes: in `make test-full`
    pytest.param("pages/pilar.py", {"pilar": "4", "opd": "DINSOS", "tahun": "2024"}, 2, marks=pytest.mark.lambat),
    pytest.param("pages/pilar.py", {"pilar": "4", "opd": "DINSOS", "tahun": "2024", "bagian": "Rencana aksi"}, 1,
                 marks=pytest.mark.lambat),
    pytest.param("pages/pilar.py", {"pilar": "4", "opd": "DINSOS", "tahun": "2024", "bagian": "Antartahun"}, 1,
                 marks=pytest.mark.lambat),
    # Peta, one tab at a time: the main map; the quadrant; the interventions-per-1.000 map
    ("pages/peta.py", {}, 1),
    ("pages/peta.py", {"bagian": "Kantong kemiskinan"}, 1),
    ("pages/peta.py", {"bagian": "Tepat sasaran"}, 1),
])
def test_sample_charts_say_so_in_description_and_table(run_page, halaman, query, n):
    at = run_page(halaman, query)
    assert not at.exception, at.exception
    if halaman == "pages/pilar.py" and "bagian" not in query:   # the budget bars draw when their expander opens
        buka_kotak(at, ui_pilar.KUNCI_SKOR)
        buka_kotak(at, ui_pilar.KUNCI_ANGGARAN)
    specs = [s for s in _specs(at) if "Tren " not in json.dumps(s.get("title"), ensure_ascii=False)]
    assert len(specs) >= n
    for s in specs:
        assert "DATA CONTOH" in s.get("description", ""), (s.get("title"), s.get("description"))
    for i in range(len(_saklar(at))):
        sebelum = _label(at)
        _saklar(at)[i].set_value(True).run()
        assert not at.exception, at.exception
        assert _label(at) == sebelum + 1, f"table {i} of {halaman} shows no sample label"
        _saklar(at)[i].set_value(False).run()


def test_desa_scatter_names_kecamatan_and_the_hidden_places_it_leaves_out(run_page):
    q = {"tingkat": "desa", "ukuran": "KK", "indikator": "kk_desil_1", "tahun": "2024"}
    (peta,) = _specs(run_page("pages/peta.py", q))
    at = run_page("pages/peta.py", {**q, "bagian": "Kantong kemiskinan"})  # the scatter is on the pockets tab
    assert not at.exception, at.exception
    (sebar,) = _specs(at)
    n_samar = int(peta["description"].split(" wilayah disamarkan")[0].rsplit(" ", 1)[-1])
    assert n_samar > 0
    d = sebar["description"]
    assert f"{n_samar} wilayah dengan sel kecil disamarkan tidak digambar" in d, d
    assert "Kecamatan" in json.dumps([lp.get("encoding", {}).get("tooltip") for lp in sebar["layer"]])
    assert " KK" in d.split("ambang ")[-1], d  # the count threshold has its unit
    (saklar,) = _saklar(at)
    saklar.set_value(True).run()
    assert not at.exception, at.exception
    assert any(f"{n_samar} wilayah dengan sel kecil disamarkan" in c.value for c in at.caption)
    df = next(t.value for t in at.dataframe if {"Desa/kelurahan", "Kecamatan"} <= set(t.value.columns))
    assert df.duplicated(subset=["Desa/kelurahan", "Kecamatan"]).sum() == 0
    assert df["Desa/kelurahan"].duplicated().any()  # same-named desa stay apart
