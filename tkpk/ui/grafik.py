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

import hashlib
import pickle
import threading
from collections.abc import Callable
from typing import Any, Literal

import altair as alt
import streamlit as st

_ALTAIR_GLOBAL = threading.Lock()


def _kunci(builder: Callable[..., Any], args: tuple, kwargs: dict[str, Any]) -> str:
    h = hashlib.blake2b(digest_size=20)
    h.update(f"{builder.__module__}.{builder.__qualname__}".encode())
    h.update(pickle.dumps((args, sorted(kwargs.items())), protocol=pickle.HIGHEST_PROTOCOL))
    return h.hexdigest()


@st.cache_data(max_entries=256, show_spinner=False)
def _spek(kunci: str, _builder: Callable[..., Any], _args: tuple, _kwargs: dict[str, Any]) -> dict[str, Any]:
    chart = _builder(*_args, **_kwargs)
    # Streamlit's own conversion also switches the theme off ("none"): charts carry their full look (tema.py).
    with _ALTAIR_GLOBAL, alt.theme.enable("none"), alt.data_transformers.enable("default", max_rows=None):
        return chart.to_dict(validate=True)


def spek(builder: Callable[..., Any], *args: Any, **kwargs: Any) -> dict[str, Any]:
    """``builder(*args, **kwargs).to_dict()``, computed once per distinct input; pass it to :func:`tampil_grafik`."""
    return _spek(_kunci(builder, args, kwargs), builder, args, kwargs)


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
    return tempat.vega_lite_chart(spec, width=lebar, theme=None, key=key)
