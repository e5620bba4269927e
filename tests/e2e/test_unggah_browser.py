"""Upload in a real browser: log in, upload an intervensi CSV, see the preview, Simpan, see the new numbers on
the pillar page, then roll the batch back on the history page and see the old numbers again.

Own server on its own store copy and a temporary accounts file (``TKPK_SECRETS``); the project's
``.streamlit/secrets.toml`` is never read for accounts or written."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.e2e import analis
from tests.e2e.conftest import shot, start_server, stop_server, wait_for_app
from tkpk.akun import lokal as auth

pytestmark = pytest.mark.e2e

BERKAS = ROOT / "tests" / "data" / "upload" / "baik_intervensi_koma.csv"
SANDI = "sandi-browser-uji-42"
PILAR = "/pilar?pilar=4&tahun=2025"


@pytest.fixture
def server_tulis(store_path: Path, tmp_path: Path, chromium: str):
    store = tmp_path / "tkpk.duckdb"
    shutil.copy(store_path, store)
    secrets = tmp_path / "secrets.toml"
    auth.add_user(secrets, "analis_e2e", SANDI)
    proc, url = start_server(store, tmp_path / "streamlit.log", {auth.ENV_SECRETS: str(secrets)})
    yield url
    stop_server(proc)


def _teks_pilar(page, url: str) -> str:
    page.goto(url + PILAR)
    wait_for_app(page)
    page.get_by_text("Pilar 4").first.wait_for(timeout=30_000)
    page.get_by_text("OPD melapor").first.wait_for(timeout=45_000)  # the metric cards, drawn in the same run
    page.get_by_role("heading", name="Kartu skor OPD").wait_for(timeout=45_000)  # the open tab, under the cards
    wait_for_app(page)
    # charts and buttons render at their own pace: compare the headings and the metric cards (the numbers)
    return page.eval_on_selector_all(
        "[data-testid=stMain] h1, [data-testid=stMain] h2, [data-testid=stMain] h3, [data-testid=stMetric]",
        "els => els.map(e => e.innerText).join('\\n')")


def test_unggah_simpan_lihat_batalkan(page, server_tulis):
    url = server_tulis
    page.set_viewport_size({"width": 1600, "height": 2400})
    sebelum = _teks_pilar(page, url)

    bid = analis.unggah(page, url, BERKAS, "analis_e2e", SANDI, shot=shot)
    shot(page, "unggah_tersimpan")

    sesudah = _teks_pilar(page, url)
    assert sesudah != sebelum, "the pillar page shows the uploaded numbers"
    shot(page, "unggah_pilar_sesudah")

    analis.batalkan(page, url, bid, "analis_e2e", SANDI, shot=shot)
    page.wait_for_timeout(500)
    shot(page, "riwayat_dibatalkan")

    kembali = _teks_pilar(page, url)
    beda = [b for b in difflib.unified_diff(sebelum.splitlines(), kembali.splitlines(), lineterm="", n=0)]
    assert kembali == sebelum, "rollback restores the pillar page:\n" + "\n".join(beda[:40])
