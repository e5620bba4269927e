"""The shared "unduh data" widget: CSV and XLSX of exactly the DataFrame a chart shows.

Why callables: the files are built when someone clicks (``st.download_button`` accepts a callable as ``data``),
not on every rerun; writing an XLSX took a fifth of a page rerun (bench/RESULTS.md).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FunctionType
from typing import Any

import pandas as pd
import streamlit as st

from tkpk import fmt
from tkpk.label import dengan_sumber
from tkpk.toko.tahun import keadaan_data
from tkpk.ui.cache import baca
from tkpk.ui.sidik import sidik
from tkpk.unduh import aman, ke_csv, ke_xlsx


def tombol_unduh(df: pd.DataFrame, nama_berkas: str, key: str, *, sampel: bool | None = None,
                 asal: str = "") -> None:
    """Two download buttons side by side; ``nama_berkas`` without extension (e.g. ``tren_p0_banjar``).

    Every file carries a ``Sumber data`` column (:func:`tkpk.label.dengan_sumber`): the DATA CONTOH label when
    ``sampel`` (None = read it from the frame), ``asal`` and the store state (newest batch and its date) of the
    run that drew the button. The column is added on click, with the file, not on every rerun.
    """
    keadaan = baca(keadaan_data)

    def berkas() -> pd.DataFrame:
        return dengan_sumber(df, sampel, keadaan, asal)

    # a row as wide as its two buttons: in columns of a sixth of the page each, the labels were cut to "⬇️ Unduh
    # dat…" on a laptop screen, the CSV and XLSX buttons no longer told apart
    baris = st.container(horizontal=True)
    baris.download_button(
        "⬇️ Unduh data (CSV)", lambda: ke_csv(berkas()), file_name=f"{nama_berkas}.csv", mime="text/csv",
        key=f"{key}_csv", on_click="ignore", help="Untuk Excel berbahasa Indonesia: pemisah titik koma, desimal koma.",
    )
    baris.download_button(
        "⬇️ Unduh data (XLSX)", lambda: ke_xlsx(berkas()), key=f"{key}_xlsx", file_name=f"{nama_berkas}.xlsx",
        on_click="ignore",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


Formatter = fmt.Format | Callable[[object], str]


def _fungsi_bernama(f: object, modul: str) -> bool:
    """A module-level function of ``modul`` (a package prefix), found under its own name: keyed by that name."""
    nama = getattr(f, "__qualname__", "")
    asal = getattr(f, "__module__", None) or ""
    return (isinstance(f, FunctionType) and (asal == modul or asal.startswith(modul + "."))
            and "<" not in nama and getattr(sys.modules.get(asal), nama, None) is f)


def _kunci_format(f: object) -> object | None:
    """A cell formatter as a cache key: a :class:`tkpk.fmt.Format` by its value, a plain :mod:`tkpk.fmt` function
    by its name; anything else (a lambda, a closure, a ``partial``) has no value to key by and returns None."""
    if isinstance(f, fmt.Format):
        return f
    if _fungsi_bernama(f, "tkpk.fmt"):
        return f"{f.__module__}.{f.__qualname__}"  # type: ignore[attr-defined]
    return None


def _kunci_css(f: object) -> str | None:
    """A cell-style function as a cache key: a named module-level ``tkpk`` function by its name, else None."""
    return f"{f.__module__}.{f.__qualname__}" if _fungsi_bernama(f, "tkpk") else None  # type: ignore[attr-defined]


def _gambar_tabel(df: pd.DataFrame, opsi: dict[str, Any], format_kolom: dict[str, Any],
                  css: tuple[str, Callable[[object], str]] | None) -> None:
    # A column of counts beside "< 5"/"disamarkan" holds numbers and text (so the files keep numbers); Arrow
    # cannot carry mixed types (Streamlit would log a traceback and convert it anyway), so the screen gets the
    # column already formatted as text.
    campur = [c for c in format_kolom if c in df.columns and df[c].dtype == object]
    if campur:
        df = df.assign(**{c: [format_kolom[c](x) if x is not None and not pd.isna(x) else None for x in df[c]]
                          for c in campur})
        format_kolom = {c: f for c, f in format_kolom.items() if c not in campur}
    # text cells neutralised as the exports are: the toolbar's "Download as CSV" must not carry formulas
    gaya = aman(df).style.format(format_kolom, na_rep="–")
    if css:
        gaya = gaya.map(css[1], subset=[css[0]])
    st.dataframe(gaya, hide_index=True, **{"placeholder": "–", **opsi})


@st.cache_data(max_entries=256, show_spinner=False)
def _tabel_tersimpan(kunci: str, _df: pd.DataFrame, _opsi: dict[str, Any], _format: dict[str, Any],
                     _css: tuple[str, Callable[[object], str]] | None) -> None:
    _gambar_tabel(_df, _opsi, _format, _css)


def tabel_angka(df: pd.DataFrame, format_kolom: dict[str, Formatter],
                css: tuple[str, Callable[[object], str]] | None = None, **opsi: Any) -> None:
    """A sortable table: cells show id-ID text (Styler) while sorting uses the numbers underneath; ``css`` is
    (column, cell -> CSS) for a coloured status column.

    Formats are :class:`tkpk.fmt.Format` specs (``fmt.PERSEN_1``, ``tren.format_nilai(satuan)``) or plain
    :mod:`tkpk.fmt` functions; ``css`` is a named module-level function (``tkpk.pilar.tabel.css_status``).

    Why cached: Streamlit turns a Styler into display values one column at a time (~1 ms a column on pandas 3),
    so a page of four tables spent half its rerun there (bench/RESULTS.md). ``st.cache_data`` replays the drawn
    table when the same frame comes back with the same formats, which is every rerun that did not change it;
    the formats are part of the key by value, so a spec is never mistaken for another.

    Any other formatter (a lambda, a closure) has no value to key the cache by and is refused with a TypeError.
    """
    kunci_format = [_kunci_format(f) for f in format_kolom.values()]
    kunci_css = _kunci_css(css[1]) if css else None
    if None in kunci_format or (css and kunci_css is None):
        salah = [c for c, k in zip(format_kolom, kunci_format, strict=True) if k is None]
        raise TypeError(f"tabel_angka: formats of {salah or [css[0] if css else '']} must be tkpk.fmt.Format specs "
                        "or tkpk.fmt functions (and css a named tkpk function), not lambdas or closures")
    kunci = sidik(df, tuple(format_kolom), kunci_format, (css[0], kunci_css) if css else None, sorted(opsi.items()))
    _tabel_tersimpan(kunci, df, opsi, format_kolom, css)
