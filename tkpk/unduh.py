"""Download files of exactly the table a chart shows: CSV for Excel on Indonesian PCs, and XLSX.

Why these choices:
- CSV is UTF-8 with a byte-order mark, so Excel reads "Aluh–Aluh" and "Rp" correctly instead of guessing a
  code page; it is ``;``-separated with decimal commas, the format Excel expects on an id-ID PC (a ``,``-separated
  file would land in one column there). XLSX carries real numbers and opens the same in any locale.
- Spreadsheet formula injection (CSV/XLSX injection): a text cell beginning with ``=``, ``+``, ``-`` or ``@``
  is executed as a formula by Excel. Uploaded program names and notes end up in these files and in every table
  on screen (whose toolbar "Download as CSV" is Streamlit's, not ours), so :func:`netral_sel` makes each text
  cell harmless for any exporter. Numbers stay numbers: a negative change is still ``-0,08``.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from typing import Any

import pandas as pd

# Signs that start a formula: ASCII, and the full-width forms an IME types (some spreadsheets fold them to ASCII).
AWALAN_RUMUS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
# Control characters and line/paragraph separators: a bare CR or a vertical tab is a row break for some CSV
# readers, and Streamlit's exporter quotes only cells holding ",", '"' or "\n". They become a space.
_KENDALI = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# List separators (en-US Excel splits a CSV line at ",", id-ID Excel at ";"): an exporter that leaves them
# unquoted turns the text after them into a new cell.
_PEMISAH = frozenset(",;")


def _tak_tampak(ch: str) -> bool:
    """A character a reader of the cell does not see as its start: space, control, format (BOM, zero-width,
    direction marks). A browser drops a leading BOM when decoding, Excel ignores it, and a person sees none."""
    return ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp")


def netral_sel(nilai: object) -> object:
    """One text cell made harmless in any spreadsheet, whatever exporter writes it (ours, or Streamlit's toolbar).

    Control characters and line breaks become spaces; then every place a spreadsheet could start reading a cell
    (the start, and just after a "," or ";") is checked past invisible characters, and a formula sign found
    there gets an apostrophe before it, so that piece reads as text. Ordinary text is unchanged; applying it
    twice changes nothing. Non-text values are returned as they are."""
    if not isinstance(nilai, str):
        return nilai
    teks = _KENDALI.sub(" ", nilai)
    keluar: list[str] = []
    awal = True  # at a place where a cell could begin, before its first visible character
    for ch in teks:
        if awal and not _tak_tampak(ch):
            if ch in AWALAN_RUMUS:
                keluar.append("'")
            awal = False
        keluar.append(ch)
        if ch in _PEMISAH:
            awal = True
    return "".join(keluar)


def desimal_satuan(satuan: str) -> int:
    """Decimals a value in a catalogue unit is shown with (:func:`tkpk.fmt.nilai`): 2 for %, 3 for an index,
    none for counts and Rupiah."""
    return 2 if satuan == "%" else 3 if satuan == "indeks" else 0


def bulat(nilai: pd.Series, desimal: int = 0) -> pd.Series:
    """A number column at the precision the screen shows: whole numbers become ``Int64`` (``29867``, not
    ``29867,0``), the rest is rounded, so a download never carries ``4,255532862356447`` where the table said
    ``4,3%``."""
    x = pd.to_numeric(nilai, errors="coerce").astype("float64").round(desimal)
    return x.astype("Int64") if desimal == 0 else x


def aman(df: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell and header neutralised (:func:`netral_sel`); numeric columns untouched."""
    out = df.copy()
    for kol in out.columns:
        if not pd.api.types.is_numeric_dtype(out[kol]) and not pd.api.types.is_bool_dtype(out[kol]):
            out[kol] = out[kol].map(netral_sel).astype(object)
    out.columns = [netral_sel(str(c)) for c in out.columns]
    return out


def _bulat_utuh(s: pd.Series) -> pd.Series:
    """A float column whose values are all whole numbers as ``Int64`` (``29867``, never ``29867,0``)."""
    if pd.api.types.is_float_dtype(s):
        ada = s.dropna()
        if len(ada) and bool((ada == ada.round()).all()) and bool((ada.abs() < 2**53).all()):
            return s.round().astype("Int64")
    return s


def _angka_csv(x: object) -> object:
    """A number inside a text column (a count beside "< 5" cells) as id-ID CSV text: ``1234``, ``2,5``."""
    if isinstance(x, bool) or (not isinstance(x, (int, float)) and not hasattr(x, "item")):
        return x
    v = x.item() if hasattr(x, "item") else x
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return x
    if isinstance(v, float):
        if math.isnan(v):
            return None
        if v.is_integer():
            return str(int(v))
        return repr(v).replace(".", ",")
    return str(v)


def ke_csv(df: pd.DataFrame) -> bytes:
    """``;``-separated, decimal comma, UTF-8 with BOM; whole numbers without a decimal part, numbers in a
    column that also holds "< 5"/"disamarkan" written the same way as in a number column."""
    data = aman(df)
    for kol in data.columns:
        if data[kol].dtype == object:
            data[kol] = data[kol].map(_angka_csv).astype(object)
        else:
            data[kol] = _bulat_utuh(data[kol])
    teks = data.to_csv(index=False, sep=";", decimal=",", lineterminator="\r\n")
    return teks.encode("utf-8-sig")


def format_angka_xlsx(kolom: str, nilai: pd.Series) -> str | None:
    """The Excel number format of a column's numbers: thousands grouped and as many decimals as its values have
    (at most 3); Excel shows them with the reader's separators (1.234,5 on an Indonesian PC). Years stay plain."""
    if "tahun" in str(kolom).lower():
        return "0"
    angka = [float(v) for v in nilai if isinstance(v, (int, float)) and not isinstance(v, bool)
             and not (isinstance(v, float) and math.isnan(v))]
    if not angka:
        return None
    desimal = 0
    for v in angka:
        for d in range(0, 4):
            if abs(round(v, d) - v) < 1e-9:
                desimal = max(desimal, d)
                break
        else:
            desimal = 3
    return "#,##0" if desimal == 0 else "#,##0." + "0" * desimal


def _sel(x: Any) -> Any:
    """openpyxl cannot write pandas' NA or NaN; an empty cell says "no value"."""
    if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)):
        return None
    if hasattr(x, "item"):  # numpy scalars → Python numbers
        return x.item()
    return x


def ke_xlsx(df: pd.DataFrame, nama_lembar: str = "Data") -> bytes:
    """One sheet, a bold header row, real numbers; text cells are stored as text, never as formulas."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = nama_lembar[:31]
    data = aman(df)
    ws.append(list(data.columns))
    for sel in ws[1]:
        sel.font = Font(bold=True)
    for baris in data.itertuples(index=False):
        ws.append([_sel(x) for x in baris])
    for row in ws.iter_rows(min_row=1):
        for sel in row:
            if isinstance(sel.value, str):
                sel.data_type = "s"  # openpyxl would otherwise treat a leading "=" as a formula
    for i, kol in enumerate(data.columns, start=1):
        nilai = [_sel(x) for x in data.iloc[:, i - 1]]
        f = format_angka_xlsx(str(kol), pd.Series(nilai, dtype=object))
        if f is None:
            continue
        for (sel,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
            if isinstance(sel.value, (int, float)) and not isinstance(sel.value, bool):
                sel.number_format = f
    for i, kol in enumerate(data.columns, start=1):
        lebar = max([len(str(kol))] + [len(str(v)) for v in data.iloc[:, i - 1].head(200)])
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = min(60, lebar + 2)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
