"""The rakor loop in a real browser, in projector mode: the follow-up slide opens the agenda after the headline,
and a logged-in analyst records a decision on the Keputusan slide at 1280×720 without leaving the slideshow."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import SHOTS, start_server, wait_for_app
from tkpk.akun import lokal as auth
from tkpk.toko.db import connect

pytestmark = pytest.mark.e2e
SANDI = "sandi-rakor-uji-123"
TEKS = "Dinsos memverifikasi 40 KK desil 1 di Desa Pingaran Ilir sebelum Maret 2026"


@pytest.fixture(scope="module")
def rakor_server(store_path: Path, tmp_path_factory: pytest.TempPathFactory, chromium: str) -> Iterator[
        tuple[str, Path]]:
    work = tmp_path_factory.mktemp("rakor")
    store = work / "tkpk.duckdb"
    shutil.copy(store_path, store)
    rahasia = work / "secrets.toml"
    auth.add_user(rahasia, "sekretariat", SANDI)
    proc, url = start_server(store, work / "streamlit.log", {auth.ENV_SECRETS: str(rahasia)})
    yield url, store, proc
    if proc.poll() is None:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.parametrize("layar", [1080, 720])
def test_follow_up_slide_is_second_and_marks_overdue_decisions(browser, rakor_server, layar):
    url, _, _ = rakor_server
    ctx = browser.new_context(viewport={"width": round(layar * 16 / 9), "height": layar}, locale="en-US")
    page = ctx.new_page()
    try:
        page.goto(f"{url}/presentasi?slide=2&layar={layar}")
        wait_for_app(page)
        page.get_by_text("Tindak lanjut rakor sebelumnya").first.wait_for(timeout=30_000)
        page.get_by_text("Saran dari data").first.wait_for(timeout=30_000)
        wait_for_app(page)
        isi = page.inner_text("[data-testid=stMain]")
        assert "Rakor TKPK Kabupaten Banjar Desember 2024" in isi and "terlambat" in isi
        assert "Saran dari data" in isi and "DATA CONTOH" in isi
        page.wait_for_timeout(500)
        akhiran = "" if layar == 1080 else f"_{layar}p"
        page.screenshot(path=str(SHOTS / f"presentasi_tindak_lanjut{akhiran}.png"))
    finally:
        ctx.close()


def test_decisions_read_as_typed_and_their_table_has_no_raw_toolbar_csv(browser, store_path: Path,
                                                                        tmp_path: Path) -> None:
    """Review 18 #13: a decision typed as a formula reads as typed on the Tindak lanjut page, and no toolbar
    "Download as CSV" (which writes raw cells) is offered for it. Issue 17: the decisions are static HTML tables
    (the browser's own search finds their text), no grid is drawn at first sight, and the neutralised CSV/XLSX
    buttons are their downloads. Its own store and server: the decision is written before the server opens the
    store (one process per DuckDB file)."""
    from datetime import date

    from tkpk.rakor import keputusan as kp

    store = tmp_path / "tkpk.duckdb"
    shutil.copy(store_path, store)
    teks = '=HYPERLINK("http://contoh.invalid","klik") keputusan rakor'
    con = connect(store)
    try:
        rakor = int(kp.daftar_rakor(con)["rakor_id"].iloc[0])
        kp.catat_keputusan(con, rakor, kp.IsiKeputusan(teks, kode_opd="DINSOS", tenggat=date(2026, 12, 31)),
                           oleh="uji")
    finally:
        con.close()
    proc, url = start_server(store, tmp_path / "streamlit.log")
    ctx = browser.new_context(viewport={"width": 1600, "height": 1400}, locale="en-US")
    page = ctx.new_page()
    try:
        page.goto(url + "/tindak-lanjut")
        wait_for_app(page)
        tabel = page.locator("[data-testid=stTable]").filter(has_text="Keputusan")
        tabel.first.wait_for(timeout=60_000)
        wait_for_app(page)
        assert tabel.count() == 2  # the previous rakor's follow-up, this rakor's decisions
        sel = tabel.locator("td").filter(has_text="HYPERLINK")
        assert sel.count() == 1 and sel.first.inner_text().replace("\u2060", "").replace("\u200b", "").strip() == teks
        assert page.locator("[data-testid=stDataFrame]").count() == 0
        assert [b for b in page.get_by_role("button", name="Download as CSV").all() if b.is_visible()] == []
        assert page.get_by_role("button", name="Unduh data (CSV)").count() >= 2
        page.screenshot(path=str(SHOTS / "tindak_lanjut_teks_seperti_diketik.png"))
    finally:
        ctx.close()
        proc.terminate()
        proc.wait(timeout=10)


# The last test here: it stops the server to read the store (one process per DuckDB file).
def test_analyst_records_a_decision_on_the_projector(browser, rakor_server):
    url, store, proc = rakor_server
    ctx = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-US")
    page = ctx.new_page()
    try:
        page.goto(f"{url}/presentasi?agenda=headline,keputusan&slide=2&layar=720")
        wait_for_app(page)
        page.get_by_text("Analis: masuk untuk mencatat").click()
        page.get_by_label("Nama akun").fill("sekretariat")
        page.get_by_label("Kata sandi").fill(SANDI)
        page.get_by_role("button", name="Masuk").click()
        # the cookie step brings the browser back to this very slide, now with the form (closed at 720: open, the
        # form pushed the slide's source line off the screen)
        page.get_by_text("Catat keputusan").first.wait_for(timeout=60_000)
        wait_for_app(page)
        assert "slide=2" in page.url and "keputusan" in page.url
        # the form sits in an expander that a rerun may redraw: open it until its field stays visible
        kolom = page.get_by_label("Keputusan").first
        for _ in range(5):
            wait_for_app(page)
            if kolom.is_visible() and kolom.is_editable():
                break
            if not kolom.is_visible():
                page.get_by_text("Catat keputusan").first.click()
            page.wait_for_timeout(700)
        kolom.fill(TEKS)
        page.get_by_role("button", name="Simpan keputusan").click()
        page.get_by_text(TEKS).first.wait_for(timeout=30_000)
        wait_for_app(page)
        page.screenshot(path=str(SHOTS / "presentasi_keputusan_720p.png"))
        # the slide still fits the projector: nothing pushed below the fold but the form itself
        assert page.locator("[data-testid=stSidebar]").is_hidden()
    finally:
        ctx.close()
    proc.terminate()  # one process per store: the server lets go before the store is read (the last test here)
    proc.wait(timeout=10)
    con = connect(store, read_only=True)
    try:
        oleh = con.execute("SELECT oleh FROM keputusan_peristiwa WHERE teks = ?", [TEKS]).fetchall()
    finally:
        con.close()
    assert oleh == [("sekretariat",)]
