"""Shared widgets: choices whose state lives in the URL (``st.query_params``) so a shared link opens the same view,
and expanders whose content is drawn only while open."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from tkpk.teks_aman import md

T = TypeVar("T")


def kotak_malas(label: str, key: str, icon: str | None = None) -> DeltaGenerator | None:
    """An expander (collapsed) that returns itself only while open, for its content to be drawn then and only then:
    ``on_change="rerun"`` gives it a state, so a first visit lays out nothing it does not show (issue 17). Use as
    ``if (kotak := kotak_malas(...)) is not None: with kotak: ...``."""
    kotak = st.expander(label, key=key, on_change="rerun", icon=icon)
    return kotak if kotak.open else None


def pilih_url(
    label: str,
    options: Sequence[T],
    param: str,
    *,
    default: T | None = None,
    format_func: Callable[[T], str] = str,
    parse: Callable[[str], T] | None = None,
    where: object = st,
    key: str | None = None,
) -> T:
    """A selectbox initialised from ``?param=`` and writing its choice back into the URL. A link asking for a value
    this selectbox does not offer (a year without reports, from a rakor decision's deadline) says which value is
    shown instead, rather than silently showing another year."""
    options = list(options)
    index = options.index(default) if default in options else 0
    raw = st.query_params.get(param)
    tersedia = raw is None
    if raw is not None:
        try:
            value = parse(raw) if parse else raw
            if value in options:
                index, tersedia = options.index(value), True
        except (TypeError, ValueError):
            pass
    choice = where.selectbox(label, options, index=index, format_func=format_func, key=key or f"url_{param}")  # type: ignore[attr-defined]
    if not tersedia and raw != str(choice):
        st.info(f"{md(label)} {md(raw)} tidak tersedia; ditampilkan {md(str(format_func(choice)))}.")
    st.query_params[param] = str(choice)
    return choice


def pilih_banyak_url(
    label: str,
    options: Sequence[T],
    param: str,
    *,
    default: Sequence[T] = (),
    format_func: Callable[[T], str] = str,
    parse: Callable[[str], T] | None = None,
    where: object = st,
    key: str | None = None,
    max_selections: int | None = None,
) -> list[T]:
    """A multiselect initialised from ``?param=a,b`` and writing its choice back, comma-separated.

    An empty choice is written as an empty value so that a shared link with "none chosen" stays that way instead
    of falling back to the default.
    """
    options = list(options)
    chosen = [d for d in default if d in options]
    raw = st.query_params.get(param)
    if raw is not None:
        chosen = []
        for part in (p for p in raw.split(",") if p):
            try:
                value = parse(part) if parse else part
            except (TypeError, ValueError):
                continue
            if value in options and value not in chosen:
                chosen.append(value)  # type: ignore[arg-type]
    choice = where.multiselect(  # type: ignore[attr-defined]
        label, options, default=chosen, format_func=format_func, key=key or f"url_{param}",
        max_selections=max_selections, placeholder="Pilih…",
    )
    st.query_params[param] = ",".join(str(c) for c in choice)
    return list(choice)
