"""Drawing text and tables from files and users safely, and failures without internals.

- :func:`tabel`: ``st.dataframe`` of a frame neutralised like the exports, so the toolbar's "Download as CSV"
  never hands Excel a formula (:func:`tkpk.teks_aman.tabel`); a missing value reads "–" (:data:`KOSONG`), not
  the "None" Streamlit's grid draws by default.
- :func:`md`: re-exported Markdown escaping for messages that quote a cell, a file name or a user.
- :func:`galat_internal`: the one message for a failure we did not foresee: "galat internal" with a short
  reference id, the same id beside the full traceback in the server log. Never a path or an English library
  message on screen.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from tkpk.galat import pesan_internal, rujukan
from tkpk.teks_aman import html, md
from tkpk.teks_aman import tabel as netral

__all__ = ["galat_internal", "html", "md", "pesan_internal", "rujukan", "tabel"]

KOSONG = "–"  # what a missing value reads in every table


def tabel(df: pd.DataFrame, **opsi: Any) -> None:
    st.dataframe(netral(df), **{"placeholder": KOSONG, **opsi})


def galat_internal(exc: BaseException | None, konteks: str, akibat: str = "") -> str:
    """Show the "galat internal" message for ``exc`` and return its reference id."""
    ref = rujukan(exc, konteks)
    st.error(pesan_internal(ref, akibat))
    return ref
