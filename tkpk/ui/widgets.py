"""Widgets whose state lives in the URL (``st.query_params``) so a shared link opens the same view."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import streamlit as st

T = TypeVar("T")


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
    """A selectbox initialised from ``?param=`` and writing its choice back into the URL."""
    options = list(options)
    index = options.index(default) if default in options else 0
    raw = st.query_params.get(param)
    if raw is not None:
        try:
            value = parse(raw) if parse else raw
            if value in options:
                index = options.index(value)
        except (TypeError, ValueError):
            pass
    choice = where.selectbox(label, options, index=index, format_func=format_func, key=key or f"url_{param}")  # type: ignore[attr-defined]
    st.query_params[param] = str(choice)
    return choice
