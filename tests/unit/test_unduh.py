"""Download files: Excel-friendly CSV and XLSX of exactly the chart's table, with formula injection neutralised."""

import io

import pandas as pd
from openpyxl import load_workbook

from tkpk.unduh import aman, ke_csv, ke_xlsx

DF = pd.DataFrame({
    "Wilayah": ["Aluh Aluh", "=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "Kota–Banjarbaru"],
    "Nilai": [2.36, -0.08, 14461.0, None, 0.5, 3.0],
    "Tahun": [2024, 2024, 2023, 2022, 2021, 2020],
})


def test_dangerous_text_gets_an_apostrophe_and_numbers_stay_numbers():
    a = aman(DF)
    assert a["Wilayah"].tolist()[1:5] == ["'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)"]
    assert a["Wilayah"].iloc[0] == "Aluh Aluh"
    assert a["Nilai"].iloc[1] == -0.08 and pd.api.types.is_numeric_dtype(a["Nilai"])


def test_csv_has_bom_semicolons_and_decimal_commas():
    raw = ke_csv(DF)
    assert raw.startswith(b"\xef\xbb\xbf")
    teks = raw.decode("utf-8-sig")
    assert teks.splitlines()[0] == "Wilayah;Nilai;Tahun"
    assert "Aluh Aluh;2,36;2024" in teks
    assert "'=HYPERLINK" in teks and "Kota–Banjarbaru" in teks
    back = pd.read_csv(io.BytesIO(raw), sep=";", decimal=",", encoding="utf-8-sig")
    assert back["Nilai"].iloc[0] == 2.36 and back["Tahun"].iloc[2] == 2023


def test_xlsx_holds_numbers_as_numbers_and_text_as_text():
    wb = load_workbook(io.BytesIO(ke_xlsx(DF)))
    ws = wb.active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("Wilayah", "Nilai", "Tahun")
    assert rows[1] == ("Aluh Aluh", 2.36, 2024)
    assert rows[2][0] == "'=HYPERLINK(\"http://x\")" and rows[2][1] == -0.08
    assert rows[4][1] is None  # a missing value is an empty cell
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)  # no formulas at all
