"""Per-store result cache for the pages: one call per (function, arguments, store fingerprint).

Why: a Streamlit page reruns top to bottom on every widget change, and rakor officials expect the answer as
fast as the click (bench/RESULTS.md). The domain functions are pure over the store, so their results can be
reused until the store changes; the fingerprint (``tkpk.toko.queries.versi_data``) changes with every upload and
rollback, so a cached page never shows data older than the store. Results are pickled copies
(``st.cache_data``), so a page cannot mutate what another session sees; ``baca_bersama`` is the exception for
large read-only values (boundaries), whose unpickling would cost more than the query it saves.

The fingerprint is read once per run, on Streamlit's public API only: ``app.py`` (the ``st.navigation`` entry
script, which runs on every full rerun) runs the page inside :func:`satu_versi`, which reads it and keeps it in
``st.session_state[KUNCI_VERSI]`` for every cached call of that run, and removes it when the run ends. A part of a
page that reruns alone (``st.fragment``) does not run ``app.py``, so it is declared with :func:`fragmen`, which
does the same for each of its runs: an upload in another session shows on the fragment's next rerun too. A run
that finds no fingerprint kept (outside a run; a page file run by AppTest without ``app.py``) reads it per call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from functools import wraps
from typing import Any, TypeVar

import streamlit as st

from tkpk.config import db_path
from tkpk.toko.queries import versi_data
from tkpk.ui.koneksi import conn
from tkpk.ui.sidik import sidik

T = TypeVar("T")

#: The one ``st.session_state`` key of this module: the store path and fingerprint of the current run (a tuple),
#: present only while a run (``app.py``) or a fragment run is inside :func:`satu_versi`, and read by every
#: :func:`baca`/:func:`baca_bersama` call made there.
KUNCI_VERSI = "tkpk_versi_toko"


@st.cache_data(max_entries=512, show_spinner=False)
def _panggil(kunci: str, _fn: Callable[..., Any], _args: tuple, _kwargs: dict[str, Any]) -> Any:
    return _fn(conn(), *_args, **_kwargs)


@st.cache_resource(max_entries=32, show_spinner=False)
def _bersama(kunci: str, _fn: Callable[..., Any], _args: tuple, _kwargs: dict[str, Any]) -> Any:
    return _fn(conn(), *_args, **_kwargs)


def _kunci(fn: Callable[..., Any], args: tuple, kwargs: dict[str, Any]) -> str:
    """The call under the store version of this run (:mod:`tkpk.ui.sidik`)."""
    return sidik(f"{fn.__module__}.{fn.__qualname__}", versi(), args, sorted(kwargs.items()))


def _baca_versi() -> tuple:
    return (str(db_path()), *versi_data(conn()))


@contextmanager
def satu_versi() -> Iterator[tuple]:
    """Read the store path and fingerprint now and keep them in session state for the calls inside the block.

    Why once per run: a page makes about ten cached calls, and one consistent version per run means a page never
    mixes results from before and after another session's upload. A write in this session is followed by
    ``st.rerun()`` (upload and rollback pages), which starts a new run and so reads the new fingerprint.
    Why removed afterwards: a run that does not pass through here must read the store, not find an old run's
    fingerprint: a bare ``st.fragment`` rerun (every fragment of ours goes through :func:`fragmen`), or
    AppTest, which reruns a page of a multipage app without its entry script. A nested block (a fragment drawn
    inside a full run) reads afresh and gives the outer block its own version back.
    """
    sebelumnya = st.session_state.get(KUNCI_VERSI)
    v = _baca_versi()
    st.session_state[KUNCI_VERSI] = v
    try:
        yield v
    finally:
        if st.session_state.get(KUNCI_VERSI) is v:
            if sebelumnya is None:
                del st.session_state[KUNCI_VERSI]
            else:
                st.session_state[KUNCI_VERSI] = sebelumnya


def versi() -> tuple:
    """The store version of this run: what :func:`satu_versi` kept, or, when nothing kept one (outside a run, or a
    page file run by AppTest without ``app.py``), the fingerprint read now."""
    v = st.session_state.get(KUNCI_VERSI)
    return v if v is not None else _baca_versi()


def fragmen(fn: Callable[..., T] | None = None, *, run_every: float | timedelta | str | None = None,
            toko: bool = True) -> Any:
    """``st.fragment`` for a part of a page that reruns alone: each of its runs is inside :func:`satu_versi`,
    since a fragment rerun does not run ``app.py``. Use it for every fragment of a page that reads the store
    (``@fragmen``, ``@fragmen(run_every=5)``, or ``fragmen(fungsi, run_every=5)()``).

    In a full rerun the fragment body runs inside the page and reads the fingerprint once more for itself; the
    rest of the page keeps the run's version. ``toko=False`` is for a fragment whose body reads no store (a
    chart's table switch, :mod:`tkpk.ui.grafik`): it skips that read, one query per fragment per full rerun.
    """
    def bungkus(f: Callable[..., T]) -> Callable[..., T]:
        if not toko:
            return st.fragment(f, run_every=run_every)

        @wraps(f)
        def isi(*args: Any, **kwargs: Any) -> T:
            with satu_versi():
                return f(*args, **kwargs)

        return st.fragment(isi, run_every=run_every)

    return bungkus(fn) if fn is not None else bungkus


def baca(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``fn(conn(), *args, **kwargs)``, computed once per store version and arguments."""
    return _panggil(_kunci(fn, args, kwargs), fn, args, kwargs)


def baca_bersama(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Like ``baca``, but every session gets the same object, not a copy.

    Only for values nobody mutates, such as ``tkpk.peta.data.Geometri`` (a frozen dataclass of polygons): unpickling
    the 290 desa polygons took ~35 ms of every map rerun (bench/RESULTS.md).
    """
    return _bersama(_kunci(fn, args, kwargs), fn, args, kwargs)
