from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

PAGES = ["pages/ringkasan.py", "pages/tren.py", "pages/peta.py", "pages/pilar.py", "pages/unggah.py",
         "pages/riwayat.py", "pages/presentasi.py"]


@pytest.fixture(autouse=True)
def _caches_kosong() -> None:
    """Every test starts with empty Streamlit caches, so no result computed for another test's store is reused."""
    import streamlit as st

    st.cache_data.clear()


@pytest.fixture
def run_page(app_env: Path) -> Callable[..., AppTest]:
    """Run the app (through app.py, so navigation and page config apply) and switch to one page."""

    def run(page: str = "pages/ringkasan.py", query: dict[str, str] | None = None) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        for k, v in (query or {}).items():
            at.query_params[k] = v
        at.run()
        if page != "pages/ringkasan.py":
            at.switch_page(page)
            at.run()
        return at

    return run


def teks_tampil(elemen) -> str:
    """What a reader sees of markdown/caption elements: their values joined, with the Markdown escapes and word
    joiners of :func:`tkpk.teks_aman.md` taken out (text from data is escaped so it never becomes a link)."""
    import re

    from tkpk.teks_aman import WJ

    return " ".join(re.sub(r"\\(.)", r"\1", e.value).replace(WJ, "") for e in elemen)
