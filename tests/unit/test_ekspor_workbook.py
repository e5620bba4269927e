"""Workbook cells: formula injection neutralised, numbers stay numbers with id-ID-looking formats."""

import io

import openpyxl
import pandas as pd
from openpyxl import Workbook

from tkpk.ekspor import workbook


def _lembar(df: pd.DataFrame):
    wb = Workbook()
    wb.remove(wb.active)
    workbook.tulis_lembar(wb, "Uji", df, judul_baris="Uji — Kabupaten Banjar 2024")
    buf = io.BytesIO()
    wb.save(buf)
    return openpyxl.load_workbook(io.BytesIO(buf.getvalue()))["Uji"]


def test_formula_text_is_neutralised_and_numbers_keep_formats():
    df = pd.DataFrame({"Program": ["=HYPERLINK(\"http://x\")", "@SUM(A1)", "Bedah rumah"],
                       "Pagu (Rp)": [1_250_000_000.0, 5.0, None], "Serapan (%)": [73.17, 0.0, None],
                       "Penerima": [10, 20, 30]})
    ws = _lembar(df)
    # row 1 is the sheet's title row, row 2 the header, data from row 3
    assert ws["A1"].value == "Uji — Kabupaten Banjar 2024" and ws["A2"].value == "Program"
    assert ws["A3"].value == "'=HYPERLINK(\"http://x\")" and ws["A3"].data_type == "s"
    assert ws["A4"].value == "'@SUM(A1)"
    assert ws["B3"].value == 1_250_000_000 and ws["B3"].number_format == '"Rp"#,##0'
    assert ws["C3"].number_format == '0.00"%"'
    assert ws["D3"].number_format == "#,##0"
    assert ws["B5"].value is None
    assert ws.freeze_panes == "A3"


def test_numbers_are_written_at_the_precision_their_format_shows():
    df = pd.DataFrame({"Serapan (%)": [4.255532862356447], "Penerima": [29867.0], "Pagu (Rp)": [1234.6],
                       "Skor komposit (0-100)": [87.46]})
    ws = _lembar(df)
    assert ws["A3"].value == 4.26 and ws["B3"].value == 29867 and isinstance(ws["B3"].value, int)
    assert ws["C3"].value == 1235 and ws["D3"].value == 87.5


def test_number_formats_by_column_name():
    assert workbook._format_kolom("P0 (%)") == '0.00"%"'
    assert workbook._format_kolom("Garis kemiskinan (Rp/kapita/bulan)") == '"Rp"#,##0'
    assert workbook._format_kolom("P1") == "0.000"
    assert workbook._format_kolom("Penduduk miskin (jiwa)") == "#,##0"
    assert workbook._format_kolom("Nama") is None
