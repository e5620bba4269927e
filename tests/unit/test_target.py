"""Targets against realisation: met / not met judged at the precision written, or "belum ada target"."""

import pandas as pd
import pytest

from tkpk.tren.target import StatusTarget, dokumen_singkat, status_target, target_realisasi


def _targets() -> pd.DataFrame:
    return pd.DataFrame({
        "tahun": [2021, 2024, 2026], "kode_wilayah": ["63.03"] * 3, "nama": ["Kabupaten Banjar"] * 3,
        "indikator": ["p0", "p0_ekstrem", "p0"], "nilai": [2.93, 0.0, 2.10],
        "dokumen": ["RPJMD Kabupaten Banjar (periode s.d. 2021)", "Inpres 4/2022 (target nasional)", "RPJMD 2025"],
        "sumber": ["a", "b", "c"], "jenis_sumber": ["kutipan_pejabat", "dokumen_resmi", None],
        "rincian": ["sekitar 2,93 persen", None, None],
    })


def test_not_met_met_and_equal():
    t = status_target(_targets(), "p0", 2021, 3.04)
    assert t.tercapai is False
    assert t.teks == "target 2021: 2,93% (RPJMD Kabupaten Banjar) — belum tercapai (realisasi 3,04%)"
    assert status_target(_targets(), "p0", 2021, 2.80).tercapai is True
    assert status_target(_targets(), "p0", 2021, 2.930000001).tercapai is True  # float noise is not a miss
    assert "dikutip pejabat" in t.catatan_sumber and "sekitar 2,93 persen" in t.catatan_sumber


def test_no_target_and_no_realisation_are_said_plainly():
    assert status_target(_targets(), "p0", 2024, 2.36).teks == "belum ada target untuk 2024"
    t = status_target(_targets(), "p0_ekstrem", 2024, None)
    assert t.tercapai is None and t.teks == "target 2024: 0% (Inpres 4/2022) — belum ada angka realisasi 2024"


@pytest.mark.parametrize(("teks", "harap"), [("RPJMD Kabupaten Banjar (periode s.d. 2021)", "RPJMD Kabupaten Banjar"),
                                             ("", "dokumen tidak disebut"), (None, "dokumen tidak disebut")])
def test_short_document_names(teks, harap):
    assert dokumen_singkat(teks) == harap


def test_table_for_the_workbook():
    bps = pd.DataFrame({"tahun": [2021, 2024], "kode_wilayah": ["63.03", "63.03"], "p0": [3.04, 2.36],
                        "p0_ekstrem": [None, None]})
    t = target_realisasi(_targets(), bps).set_index(["Tahun", "Indikator"])
    assert t.loc[(2021, "Persentase penduduk miskin (P0)"), "Status"] == "belum tercapai"
    assert t.loc[(2026, "Persentase penduduk miskin (P0)"), "Status"] == "belum ada angka realisasi"
    assert pd.isna(t.loc[(2024, "Persentase penduduk miskin ekstrem"), "Realisasi"])


def test_the_direction_comes_from_the_catalogue():
    # garis_kemiskinan is "higher is not worse" in the catalogue: a target is met by reaching it, not staying under
    assert StatusTarget("garis_kemiskinan", 2024, 600000.0, 589164.0).tercapai is False
    assert StatusTarget("garis_kemiskinan", 2024, 600000.0, 610000.0).tercapai is True


def test_a_target_is_shown_at_the_precision_its_document_states():
    # review finding 12: the Inpres target of 0% read "0,00%", like a measured figure
    from tkpk.tren.target import teks_target

    assert teks_target(0.0, "%") == "0%"
    assert teks_target(2.93, "%") == "2,93%"
    assert teks_target(2.9, "%") == "2,9%"
    assert teks_target(2.935, "%") == "2,94%"
    assert teks_target(14000.0, "jiwa") == "14.000 jiwa"
