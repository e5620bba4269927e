"""Targeting ratios: known answers, one unit at a time, zero need, desa → kecamatan roll-up, untouched pockets."""

import math

import pandas as pd
import pytest

from tkpk.peta.sasaran import kode_kecamatan, tepat_sasaran


def _kebutuhan() -> pd.DataFrame:
    return pd.DataFrame({
        "kode": ["63.03.01", "63.03.02", "63.03.03", "63.03.04", "63.03.05"],
        "nama": ["Aluh Aluh", "Kertak Hanyar", "Gambut", "Sungai Tabuk", "Martapura"],
        "jiwa_desil_1_4": [2000.0, 500.0, 0.0, 1000.0, 4000.0],
        "kk_desil_1": [400.0, 100.0, 0.0, 250.0, 1000.0],
    })


def _intervensi() -> pd.DataFrame:
    return pd.DataFrame({
        "kode_wilayah": ["63.03.01.2001", "63.03.01.2002", "63.03.01", "63.03.02.2003", "63.03.05",
                         "63.03.05.2010", "63.03.05.2011", "63.03.05.2012", None, "63.99.01"],
        "pagu": [1_000_000, 3_000_000, 2_000_000, 500_000, 4_000_000, 1_000_000, None, 1_000_000, 9e9, 5.0],
        "realisasi": [900_000, 3_000_000, 1_000_000, None, 4_000_000, 1_000_000, None, 500_000, 9e9, 5.0],
        "penerima": [10, 30, 20, 5, 40, 10, 10, 10, 1000, 1],
    })


def test_per_person_ratios_with_known_answers_and_rollup():
    h = tepat_sasaran(_kebutuhan(), _intervensi(), satuan="jiwa", tingkat="kecamatan")
    t = h.tabel.set_index("kode")
    # Aluh Aluh: two desa rows + one kecamatan row = 3 interventions, Rp6 juta, for 2.000 poor persons.
    assert t.loc["63.03.01", "jumlah_intervensi"] == 3
    assert t.loc["63.03.01", "pagu"] == 6_000_000
    assert t.loc["63.03.01", "intervensi_per_1000"] == pytest.approx(1.5)
    assert t.loc["63.03.01", "pagu_per_unit"] == pytest.approx(3000)
    assert t.loc["63.03.01", "intervensi_per_1000_teks"] == "1,50 per 1.000 jiwa desil 1–4"
    assert t.loc["63.03.01", "pagu_per_unit_teks"] == "Rp3.000 per jiwa desil 1–4"
    # Martapura: a NULL pagu is not counted as 0 in the sum but the row still counts as an intervention.
    assert t.loc["63.03.05", "jumlah_intervensi"] == 4 and t.loc["63.03.05", "pagu"] == 6_000_000
    assert t.loc["63.03.05", "intervensi_per_1000"] == pytest.approx(1.0)
    assert t.loc["63.03.05", "realisasi_per_unit"] == pytest.approx(5.5e6 / 4000)
    assert t.loc["63.03.04", "jumlah_intervensi"] == 0 and t.loc["63.03.04", "pagu"] == 0
    assert (t["satuan"] == "jiwa").all()
    assert h.label_rasio == "Intervensi per 1.000 jiwa desil 1–4" and h.label_pagu == "Pagu per jiwa desil 1–4 (Rp)"
    # Kabupaten-wide rows and codes outside Banjar are reported, never spread over places.
    lepas = h.tidak_terpetakan.set_index("alasan")
    assert lepas.loc["se-kabupaten (tanpa lokasi)", "pagu"] == 9e9
    assert lepas.loc["kode di luar daftar wilayah", "jumlah_intervensi"] == 1
    assert t["pagu"].sum() + h.tidak_terpetakan["pagu"].sum() == pytest.approx(_intervensi()["pagu"].sum())


def test_per_household_uses_households_only():
    jiwa = tepat_sasaran(_kebutuhan(), _intervensi(), satuan="jiwa").tabel.set_index("kode")
    kk = tepat_sasaran(_kebutuhan(), _intervensi(), satuan="KK")
    t = kk.tabel.set_index("kode")
    assert (t["satuan"] == "KK").all() and (t["kebutuhan"] == _kebutuhan().set_index("kode")["kk_desil_1"]).all()
    assert t.loc["63.03.01", "intervensi_per_1000"] == pytest.approx(3 / 400 * 1000)
    assert t.loc["63.03.01", "pagu_per_unit"] == pytest.approx(6_000_000 / 400)
    assert t.loc["63.03.01", "pagu_per_unit_teks"] == "Rp15.000 per KK desil 1"
    assert kk.label_rasio == "Intervensi per 1.000 KK desil 1" and "jiwa" not in kk.label_pagu
    assert jiwa.loc["63.03.01", "pagu_per_unit"] != t.loc["63.03.01", "pagu_per_unit"]


def test_units_can_not_be_mixed():
    with pytest.raises(ValueError, match="satuan"):
        tepat_sasaran(_kebutuhan(), _intervensi(), satuan="KK", kolom_kebutuhan="jiwa_desil_1_4")
    with pytest.raises(ValueError, match="satuan"):
        tepat_sasaran(_kebutuhan(), _intervensi(), satuan="jiwa", kolom_kebutuhan="kk_desil_1")
    with pytest.raises(ValueError):
        tepat_sasaran(_kebutuhan(), _intervensi(), satuan="rumah tangga")
    ok = tepat_sasaran(_kebutuhan().assign(kk_desil_1_4=1000.0), _intervensi(), satuan="KK",
                       kolom_kebutuhan="kk_desil_1_4")
    assert ok.label_kebutuhan == "KK desil 1–4"


def test_zero_need_gives_no_ratio_not_infinity():
    iv = pd.concat([_intervensi(), pd.DataFrame({"kode_wilayah": ["63.03.03.2001"], "pagu": [1e6]})])
    t = tepat_sasaran(_kebutuhan(), iv).tabel.set_index("kode")
    assert t.loc["63.03.03", "jumlah_intervensi"] == 1 and t.loc["63.03.03", "tanpa_kebutuhan"]
    assert math.isnan(t.loc["63.03.03", "intervensi_per_1000"]) and math.isnan(t.loc["63.03.03", "pagu_per_unit"])
    assert t.loc["63.03.03", "intervensi_per_1000_teks"] == "–"
    assert not any(math.isinf(x) for x in t["intervensi_per_1000"].dropna())


def test_desa_level_keeps_kecamatan_rows_apart():
    keb = pd.DataFrame({"kode": ["63.03.01.2001", "63.03.01.2002", "63.03.02.2003"], "nama": ["A", "B", "C"],
                        "jiwa_desil_1_4": [100.0, 200.0, 50.0]})
    h = tepat_sasaran(keb, _intervensi(), tingkat="desa")
    t = h.tabel.set_index("kode")
    assert t["jumlah_intervensi"].tolist() == [1, 1, 1]
    assert t.loc["63.03.01.2002", "intervensi_per_1000"] == pytest.approx(5.0)
    lepas = h.tidak_terpetakan.set_index("alasan")
    assert lepas.loc["tingkat kecamatan (tidak dapat dibagi ke desa)", "jumlah_intervensi"] == 1  # 63.03.01
    # 63.03.05 and its desa, and 63.99.01, are not among these places at all.
    assert lepas.loc["kode di luar daftar wilayah", "jumlah_intervensi"] == 5
    assert "tidak dapat dibagi" in h.deskripsi()


def test_untouched_pockets():
    # Ratios per 1.000: 1,5 / 2,0 / – / 0 / 1,0 → median over places with need = 1,25; ambang 25% = 0,3125.
    h = tepat_sasaran(_kebutuhan(), _intervensi(), kantong=["63.03.04", "63.03.01", "63.03.05"])
    assert h.median_rasio == pytest.approx(1.25) and h.ambang_rasio == pytest.approx(0.3125)
    assert h.belum_tersentuh()["kode"].tolist() == ["63.03.04"]
    lebih_ketat = tepat_sasaran(_kebutuhan(), _intervensi(), kantong=["63.03.04", "63.03.01", "63.03.05"],
                                fraksi_median=0.9)
    assert lebih_ketat.belum_tersentuh()["kode"].tolist() == ["63.03.04", "63.03.05"]
    assert not tepat_sasaran(_kebutuhan(), _intervensi()).tabel["belum_tersentuh"].any()
    assert "1,25" in h.deskripsi() and "25%" in h.deskripsi()


def test_kode_kecamatan():
    s = pd.Series(["63.03.05.2001", "63.03.05", None])
    assert kode_kecamatan(s).tolist()[:2] == ["63.03.05", "63.03.05"] and pd.isna(kode_kecamatan(s)[2])
