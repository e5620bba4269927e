"""The shared "unduh data" widget: CSV and XLSX of exactly the DataFrame a chart shows.

Why callables: the files are built when someone clicks (``st.download_button`` accepts a callable as ``data``),
not on every rerun; writing an XLSX took a fifth of a page rerun (bench/RESULTS.md).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from types import ModuleType
from typing import Any

import pandas as pd
import streamlit as st

from tkpk.data_tahun import keadaan_data
from tkpk.label import dengan_sumber
from tkpk.ui.cache import baca
from tkpk.ui.sidik import sidik
from tkpk.unduh import aman, ke_csv, ke_xlsx


def tombol_unduh(df: pd.DataFrame, nama_berkas: str, key: str, *, sampel: bool | None = None,
                 asal: str = "") -> None:
    """Two download buttons side by side; ``nama_berkas`` without extension (e.g. ``tren_p0_banjar``).

    Every file carries a ``Sumber data`` column (:func:`tkpk.label.dengan_sumber`): the DATA CONTOH label when
    ``sampel`` (None = read it from the frame), ``asal`` and the store state (newest batch and its date).
    """
    df = dengan_sumber(df, sampel, baca(keadaan_data), asal)
    c1, c2, _ = st.columns([1, 1, 4])
    c1.download_button(
        "⬇️ Unduh data (CSV)", lambda: ke_csv(df), file_name=f"{nama_berkas}.csv", mime="text/csv",
        key=f"{key}_csv", on_click="ignore", help="Untuk Excel berbahasa Indonesia: pemisah titik koma, desimal koma.",
    )
    c2.download_button(
        "⬇️ Unduh data (XLSX)", lambda: ke_xlsx(df), key=f"{key}_xlsx", file_name=f"{nama_berkas}.xlsx",
        on_click="ignore",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


_SEDERHANA = (str, int, float, bool, type(None))


def _tanda(fn: Callable[..., Any]) -> tuple | None:
    """What a cell formatter computes, for the cache key, or None when that cannot be told from the function.

    Why not the function itself: Streamlit keys functions by ``id()``, and a page's inline lambdas are new objects
    on every rerun (a miss) whose ids may be reused (a wrong hit). So: a function from a ``tkpk`` module is known
    by its name and code; a page's lambda by its code, constants, and the values it closes over or reads from the
    page, provided each is a scalar, a module or a ``tkpk`` function (a lambda reading, say, a page's DataFrame
    returns None and its table is drawn uncached); ``functools.partial`` by its function and arguments.
    """
    if isinstance(fn, partial):
        inti = _tanda(fn.func)
        argumen = (*fn.args, *fn.keywords.values())
        if inti is None or not all(isinstance(a, _SEDERHANA) for a in argumen):
            return None
        return ("partial", inti, fn.args, tuple(sorted(fn.keywords.items())))
    kode = getattr(fn, "__code__", None)
    if kode is None:
        return None
    sel = tuple(_nilai_kunci(c.cell_contents) for c in (fn.__closure__ or ()))
    if None in sel:
        return None
    glob: tuple = ()
    if not fn.__module__.startswith("tkpk."):
        glob = tuple((n, _nilai_kunci(fn.__globals__[n])) for n in kode.co_names if n in fn.__globals__)
        if any(k is None for _, k in glob):
            return None
    return (fn.__module__, fn.__qualname__, kode.co_code, repr(kode.co_consts), kode.co_names, sel, glob,
            repr(fn.__defaults__))


def _nilai_kunci(v: object) -> tuple | None:
    """A value a formatter reads, as a key part: scalars by value, modules and ``tkpk`` functions by name."""
    if isinstance(v, _SEDERHANA):
        return ("nilai", v)
    if isinstance(v, ModuleType):
        return ("modul", v.__name__)
    modul = getattr(v, "__module__", None) or ""
    if callable(v) and modul.startswith("tkpk."):
        return ("fungsi", modul, getattr(v, "__qualname__", repr(v)))
    return None


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


def tabel_angka(df: pd.DataFrame, format_kolom: dict[str, Callable[[object], str]],
                css: tuple[str, Callable[[object], str]] | None = None, **opsi: Any) -> None:
    """A sortable table: cells show id-ID text (Styler) while sorting uses the numbers underneath; ``css`` is
    (column, cell -> CSS) for a coloured status column.

    Why cached: Streamlit turns a Styler into display values one column at a time (~1 ms a column on pandas 3),
    so a page of four tables spent half its rerun there (bench/RESULTS.md). ``st.cache_data`` replays the drawn
    table when the same frame comes back with the same formats, which is every rerun that did not change it.
    """
    tanda = [_tanda(f) for f in [*format_kolom.values(), *([css[1]] if css else [])]]
    if any(t is None for t in tanda):
        _gambar_tabel(df, opsi, format_kolom, css)  # a formatter reads page state: draw it afresh
        return
    kunci = sidik(df, tuple(format_kolom), tanda, css[0] if css else None, sorted(opsi.items()))
    _tabel_tersimpan(kunci, df, opsi, format_kolom, css)
