"""A line that splices real and sample years says so; a line of one kind says nothing."""

import pandas as pd

from tkpk.tren.seri_campuran import keterangan_campuran, rentang_tahun


def test_year_ranges():
    assert rentang_tahun([2018, 2019, 2022, 2023, 2024]) == "2018–2019, 2022–2024"
    assert rentang_tahun([2020]) == "2020" and rentang_tahun([]) == ""


def test_mixed_series_are_named_with_their_years():
    d = pd.DataFrame({"nama": ["A"] * 4 + ["B"] * 2, "tahun": [2019, 2020, 2021, 2022, 2020, 2021],
                      "nilai": [1, 2, 3, None, 5, 6], "sampel": [True, False, False, True, True, True]})
    teks = keterangan_campuran(d, kunci="nama")
    assert "A: angka nyata 2020–2021, DATA CONTOH (sintetis) 2019" in teks
    assert "B:" not in teks  # all sample: nothing spliced
    assert keterangan_campuran(d[d["nama"] == "B"], kunci="nama") == ""
