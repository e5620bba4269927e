"""Workbook cells: formula injection neutralised, numbers stay numbers with id-ID-looking formats."""

import io

import openpyxl
import pandas as pd
from openpyxl import Workbook

from tkpk.ekspor import workbook


def _lembar(df: pd.DataFrame):
    wb = Workbook()
    wb.remove(wb.active)
    workbook._tulis_lembar(wb, "Uji", df)
    buf = io.BytesIO()
    wb.save(buf)
    return openpyxl.load_workbook(io.BytesIO(buf.getvalue()))["Uji"]


def test_formula_text_is_neutralised_and_numbers_keep_formats():
    df = pd.DataFrame({"Program": ["=HYPERLINK(\"http://x\")", "@SUM(A1)", "Bedah rumah"],
                       "Pagu (Rp)": [1_250_000_000.0, 5.0, None], "Serapan (%)": [73.17, 0.0, None],
                       "Penerima": [10, 20, 30]})
    ws = _lembar(df)
    assert ws["A2"].value == "'=HYPERLINK(\"http://x\")" and ws["A2"].data_type == "s"
    assert ws["A3"].value == "'@SUM(A1)"
    assert ws["B2"].value == 1_250_000_000 and ws["B2"].number_format == '"Rp"#,##0'
    assert ws["C2"].number_format == '0.00"%"'
    assert ws["D2"].number_format == "#,##0"
    assert ws["B4"].value is None
    assert ws.freeze_panes == "A2"


def test_number_formats_by_column_name():
    assert workbook._format_kolom("P0 (%)") == '0.00"%"'
    assert workbook._format_kolom("Garis kemiskinan (Rp/kapita/bulan)") == '"Rp"#,##0'
    assert workbook._format_kolom("P1") == "0.000"
    assert workbook._format_kolom("Penduduk miskin (jiwa)") == "#,##0"
    assert workbook._format_kolom("Nama") is None
