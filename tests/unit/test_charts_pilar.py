"""Pillar chart specs (``to_dict()``): Indonesian locale, threshold lines from the rules, direct labels with
id-ID numbers, missing reports labelled rather than drawn as 0%, no legends."""

from __future__ import annotations

import json

import pandas as pd

from tkpk.charts import pilar as c
from tkpk.status import AturanStatus, Status

OPD = pd.DataFrame({
    "nama_singkat": ["Dinas PUPRP", "Dishub", "DisperkimLH"],
    "pagu": [2.1e10, float("nan"), 3.86e9], "realisasi": [1.58e10, float("nan"), 3.6e9],
    "serapan_pct": [75.26, float("nan"), 93.49], "capaian_pct": [77.97, float("nan"), 92.36],
    "belum_melapor": [False, True, False],
})
TAHUNAN = pd.DataFrame({"tahun": [2022, 2023, 2024], "serapan_pct": [70.3, 70.27, 78.07],
                        "capaian_pct": [79.6, 70.4, 80.2], "kantong_jumlah_pct": [46.2, 35.9, 46.5]})


def _datasets(spec: dict) -> list[dict]:
    return [r for rows in spec.get("datasets", {}).values() for r in rows]


def test_band_edges():
    assert c.pita(80.0, 80, 60) is Status.HIJAU and c.pita(79.99, 80, 60) is Status.KUNING
    assert c.pita(60.0, 80, 60) is Status.KUNING and c.pita(59.9, 80, 60) is Status.MERAH
    assert c.pita(None, 80, 60) is Status.ABU


def test_dot_plot_has_locale_thresholds_and_direct_labels():
    spec = c.titik_opd(OPD, AturanStatus(hijau_serapan=85)).to_dict()
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    rows = _datasets(spec)
    labels = {r.get("label") for r in rows}
    assert {"75,3%", "93,5%", "○ belum melapor", "hijau ≥ 85%", "merah < 60%", "hijau ≥ 90%"} <= labels
    # a missing report is text at the axis, never a dot at 0%
    titik = [layer for panel in spec["hconcat"] for layer in panel["layer"]
             if isinstance(layer.get("mark"), dict) and layer["mark"].get("type") == "point"]
    assert len(titik) == 2
    teks = json.dumps(spec)
    assert '"legend": null' in teks and "Serapan anggaran (%)" in teks and "Capaian output (%)" in teks


def test_budget_bars_label_realisasi_of_pagu():
    spec = c.batang_anggaran(OPD, besar=True).to_dict()
    labels = {r.get("label") for r in _datasets(spec)}
    assert "Rp15,8 miliar dari Rp21,0 miliar (75,3%)" in labels and "belum melapor" in labels
    assert spec["config"]["title"]["fontSize"] == round(22 * 1.4)  # projector mode
    assert spec["config"]["locale"]["number"]["thousands"] == "."


def test_year_line_has_end_labels_pushed_apart():
    spec = c.garis_tahunan(TAHUNAN).to_dict()
    rows = _datasets(spec)
    akhir = {r["label"]: r["y_label"] for r in rows if "label" in r}
    assert set(akhir) == {"Serapan anggaran 78,1%", "Capaian output 80,2%", "Lokasi di kantong 46,5%"}
    assert abs(akhir["Capaian output 80,2%"] - akhir["Serapan anggaran 78,1%"]) >= 6.0  # readable, not overlapping
    assert {r["tahun"] for r in rows} == {2022, 2023, 2024}
    assert '"legend": null' in json.dumps(spec)


def test_year_line_keeps_missing_years_as_gaps():
    d = c.data_tahunan(TAHUNAN.assign(capaian_pct=[79.6, float("nan"), 80.2]))
    kosong = d[(d["ukuran"] == "Capaian output") & (d["tahun"] == 2023)]
    assert kosong["nilai"].isna().all() and kosong["teks"].iloc[0] == "–"
