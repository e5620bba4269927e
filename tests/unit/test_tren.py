"""Pure helpers of tkpk.tren.data: short names and sources, id-ID value text, year grids and kecamatan summaries."""

import math

import pandas as pd
import pytest

from tkpk import SUMBER_CONTOH
from tkpk.tren import data as tren


@pytest.mark.parametrize(("nama", "pendek"), [
    ("Kabupaten Banjar", "Banjar"), ("Kota Banjarbaru", "Kota Banjarbaru"),
    ("Provinsi Kalimantan Selatan", "Kalsel (provinsi)"), ("Kabupaten Hulu Sungai Selatan", "Hulu Sungai Selatan"),
])
def test_nama_pendek(nama, pendek):
    assert tren.nama_pendek(nama) == pendek


def test_sumber_ringkas_drops_urls_and_second_sources():
    teks = 'BPS: riceknews.id, "Angka" (Plt Kepala BPS) https://riceknews.id/x | cross-check: databoks'
    assert tren.sumber_ringkas(teks) == 'BPS: riceknews.id, "Angka" (Plt Kepala BPS)'
    assert tren.sumber_ringkas(SUMBER_CONTOH + "; BPS penduduk") == SUMBER_CONTOH
    assert tren.sumber_ringkas(None) == "tidak ada data"
    assert len(tren.sumber_ringkas("x" * 300)) == 90


@pytest.mark.parametrize(("x", "satuan", "teks"), [
    (2.36, "%", "2,36%"), (14461, "jiwa", "14.461 jiwa"), (589164, "Rp/kapita/bulan", "Rp589.164"),
    (0.326, "indeks", "0,326"), (float("nan"), "%", "tidak ada data"), (None, "jiwa", "tidak ada data"),
])
def test_teks_nilai_is_indonesian(x, satuan, teks):
    assert tren.teks_nilai(x, satuan) == teks


def test_teks_perubahan_uses_poin_for_shares_and_signs_for_counts():
    assert tren.teks_perubahan(-0.08, "%") == "−0,08 poin"
    assert tren.teks_perubahan(1200, "KK") == "+1.200"
    assert tren.teks_perubahan(-5, "jiwa") == "−5"
    assert tren.teks_perubahan(float("nan"), "%") == "–"


def test_grid_keeps_missing_years_as_null_rows():
    df = pd.DataFrame({"tahun": [2014, 2016], "kode_wilayah": ["63.03"] * 2, "nama": ["Kabupaten Banjar"] * 2,
                       "nilai": [2.74, 3.10], "sumber": ["a", "b"]})
    g = tren._grid(df, range(2014, 2017), ["kode_wilayah", "nama"])
    assert g["tahun"].tolist() == [2014, 2015, 2016]
    assert math.isnan(g.loc[g["tahun"] == 2015, "nilai"].iloc[0])  # a gap, not an interpolated 2.92


def test_kecamatan_summary_latest_one_year_and_period_change():
    data = pd.DataFrame({
        "tahun": [2018, 2019, 2020, 2018, 2019, 2020],
        "kode_wilayah": ["a"] * 3 + ["b"] * 3, "nama": ["A"] * 3 + ["B"] * 3,
        "nilai": [5.0, 4.0, 3.5, 1.0, 2.0, float("nan")],
    })
    r = tren._ringkas_kecamatan(data).set_index("kode_wilayah")
    assert r.loc["a", "terakhir"] == 3.5 and r.loc["a", "ubah_1_tahun"] == -0.5 and r.loc["a", "ubah_periode"] == -1.5
    # B's latest value is 2019: the one-year change is against 2018, the period starts in 2018
    assert r.loc["b", "tahun_terakhir"] == 2019 and r.loc["b", "ubah_1_tahun"] == 1.0
    assert tren._ringkas_kecamatan(data)["kode_wilayah"].tolist() == ["a", "b"]  # highest latest value first


def test_one_year_change_is_missing_when_the_previous_year_is():
    data = pd.DataFrame({"tahun": [2018, 2019, 2020], "kode_wilayah": ["a"] * 3, "nama": ["A"] * 3,
                         "nilai": [5.0, float("nan"), 3.0]})
    r = tren._ringkas_kecamatan(data).iloc[0]
    assert pd.isna(r["ubah_1_tahun"]) and r["ubah_periode"] == -2.0
