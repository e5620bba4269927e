"""Download files of exactly the table a chart shows: CSV for Excel on Indonesian PCs, and XLSX.

Why these choices:
- CSV is UTF-8 with a byte-order mark, so Excel reads "Aluh–Aluh" and "Rp" correctly instead of guessing a
  code page; it is ``;``-separated with decimal commas, the format Excel expects on an id-ID PC (a ``,``-separated
  file would land in one column there). XLSX carries real numbers and opens the same in any locale.
- Spreadsheet formula injection (CSV/XLSX injection): a text cell beginning with ``=``, ``+``, ``-`` or ``@``
  (or a tab/carriage return) is executed as a formula by Excel. Uploaded program names and notes end up in these
  files, so such text gets a leading apostrophe. Numbers stay numbers: a negative change is still ``-0,08``.
"""

from __future__ import annotations

import io
import math
from typing import Any

import pandas as pd

from tkpk.ingest.keamanan import netralkan_teks as _netralkan


def bulat(nilai: pd.Series, desimal: int = 0) -> pd.Series:
    """A number column at the precision the screen shows: whole numbers become ``Int64`` (``29867``, not
    ``29867,0``), the rest is rounded, so a download never carries ``4,255532862356447`` where the table said
    ``4,3%``."""
    x = pd.to_numeric(nilai, errors="coerce").astype("float64").round(desimal)
    return x.astype("Int64") if desimal == 0 else x


def aman(df: pd.DataFrame) -> pd.DataFrame:
    """A copy with dangerous text cells neutralised; numeric columns untouched."""
    out = df.copy()
    for kol in out.columns:
        if not pd.api.types.is_numeric_dtype(out[kol]) and not pd.api.types.is_bool_dtype(out[kol]):
            out[kol] = out[kol].map(_netralkan).astype(object)
    out.columns = [_netralkan(str(c)) for c in out.columns]
    return out


def ke_csv(df: pd.DataFrame) -> bytes:
    """``;``-separated, decimal comma, UTF-8 with BOM."""
    teks = aman(df).to_csv(index=False, sep=";", decimal=",", lineterminator="\r\n")
    return teks.encode("utf-8-sig")


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
        lebar = max([len(str(kol))] + [len(str(v)) for v in data.iloc[:, i - 1].head(200)])
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = min(60, lebar + 2)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
