from __future__ import annotations

from collections.abc import Callable, Iterator
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


OIDC = {"client_id": "dasbor-tkpk", "client_secret": "rahasia-uji", "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "kue-rahasia-uji-panjang", "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}


@pytest.fixture
def tulis_env(store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private copy of the store and an empty secrets location, for pages that write; returns the store copy."""
    import shutil

    import streamlit as st

    from tkpk import auth

    store = tmp_path / "tkpk.duckdb"
    shutil.copy(store_path, store)
    monkeypatch.setenv("TKPK_DB", str(store))
    monkeypatch.setenv(auth.ENV_SECRETS, str(tmp_path / "secrets.toml"))
    monkeypatch.chdir(ROOT)
    st.cache_resource.clear()
    st.cache_data.clear()
    yield store
    st.cache_resource.clear()
    st.cache_data.clear()


def oidc_app(page: str, email: str | None, analis: object = None, verified: object = True,
             iat: int | None = None, query: dict[str, str] | None = None) -> AppTest:
    """The app as an OIDC user (``analis``: the ``[tkpk] analis`` allow-list), switched to ``page``."""
    import time

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.secrets["auth"] = OIDC
    if analis is not None:
        at.secrets["tkpk"] = {"analis": analis}
    if email is not None:
        at.user = {"is_logged_in": True, "email": email, "email_verified": verified,
                   "iat": int(time.time()) if iat is None else iat}
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    return at
