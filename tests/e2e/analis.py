"""What an analyst does in the browser, step by step: log in, upload and save a file, roll a batch back.

Shared by the upload browser test and the concurrent-sessions resilience test. Each step opens its page with a
fresh load, which is a new Streamlit session; the login survives it through the session cookie (tkpk.akun.sesi), so a
step logs in only when the page asks."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.e2e.conftest import wait_for_app


def sudah_masuk(page) -> bool:
    """Wait until the page shows either the login form or the logged-in line; True for the latter."""
    tanda = page.get_by_text("Masuk sebagai").or_(page.get_by_label("Nama akun")).first
    tanda.wait_for(timeout=60_000)
    return page.get_by_text("Masuk sebagai").count() > 0


def masuk(page, nama: str, sandi: str) -> None:
    """Fill the form; the browser then fetches its session cookie (/api/sesi) and reloads the page."""
    page.get_by_label("Nama akun").fill(nama)
    page.get_by_label("Kata sandi").fill(sandi)
    page.get_by_role("button", name="Masuk").click()
    try:
        page.get_by_text("Masuk sebagai").wait_for(timeout=60_000)
    except PlaywrightTimeout:
        # A login that did not finish says why on the page (wrong password, a lock, a busy server): show it, so a
        # failure in CI can be read without the run's artefacts.
        teks = page.locator("[data-testid=stMain]").inner_text(timeout=5_000)
        raise AssertionError(f"login as {nama!r} did not finish in 60 s at {page.url}; the page says:\n"
                             f"{teks[:2000]}") from None
    wait_for_app(page)


def unggah(page, url: str, berkas: Path, nama: str, sandi: str, shot=None) -> int:
    """Upload ``berkas`` as intervensi, wait for the preview, press Simpan; the new batch id."""
    page.goto(url + "/unggah")
    wait_for_app(page)
    if not sudah_masuk(page):
        masuk(page, nama, sandi)
    page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(str(berkas))
    page.get_by_text("Baris baru").first.wait_for(timeout=90_000)
    wait_for_app(page)
    if shot:
        shot(page, "unggah_pratinjau")
    page.get_by_role("button", name="Simpan").click()
    page.get_by_text("Tersimpan sebagai").wait_for(timeout=90_000)
    wait_for_app(page)
    teks = page.inner_text("[data-testid=stMain]")
    assert nama in teks
    return int(teks.split("Tersimpan sebagai batch ")[1].split()[0])


def batalkan(page, url: str, bid: int, nama: str, sandi: str, shot=None) -> None:
    """Roll batch ``bid`` back on the history page, with a reason and the confirmation."""
    page.goto(url + "/riwayat")
    wait_for_app(page)
    baris, pintu = page.get_by_text("Lihat baris batch"), page.get_by_text("Analis: masuk di sini")
    baris.or_(pintu).first.wait_for(timeout=60_000)
    wait_for_app(page)
    if shot:
        shot(page, "riwayat_daftar")
    if pintu.count():
        # Raw batch rows and rollback are for logged-in analysts only.
        pintu.click()
        masuk(page, nama, sandi)
        if shot:
            shot(page, "riwayat_masuk")
    baris.wait_for(timeout=60_000)
    page.get_by_text(f"baris pertama dari batch {bid}.").wait_for(timeout=60_000)
    page.get_by_label("Alasan pembatalan (wajib)").fill("uji browser")
    page.get_by_label("Alasan pembatalan (wajib)").press("Enter")
    wait_for_app(page)
    page.get_by_text(f"Ya, saya yakin ingin membatalkan batch {bid}.").click()
    wait_for_app(page)
    page.get_by_role("button", name=f"Batalkan batch {bid}").click()
    page.get_by_text(f"Batch {bid} dibatalkan").wait_for(timeout=60_000)
    page.get_by_text("berstatus").wait_for(timeout=60_000)
    wait_for_app(page)
