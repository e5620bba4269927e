"""Many browser sessions browse every page at once for a bounded time while an analyst uploads a file and rolls
it back, again and again: zero page errors, and no page ever shows a half-applied upload.

Why: Streamlit runs each session's script in its own thread against the one cached DuckDB connection; the
cursor-per-query rule (tkpk.toko.queries), the serialized one-transaction writes (tkpk.toko.db) and the caches keyed
on the
store's fingerprint (tkpk.ui.cache) are what keep concurrent reads correct, and this is where they would break.
"Half-applied" is checked on the pillar page the uploaded file changes: every visit must show either the figures
before the upload or the figures after it, never a third set.
Size: ``TKPK_SESI`` sessions (6 in ``make test``, 30 for the benchmark) for ``TKPK_SESI_DETIK`` seconds.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.e2e import analis
from tests.e2e.conftest import start_server, wait_for_app
from tkpk.akun import lokal as auth

pytestmark = [pytest.mark.resilience, pytest.mark.e2e]

SESI = int(os.environ.get("TKPK_SESI", "6"))
DETIK = float(os.environ.get("TKPK_SESI_DETIK", "60"))
BERKAS = ROOT / "tests" / "data" / "upload" / "baik_intervensi_koma.csv"
SANDI = "sandi-serentak-uji-7"
PILAR = "/pilar?pilar=4&tahun=2025"  # the file brings pillar-4 rows for 2025
# Every page; the home page must also show its headline figure, the others their title (h1 in the main area).
HALAMAN = ["/", "/tren", "/peta", PILAR, "/presentasi", "/unggah", "/riwayat", "/pilar"]


def _angka_pilar(pg) -> str:
    """The pillar page's metric cards (label and value), as one text."""
    pg.get_by_text("OPD melapor").first.wait_for(timeout=90_000)
    return " | ".join(pg.locator("[data-testid=stMetric]").all_inner_texts())


def test_concurrent_sessions_browse_while_an_analyst_uploads_and_rolls_back(browser, store_copy: Path,
                                                                              tmp_path: Path, capsys):
    secrets = tmp_path / "secrets.toml"
    auth.add_user(secrets, "analis_serentak", SANDI)
    proc, url = start_server(store_copy, tmp_path / "streamlit.log", {auth.ENV_SECRETS: str(secrets)})
    contexts = []
    try:
        analis_ctx = browser.new_context(viewport={"width": 1400, "height": 1600})
        contexts.append(analis_ctx)
        meja = analis_ctx.new_page()
        meja.goto(url + PILAR)
        wait_for_app(meja)
        sebelum = _angka_pilar(meja)

        pages = []
        for _ in range(SESI):
            ctx = browser.new_context(viewport={"width": 1280, "height": 900})
            contexts.append(ctx)
            pages.append(ctx.new_page())
        errors: list[str] = []
        terlihat: set[str] = set()
        sesudah: str | None = None
        visits = unggahan = pembatalan = 0
        bid: int | None = None
        deadline = time.monotonic() + DETIK
        rnd = 0
        while time.monotonic() < deadline or rnd < 2:
            # Every session starts its navigation, then the analyst takes one step while the server runs the
            # sessions' scripts, then each session is checked.
            todo = [(pg, HALAMAN[(i + rnd) % len(HALAMAN)]) for i, pg in enumerate(pages)]
            for pg, path in todo:
                pg.goto(url + path, wait_until="commit")
            if bid is None:
                bid = analis.unggah(meja, url, BERKAS, "analis_serentak", SANDI)
                unggahan += 1
                if sesudah is None:
                    meja.goto(url + PILAR)
                    wait_for_app(meja)
                    sesudah = _angka_pilar(meja)
            else:
                analis.batalkan(meja, url, bid, "analis_serentak", SANDI)
                bid = None
                pembatalan += 1
            for pg, path in todo:
                wait_for_app(pg)
                pg.locator("[data-testid=stMain] h1").first.wait_for(timeout=90_000)
                if path == "/":
                    pg.get_by_text("2,36%").first.wait_for(timeout=90_000)
                if path == PILAR:
                    terlihat.add(_angka_pilar(pg))
                if pg.locator("[data-testid=stException]").count():
                    errors.append(f"{path}: {pg.locator('[data-testid=stException]').first.inner_text()[:300]}")
                visits += 1
            rnd += 1
        assert errors == [], errors
        assert sesudah is not None and sesudah != sebelum, "the upload changes the pillar page"
        assert terlihat <= {sebelum, sesudah}, f"a half-applied state was shown: {terlihat - {sebelum, sesudah}}"
        assert unggahan >= 1 and pembatalan >= 1
        assert proc.poll() is None, "the server died"
        with capsys.disabled():
            print(f"\n{SESI} sessions, {visits} page visits in {rnd} rounds, {unggahan} uploads and {pembatalan} "
                  f"rollbacks meanwhile, {len(terlihat)} distinct pillar states seen (of 2 allowed), 0 errors.")
    finally:
        for ctx in contexts:
            ctx.close()
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except Exception:
            proc.kill()
    assert "Traceback" not in (tmp_path / "streamlit.log").read_text()
