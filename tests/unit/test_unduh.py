"""Download files: Excel-friendly CSV and XLSX of exactly the chart's table, with formula injection neutralised."""

import csv
import io
import re
import unicodedata

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as hst
from openpyxl import load_workbook

from tkpk.unduh import aman, ke_csv, ke_xlsx, netral_sel

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


# --- finding 1 of the review: invisible characters before "=", and characters that start a new cell -------------

TAK_TAMPAK = ["\ufeff", "\u200b", "\u200e", "\u2060", "\u00a0", " ", "\x00", "\x1b", "\u0085", "\u2028"]
PEMICU = ["=", "+", "-", "@", "\uff1d"]
PEMISAH_EXCEL = re.compile(r"[;,\t\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")  # list separators and line breaks


def _awal_terlihat(sel: str) -> str:
    """The cell as a spreadsheet starts reading it: leading invisible, format, control and space characters gone."""
    i = 0
    while i < len(sel) and (sel[i].isspace() or unicodedata.category(sel[i]) in ("Cc", "Cf", "Zs", "Zl", "Zp")):
        i += 1
    return sel[i:]


def _bisa_jadi_rumus(teks: str) -> list[str]:
    """Every piece of ``teks`` that some spreadsheet could read as its own cell (split at any list separator or
    line break an exporter might leave unquoted) and that starts, past invisible characters, with a formula sign."""
    return [p for p in PEMISAH_EXCEL.split(teks) if _awal_terlihat(p)[:1] in PEMICU]


@pytest.mark.parametrize("depan", TAK_TAMPAK)
@pytest.mark.parametrize("pemicu", PEMICU)
def test_invisible_characters_before_a_formula_do_not_hide_it(depan: str, pemicu: str) -> None:
    sel = f"{depan}{pemicu}cmd|' /C calc'!A0"
    hasil = netral_sel(sel)
    assert _bisa_jadi_rumus(hasil) == [], repr(hasil)
    kendali_jadi_spasi = re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", " ", sel)
    assert hasil.replace("'", "", 1) == kendali_jadi_spasi, "only an apostrophe added"


@pytest.mark.parametrize("pemisah", ["\r", "\n", "\r\n", "\t", "\x0b", "\x0c", "\x1e", "\u2028", "\u0085", ";", ","])
def test_a_cell_cannot_start_a_new_cell_with_a_formula(pemisah: str) -> None:
    sel = f"Bantuan{pemisah}=cmd|' /C calc'!A0"
    hasil = netral_sel(sel)
    assert _bisa_jadi_rumus(hasil) == [], repr(hasil)
    assert not re.search(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", hasil), "no control character or line break left"
    assert hasil.startswith("Bantuan") and "=cmd|' /C calc'!A0" in hasil


def test_ordinary_text_is_unchanged() -> None:
    for teks in ["PBI JK", "Aluh–Aluh, Gambut; Martapura", "Rp1.234.567", "2,36%", "Kec. A - Kec. B", "e-KTP"]:
        assert netral_sel(teks) == teks


@given(hst.text(max_size=60))
def test_no_piece_of_any_text_can_run_as_a_formula(teks: str) -> None:
    hasil = netral_sel(teks)
    assert _bisa_jadi_rumus(hasil) == [], repr(hasil)
    assert netral_sel(hasil) == hasil, "neutralising twice changes nothing"


def test_streamlit_toolbar_csv_of_a_neutralised_frame_has_no_formula_cell() -> None:
    """Streamlit's exporter (DataFrame.js, useDataExporter) quotes only cells holding ',', '"' or '\\n' and ends rows
    with '\\n'; Excel on an id-ID PC splits at ';'. Rebuilt here on the neutralised frame, parsed both ways."""
    df = pd.DataFrame({"Berkas": ["\ufeff=cmd|' /C calc'!A0.csv", "biasa.csv"],
                       "Program": ["Bantuan\r=cmd|' /C calc'!A0", "Sembako;@SUM(1)"], "Pagu": [1.0, -2.0]})

    def sel_streamlit(v: object) -> str:
        t = str(v)
        return '"' + t.replace('"', '""') + '"' if re.search(r'[,"\n]', t) else t

    a = aman(df)
    teks = "".join(",".join(sel_streamlit(v) for v in baris) + "\n"
                   for baris in [list(a.columns), *a.itertuples(index=False)])
    for pemisah in (",", ";"):
        sel = [c for baris in csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah) for c in baris]
        rumus = [c for c in sel if _awal_terlihat(c)[:1] in PEMICU and c != "-2.0"]  # a number stays a number
        assert rumus == [], (pemisah, sel)
    assert a["Pagu"].tolist() == [1.0, -2.0]


def test_whole_numbers_never_carry_a_decimal_part_and_counts_beside_hidden_cells_stay_numbers():
    # review finding 9: "29867,0" in a CSV; counts beside "< 5" stored as text in the XLSX
    df = pd.DataFrame({"Tahun": [2024, 2024, 2024], "Jiwa": [29867.0, 1234.0, None],
                       "Persen (%)": [4.26, 3.1, None], "Penerima": [1234, "< 5", 2.5]})
    teks = ke_csv(df).decode("utf-8-sig")
    baris = list(csv.reader(io.StringIO(teks), delimiter=";"))
    assert baris[1] == ["2024", "29867", "4,26", "1234"]
    assert baris[2] == ["2024", "1234", "3,1", "< 5"]
    assert baris[3] == ["2024", "", "", "2,5"]
    ws = load_workbook(io.BytesIO(ke_xlsx(df))).active
    assert ws["D2"].value == 1234 and ws["D2"].data_type == "n" and ws["D2"].number_format == "#,##0.0"
    assert ws["D3"].value == "< 5" and ws["D3"].data_type == "s"
    assert ws["B2"].value == 29867 and ws["B2"].number_format == "#,##0"
    assert ws["C2"].number_format == "#,##0.00"
    assert ws["A2"].number_format == "0"   # a year is not 2.024
