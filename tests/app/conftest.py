from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

PAGES = ["pages/ringkasan.py", "pages/tren.py", "pages/peta.py", "pages/pilar.py", "pages/unggah.py",
         "pages/riwayat.py", "pages/presentasi.py"]


# No test clears ``st.cache_data`` before it runs: every cached page result is keyed by the store's path and
# fingerprint (tkpk.ui.cache.versi), and a test that writes works on its own copy (``tulis_env``, tmp_path), so a
# result computed for another test's store is never reused, and the read-only tests share what the first computed.


def buka_langsung(at: AppTest, page: str) -> AppTest:
    """Run ``at`` (made from app.py, so navigation and page config apply) on ``page`` as a visitor who opens its
    link: the first run goes to that page, not through the home page first (a home page run per test was about
    40 s of the fast loop). Before its first run AppTest can only name a page by its file name, not by the
    ``url_path`` navigation registers; every page of app.py resolves to the same page either way today. Should one
    stop doing so (its first run would land on the home page), the name it ran under differs from the one
    navigation registered for its file, and the page is then opened by a switch. test_pages_smoke checks that
    each page shows its own title."""
    path = str((ROOT / page).resolve())
    at.switch_page(page).run()
    if at._page_hash != at._resolve_page_hash(path):   # AppTest has no public "current page"
        at.switch_page(page).run()
    return at


@pytest.fixture
def run_page(app_env: Path) -> Callable[..., AppTest]:
    """Run the app on one page, with ``query`` as its URL parameters."""

    def run(page: str = "pages/ringkasan.py", query: dict[str, str] | None = None) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        for k, v in (query or {}).items():
            at.query_params[k] = v
        return buka_langsung(at, page)

    return run


@pytest.fixture
def unduhan(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """Every download button drawn while the fixture is active: label, file name and the data it would send."""
    from streamlit.delta_generator import DeltaGenerator

    tercatat: list[dict] = []
    asli = DeltaGenerator.download_button

    def catat(self, label, data, file_name=None, *a, **kw):
        tercatat.append({"label": label, "data": data, "nama": file_name})
        return asli(self, label, data, file_name, *a, **kw)

    monkeypatch.setattr(DeltaGenerator, "download_button", catat)
    return tercatat


def buka_kotak(at: AppTest, kunci: str) -> AppTest:
    """Open an expander drawn into only while open (``tkpk.ui.widgets.kotak_malas``), as a click on it does: its
    state set, the page run again, without an exception."""
    at.session_state[kunci] = True
    at.run()
    assert not at.exception, at.exception
    return at


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
    """A private copy of the store and an empty secrets location, for pages that write; returns the store copy.

    The app's cached connections are dropped before and after, so the test can open its copy itself; cached
    results need no clearing (they are keyed by the copy's own path)."""
    import shutil

    import streamlit as st

    from tkpk.akun import lokal as auth

    store = tmp_path / "tkpk.duckdb"
    shutil.copy(store_path, store)
    monkeypatch.setenv("TKPK_DB", str(store))
    monkeypatch.setenv(auth.ENV_SECRETS, str(tmp_path / "secrets.toml"))
    monkeypatch.chdir(ROOT)
    st.cache_resource.clear()
    yield store
    st.cache_resource.clear()


def buka(page: str) -> AppTest:
    """The app opened as a visitor and switched to ``page``, without an exception."""
    at = buka_langsung(AppTest.from_file(str(ROOT / "app.py"), default_timeout=90), page)
    assert not at.exception, at.exception
    return at


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
    at = buka_langsung(at, page)
    assert not at.exception, at.exception
    return at


def tabel_tampil(tabel) -> pd.DataFrame:
    """What a reader sees of a static table (``st.table``: :func:`tkpk.ui.aman.tabel_kecil`, the pillar
    scorecard): its cells with the Markdown escapes and word joiners taken out, as :func:`teks_tampil` does."""
    import re

    from tkpk.teks_aman import WJ

    df = tabel.value
    return pd.DataFrame({re.sub(r"\\(.)", r"\1", str(c)).replace(WJ, ""):
                         [re.sub(r"\\(.)", r"\1", str(v)).replace(WJ, "") for v in df[c]] for c in df.columns})
