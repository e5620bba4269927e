"""Per-store result cache for the pages: one call per (function, arguments, store fingerprint).

Why: a Streamlit page reruns top to bottom on every widget change, and rakor officials expect the answer as
fast as the click (bench/RESULTS.md). The domain functions are pure over the store, so their results can be
reused until the store changes; the fingerprint (``tkpk.queries.versi_data``) changes with every upload and
rollback, so a cached page never shows data older than the store. Results are pickled copies
(``st.cache_data``), so a page cannot mutate what another session sees; ``baca_bersama`` is the exception for
large read-only values (boundaries), whose unpickling would cost more than the query it saves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from tkpk.config import db_path
from tkpk.queries import versi_data
from tkpk.ui.koneksi import conn

T = TypeVar("T")


@st.cache_data(max_entries=512, show_spinner=False)
def _panggil(nama: str, versi: tuple, args: tuple, kwargs: dict[str, Any], _fn: Callable[..., Any]) -> Any:
    return _fn(conn(), *args, **kwargs)


@st.cache_resource(max_entries=32, show_spinner=False)
def _bersama(nama: str, versi: tuple, args: tuple, kwargs: dict[str, Any], _fn: Callable[..., Any]) -> Any:
    return _fn(conn(), *args, **kwargs)


def versi() -> tuple:
    """The store path plus its fingerprint: one cheap query on the tiny ``batch`` table."""
    return (str(db_path()), *versi_data(conn()))


def baca(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``fn(conn(), *args, **kwargs)``, computed once per store version and arguments."""
    return _panggil(f"{fn.__module__}.{fn.__qualname__}", versi(), args, kwargs, fn)


def baca_bersama(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Like ``baca``, but every session gets the same object, not a copy.

    Only for values nobody mutates, such as ``tkpk.peta.Geometri`` (a frozen dataclass of polygons): unpickling
    the 290 desa polygons took ~35 ms of every map rerun (bench/RESULTS.md).
    """
    return _bersama(f"{fn.__module__}.{fn.__qualname__}", versi(), args, kwargs, fn)
