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
import streamlit as st

from tkpk.ui.sidik import sidik

_ALTAIR_GLOBAL = threading.Lock()
KUNCI_META = "tkpk_kunci"  # where a spec carries the digest of its inputs


# Shared, not copied per session: unpickling a map spec (inline GeoJSON of 290 desa) on every rerun cost more
# than building it. Nothing mutates a spec: Streamlit copies its top level, image exports deep-copy it.
@st.cache_resource(max_entries=256, show_spinner=False)
def _spek(kunci: str, _builder: Callable[..., Any], _args: tuple, _kwargs: dict[str, Any]) -> dict[str, Any]:
    chart = _builder(*_args, **_kwargs)
    # Streamlit's own conversion also switches the theme off ("none"): charts carry their full look (tema.py).
    with _ALTAIR_GLOBAL, alt.theme.enable("none"), alt.data_transformers.enable("default", max_rows=None):
        spec = chart.to_dict(validate=True)
    # Vega-Lite ignores ``usermeta``; tampil_grafik reads the digest back to replay the drawn chart.
    return {**spec, "usermeta": {**spec.get("usermeta", {}), KUNCI_META: kunci}}


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
) -> Any:
    """Draw a spec from :func:`spek`; with ``pilihan`` (selection names) clicks rerun the page and are returned."""
    tempat = where if where is not None else st
    if pilihan:
        return tempat.vega_lite_chart(spec, width=lebar, theme=None, key=key, on_select="rerun",
                                      selection_mode=pilihan)
    kunci = spec.get("usermeta", {}).get(KUNCI_META)
    if kunci is None:
        return tempat.vega_lite_chart(spec, width=lebar, theme=None, key=key)
    # A chart without selections is replayed from the cache: Streamlit serialises a map spec to JSON and scans
    # it for generated names on every draw otherwise. The digest in the spec names exactly its inputs.
    with where if where is not None else nullcontext():
        _gambar_tersimpan(kunci, lebar, key, spec)
    return None
