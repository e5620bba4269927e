"""Downloads that open safely in Excel: text cells that start like a formula are neutralised.

A cell such as ``=HYPERLINK(...)`` typed by an OPD would run as a formula on the next analyst's PC; a leading
apostrophe makes Excel show it as text. Numeric columns are left alone so negative numbers stay numbers.
"""

from __future__ import annotations

import pandas as pd

AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")


def netralkan_teks(nilai: object) -> object:
    if isinstance(nilai, str) and nilai.startswith(AWALAN_RUMUS):
        return "'" + nilai
    return nilai


def netralkan_rumus(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with text columns neutralised; numbers, dates and booleans unchanged."""
    out = frame.copy()
    for kolom in out.columns:
        s = out[kolom]
        if pd.api.types.is_numeric_dtype(s) or pd.api.types.is_bool_dtype(s) or pd.api.types.is_datetime64_any_dtype(s):
            continue
        out[kolom] = s.map(netralkan_teks, na_action="ignore")
    return out
