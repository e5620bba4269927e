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
from streamlit.runtime.scriptrunner import get_script_run_ctx

from tkpk.config import db_path
from tkpk.queries import versi_data
from tkpk.ui.koneksi import conn
from tkpk.ui.sidik import sidik

T = TypeVar("T")


@st.cache_data(max_entries=512, show_spinner=False)
def _panggil(kunci: str, _fn: Callable[..., Any], _args: tuple, _kwargs: dict[str, Any]) -> Any:
    return _fn(conn(), *_args, **_kwargs)


@st.cache_resource(max_entries=32, show_spinner=False)
def _bersama(kunci: str, _fn: Callable[..., Any], _args: tuple, _kwargs: dict[str, Any]) -> Any:
    return _fn(conn(), *_args, **_kwargs)


def _kunci(fn: Callable[..., Any], args: tuple, kwargs: dict[str, Any]) -> str:
    """The call under the store version of this run (:mod:`tkpk.ui.sidik`)."""
    return sidik(f"{fn.__module__}.{fn.__qualname__}", versi(), args, sorted(kwargs.items()))


def versi() -> tuple:
    """The store path plus its fingerprint, read once per script run.

    Why once: a page makes about ten cached calls, and one consistent version per run means a page never mixes
    results from before and after another session's upload. A write in this session is followed by
    ``st.rerun()`` (upload and rollback pages), which starts a new run and so reads the new fingerprint. The run
    is told apart by the per-run ``cursors`` dict Streamlit's context replaces at the start of every run; outside
    a run (or if that attribute ever goes away) the fingerprint is read every time.
    """
    ctx = get_script_run_ctx()
    # The dict itself, compared by identity: keeping a reference means its address cannot be reused by a later
    # run's dict, which an ``id()`` comparison would mistake for the same run.
    lari = getattr(ctx, "cursors", None) if ctx is not None else None
    simpanan = getattr(ctx, "_tkpk_versi", None)
    if lari is not None and simpanan is not None and simpanan[0] is lari:
        return simpanan[1]
    v = (str(db_path()), *versi_data(conn()))
    if lari is not None:
        ctx._tkpk_versi = (lari, v)  # type: ignore[union-attr]
    return v


def baca(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``fn(conn(), *args, **kwargs)``, computed once per store version and arguments."""
    return _panggil(_kunci(fn, args, kwargs), fn, args, kwargs)


def baca_bersama(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Like ``baca``, but every session gets the same object, not a copy.

    Only for values nobody mutates, such as ``tkpk.peta.Geometri`` (a frozen dataclass of polygons): unpickling
    the 290 desa polygons took ~35 ms of every map rerun (bench/RESULTS.md).
    """
    return _bersama(_kunci(fn, args, kwargs), fn, args, kwargs)
