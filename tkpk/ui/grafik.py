"""Charts on a page: each chart's Vega-Lite spec is built and validated once per distinct input, then reused.

Why: building an Altair chart costs tens of milliseconds per ``encode``/``configure`` step and Streamlit
re-validates the whole spec on every rerun; on the map and trend pages that was most of a rerun (bench/). The
chart builders in :mod:`tkpk.charts` are pure functions of their arguments, so the finished spec is cached
under a digest of the pickled arguments (cheap even for 290 desa outlines, which Streamlit's own hasher walks
element by element). A cache hit therefore means the same inputs, never a stale chart.

Every page draws through :func:`tampil_grafik`; a test checks that no page calls ``st.altair_chart`` directly, because
the Altair theme and data-transformer switches below are process-global.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import nullcontext
from typing import Any, Literal

import altair as alt
import pandas as pd
import streamlit as st

from tkpk import fmt
from tkpk.charts.deskripsi import deskripsi_umum, perlu_deskripsi
from tkpk.charts.tabel_grafik import ada_contoh, tabel_grafik
from tkpk.charts.tema import CATATAN_TABEL
from tkpk.ui.cache import fragmen
from tkpk.ui.sidik import sidik

_ALTAIR_GLOBAL = threading.Lock()
KUNCI_META = "tkpk_kunci"  # where a spec carries the digest of its inputs
KUNCI_ISI = "tkpk_isi"  # ... and the digest of its own content (the key of its table switch)


# Shared, not copied per session: unpickling a map spec (inline GeoJSON of 290 desa) on every rerun cost more
# than building it. Nothing mutates a spec: Streamlit copies its top level, image exports deep-copy it.
@st.cache_resource(max_entries=256, show_spinner=False)
def _spek(kunci: str, _builder: Callable[..., Any], _args: tuple, _kwargs: dict[str, Any]) -> dict[str, Any]:
    chart = _builder(*_args, **_kwargs)
    # Streamlit's own conversion also switches the theme off ("none"): charts carry their full look (tema.py).
    with _ALTAIR_GLOBAL, alt.theme.enable("none"), alt.data_transformers.enable("default", max_rows=None):
        spec = chart.to_dict(validate=True)
    if perlu_deskripsi(spec):  # every chart has a text alternative (its aria-label), even one whose builder wrote none
        spec["description"] = deskripsi_umum(spec)
    # Vega-Lite ignores ``usermeta``; tampil_grafik reads the digest back to replay the drawn chart. The content's
    # digest keys the table switch: equal inputs may pickle differently (a frame computed on the first run and the
    # same frame unpickled from the page cache on the next), which changed the input digest between two runs and
    # so the switch's key, and the switch fell back off on its first click (the Peta page's desa scatter).
    return {**spec, "usermeta": {**spec.get("usermeta", {}), KUNCI_META: kunci, KUNCI_ISI: sidik(spec)}}


def spek(builder: Callable[..., Any], *args: Any, **kwargs: Any) -> dict[str, Any]:
    """``builder(*args, **kwargs).to_dict()``, computed once per distinct input; pass it to :func:`tampil_grafik`.
    The dict is shared between sessions: do not change it (``copy.deepcopy`` first, as the image export does)."""
    kunci = sidik(f"{builder.__module__}.{builder.__qualname__}", args, sorted(kwargs.items()))
    return _spek(kunci, builder, args, kwargs)


@st.cache_data(max_entries=256, show_spinner=False)
def _gambar_tersimpan(kunci: str, lebar: str, key: str | None, _spec: dict[str, Any]) -> None:
    st.vega_lite_chart(_spec, width=lebar, theme=None, key=key)


def tampil_grafik(
    spec: dict[str, Any],
    *,
    where: Any = None,
    lebar: Literal["stretch", "content"] = "stretch",
    key: str | None = None,
    pilihan: list[str] | None = None,
    tabel: bool = True,
) -> Any:
    """Draw a spec from :func:`spek` with a "Lihat sebagai tabel" switch under it; with ``pilihan`` (selection
    names) clicks rerun the page and are returned. ``tabel=False`` only for a rakor slide, which must fit the
    screen without scrolling (its numbers have their tables on the Tren, Peta and Kinerja pilar pages)."""
    tempat = where if where is not None else st
    kunci = spec.get("usermeta", {}).get(KUNCI_META)
    hasil = None
    if pilihan:
        hasil = tempat.vega_lite_chart(spec, width=lebar, theme=None, key=key, on_select="rerun",
                                       selection_mode=pilihan)
    elif kunci is None:
        hasil = tempat.vega_lite_chart(spec, width=lebar, theme=None, key=key)
    else:
        # A chart without selections is replayed from the cache: Streamlit serialises a map spec to JSON and scans
        # it for generated names on every draw otherwise. The digest in the spec names exactly its inputs.
        with where if where is not None else nullcontext():
            _gambar_tersimpan(kunci, lebar, key, spec)
    if tabel:
        with where if where is not None else nullcontext():
            _lihat_tabel(spec, kunci_tabel(spec, key))
    return hasil


def kunci_tabel(spec: dict[str, Any], key: str | None = None) -> str:
    """The widget key of a chart's table switch: the chart's own key, else the digest of what it draws."""
    meta = spec.get("usermeta", {})
    return f"lihat_tabel_{key or meta.get(KUNCI_ISI) or meta.get(KUNCI_META) or sidik(spec)}"


def _format_kolom(df: pd.DataFrame) -> dict[str, fmt.Format]:
    """id-ID text for the numeric columns (text columns already are: the builders made them on the server)."""
    return {c: fmt.PECAHAN_2 for c in df.columns
            if pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c])}


# Why a fragment, and why the table only when switched on: the first load of a page draws nothing but the small
# switch (issue 17 asks pages to be complete near Streamlit's floor); turning it on reruns this part alone. The
# body reads no store, so the fragment does not read the store's fingerprint either (``toko=False``).
@fragmen(toko=False)
def _lihat_tabel(spec: dict[str, Any], kunci: str) -> None:
    from tkpk.ui import chrome
    from tkpk.ui.unduhan import tabel_angka

    if not st.toggle("Lihat sebagai tabel", key=kunci, help="Angka yang sama dengan grafik di atas, sebagai tabel."):
        return
    tabel = tabel_grafik(spec)
    if not tabel:
        st.caption("Grafik ini tidak membawa tabel angka.")
        return
    chrome.label_contoh(ada_contoh(spec, tabel))
    for df in tabel:
        df = df.map(lambda v: ("ya" if v else "tidak") if isinstance(v, bool) else v)
        tabel_angka(df, _format_kolom(df))
    if catatan := spec.get("usermeta", {}).get(CATATAN_TABEL):
        st.caption(catatan)
