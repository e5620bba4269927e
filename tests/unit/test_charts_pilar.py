"""Pillar chart specs (``to_dict()``): Indonesian locale, threshold lines from the rules, direct labels with
id-ID numbers, missing reports labelled rather than drawn as 0%, no legends."""

from __future__ import annotations

import json

import pandas as pd

from tkpk.charts import pilar as c
from tkpk.pilar.status import AturanStatus, Status

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


def _label_sumbu(spec: dict, nilai: float) -> str:
    """Evaluate the budget axis' labelExpr ("'Rp' + format(datum.value / D, ',.Nf') + ' U'") for one tick."""
    import re

    expr = json.dumps(spec)
    m = re.search(r"'Rp' \+ format\(datum\.value / ([0-9.e+]+), ',\.(\d)f'\) \+ ' (\w+)'", expr)
    assert m, "budget axis labelExpr not found"
    pembagi, desimal, satuan = float(m.group(1)), int(m.group(2)), m.group(3)
    angka = f"{nilai / pembagi:,.{desimal}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"Rp{angka} {satuan}"


def _langkah_d3(x_max: float, n: int) -> float:
    """d3's tickStep(0, x_max, n), which Vega uses for tickCount."""
    import math

    kasar = x_max / n
    pangkat = 10 ** math.floor(math.log10(kasar))
    galat = kasar / pangkat
    kali = 10 if galat >= math.sqrt(50) else 5 if galat >= math.sqrt(10) else 2 if galat >= math.sqrt(2) else 1
    return kali * pangkat


def test_budget_axis_labels_are_distinct_for_small_budgets():
    # review 18 #16: a 2026 pillar with budgets under Rp1 miliar read "Rp0 M, Rp0 M, Rp0 M, Rp1 M, Rp1 M"
    for ujung in (0.9e9, 3.2e8, 4.5e7, 2.1e10, 1.3e9):
        opd = OPD.assign(pagu=[ujung, float("nan"), ujung / 3], realisasi=[ujung / 2, float("nan"), ujung / 4])
        spec = c.batang_anggaran(opd).to_dict()
        x_max = ujung * 1.7
        step = _langkah_d3(x_max, 5)
        label = [_label_sumbu(spec, i * step) for i in range(int(x_max // step) + 1)]
        assert len(set(label)) == len(label), (ujung, label)


def test_a_year_in_progress_is_named_on_the_axis_and_its_points():
    """Review finding: the subtitle saying "2025: baru s.d. triwulan 3" is cut at narrow widths, so the axis said
    "2025" beside a line that seemed to fall from a whole year to three quarters. The axis label and the points'
    tooltip name the quarter; whole years keep their plain label."""
    berjalan = TAHUNAN.assign(triwulan_sd=[None, None, 3])
    spec = c.garis_tahunan(berjalan).to_dict()
    teks = json.dumps(spec)
    assert "2024 (s.d. TW3)" in teks and "2023 (s.d." not in teks
    x = next(lap["encoding"]["x"] for lap in spec["layer"] if "x" in lap.get("encoding", {}))
    assert "s.d. TW3" in x["axis"]["labelExpr"]
    # without a year in progress the axis is unchanged
    assert "labelExpr" not in json.dumps(c.garis_tahunan(TAHUNAN).to_dict()["layer"][0]["encoding"]["x"])
