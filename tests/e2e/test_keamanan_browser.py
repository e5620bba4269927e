"""Security in a real browser against the real server (st.App, our routes, Streamlit's OIDC with Authlib):

- OIDC through ``st.login`` with a fake provider on loopback: a stranger and an unverified address are refused,
  an allow-listed verified address gets the uploader;
- local accounts: the lockout after 10 failures (screenshot), a login that survives a reload and a logout that
  ends it in another browser too, the cookie's flags;
- a file whose cells carry Markdown is refused with the cells shown literally (no link, no image fetched);
- Streamlit's own dataframe toolbar "Download as CSV" of an injected batch carries no formula (screenshot of
  the injected cells shown as plain text).
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.e2e import analis
from tests.e2e.conftest import JS_TENANG, shot, start_server, stop_server, wait_for_app
from tests.e2e.oidc_palsu import PenyediaPalsu, port_bebas, secrets_toml
from tkpk.akun import lokal as auth
from tkpk.akun.pembatas import BATAS_KUNCI
from tkpk.akun.sesi import NAMA_KUKI
from tkpk.ingest import ingest_file
from tkpk.toko.db import connect

pytestmark = pytest.mark.e2e

SANDI = "sandi-browser-aman-42"
BAIK = ROOT / "tests" / "data" / "upload" / "baik_intervensi_koma.csv"
RUMUS = ['=HYPERLINK("http://contoh.invalid/","klik")', "+cmd|' /C calc'!A0"]
# finding 1 of the review: a BOM or zero-width space before "=", and a bare CR that starts a new cell in Streamlit's
# toolbar CSV (it quotes only cells holding ",", '"' or "\n")
BERKAS_BOM = "\ufeff=DDE(cmd).csv"
RUMUS_BOM = '\u200b=HYPERLINK("http://contoh.invalid/bom","klik")'
RUMUS_CR = "Bantuan\r=cmd|' /C calc'!A0"
PEMICU = ("=", "+", "-", "@", "\uff1d")
MD_TAUTAN = "[Klik untuk verifikasi ulang](http://contoh.invalid/)"
MD_GAMBAR = "![](http://contoh.invalid/beacon.png)"
KODE_PENDEK = "Rp :material/verified: :smile: :streamlit: a -> b"  # finding 10: icons, emoji, logo, arrows


def _csv(teks: str) -> str:
    return '"' + teks.replace('"', '""') + '"'


def _awal_terlihat(sel: str) -> str:
    """The cell as Excel or a reader starts it: leading spaces and invisible (control, format: BOM, zero-width)
    characters gone."""
    i = 0
    while i < len(sel) and (sel[i].isspace() or unicodedata.category(sel[i]) in ("Cc", "Cf", "Zs", "Zl", "Zp")):
        i += 1
    return sel[i:]


# --- OIDC ----------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def oidc(store_path: Path, tmp_path_factory: pytest.TempPathFactory,
         chromium: str) -> Iterator[tuple[str, PenyediaPalsu]]:
    work = tmp_path_factory.mktemp("oidc")
    store = work / "tkpk.duckdb"
    shutil.copy(store_path, store)
    with PenyediaPalsu() as penyedia:
        port = port_bebas()
        rahasia = work / "secrets.toml"
        rahasia.write_text(secrets_toml(penyedia, port, ["analis@banjarkab.go.id", "@bappeda.banjarkab.go.id"]))
        proc, url = start_server(store, work / "streamlit.log", {auth.ENV_SECRETS: str(rahasia)}, port=port)
        yield url, penyedia
        stop_server(proc)


def _login_oidc(browser, url: str, penyedia: PenyediaPalsu, klaim: dict) -> tuple[object, object]:
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = ctx.new_page()
    page.goto(url + "/unggah")
    wait_for_app(page)
    penyedia.berikut = {"sub": klaim["email"], **klaim}
    sebelum = penyedia.token_diminta
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(url + "/", timeout=60_000)  # provider -> /oauth2callback -> the app's root
    assert penyedia.token_diminta == sebelum + 1, "the code was exchanged at the provider's token endpoint"
    page.goto(url + "/unggah")
    wait_for_app(page)
    return ctx, page


@pytest.mark.parametrize(("klaim", "alasan"), [
    ({"email": "orang.asing@gmail.com", "email_verified": True}, "tidak terdaftar sebagai analis"),
    ({"email": "analis@banjarkab.go.id", "email_verified": False}, "belum diverifikasi"),
    ({"email": "x@banjarkab.go.id", "email_verified": True}, "tidak terdaftar sebagai analis"),
])
def test_oidc_stranger_or_unverified_refused(browser, oidc, klaim: dict, alasan: str) -> None:
    url, penyedia = oidc
    ctx, page = _login_oidc(browser, url, penyedia, klaim)
    try:
        page.get_by_text(alasan).first.wait_for(timeout=30_000)
        assert page.locator("[data-testid=stFileUploader]").count() == 0
        page.goto(url + "/riwayat")
        wait_for_app(page)
        page.get_by_text("hanya untuk analis yang masuk").wait_for(timeout=30_000)
        assert page.get_by_text("Lihat baris batch").count() == 0
        assert page.get_by_role("button", name="Batalkan batch").count() == 0
    finally:
        ctx.close()


@pytest.mark.parametrize("email", ["analis@banjarkab.go.id", "rina@bappeda.banjarkab.go.id"])
def test_oidc_allow_listed_verified_admitted(browser, oidc, email: str) -> None:
    url, penyedia = oidc
    ctx, page = _login_oidc(browser, url, penyedia, {"email": email, "email_verified": True, "name": "Analis"})
    try:
        page.get_by_text("Masuk sebagai").wait_for(timeout=30_000)
        page.locator("[data-testid=stFileUploader]").wait_for(timeout=30_000)
        assert email in page.inner_text("[data-testid=stMain]").replace("\u2060", "")  # word joiners stop autolinks
        shot(page, f"oidc_diterima_{email.split('@')[0]}")
    finally:
        ctx.close()


def test_oidc_named_provider_logs_in(browser, store_path: Path, tmp_path: Path) -> None:
    """Finding 8 of the review: with the provider under ``[auth.banjar]`` the button must call
    ``st.login("banjar")``; the nameless call ended in "galat internal"."""
    store = tmp_path / "tkpk.duckdb"
    shutil.copy(store_path, store)
    with PenyediaPalsu() as penyedia:
        port = port_bebas()
        rahasia = tmp_path / "secrets.toml"
        rahasia.write_text(secrets_toml(penyedia, port, ["analis@banjarkab.go.id"], nama="banjar"))
        proc, url = start_server(store, tmp_path / "streamlit.log", {auth.ENV_SECRETS: str(rahasia)}, port=port)
        try:
            ctx, page = _login_oidc(browser, url, penyedia, {"email": "analis@banjarkab.go.id",
                                                            "email_verified": True})
            try:
                page.get_by_text("Masuk sebagai").wait_for(timeout=30_000)
                page.locator("[data-testid=stFileUploader]").wait_for(timeout=30_000)
                assert "galat internal" not in page.inner_text("[data-testid=stMain]")
            finally:
                ctx.close()
        finally:
            stop_server(proc)


# --- local accounts ------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def lokal(store_path: Path, tmp_path_factory: pytest.TempPathFactory, chromium: str) -> Iterator[tuple[str, Path]]:
    """A server with one local analyst and, already in its store, a batch whose cells are formulas."""
    work = tmp_path_factory.mktemp("lokal")
    store = work / "tkpk.duckdb"
    shutil.copy(store_path, store)
    teks = BAIK.read_text().replace("PBI JK,,", "PBI JK," + _csv(RUMUS_BOM) + ",")
    teks = teks.replace(",Pelatihan,", "," + _csv(RUMUS_CR) + ",")
    teks = teks.replace("PBI JK", _csv(RUMUS[0])).replace("Pelatihan UMKM", RUMUS[1])
    con = connect(store)
    hasil = ingest_file(con, teks.encode(), BERKAS_BOM, "intervensi", "@penyusup")
    con.close()
    assert hasil.status == "diterima", hasil
    rahasia = work / "secrets.toml"
    auth.add_user(rahasia, "analis_aman", SANDI)
    auth.add_user(rahasia, "korban", SANDI)
    auth.add_user(rahasia, "saksi", SANDI)
    proc, url = start_server(store, work / "streamlit.log", {auth.ENV_SECRETS: str(rahasia)})
    yield url, work / "streamlit.log"
    stop_server(proc)


def _tunggu_log(page, log: Path, pola: str, n: int) -> None:
    """Wait until the server has logged ``pola`` ``n`` times: each login try is one log line, so the next try is
    typed only after the server has judged the last one."""
    for _ in range(600):
        if log.read_text().count(pola) >= n:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"server logged {log.read_text().count(pola)} of {n} tries")


_JAWABAN_TERGAMBAR = """() => {
    const main = document.querySelector('[data-testid=stMain]');
    return !!main && !document.querySelector('[data-testid=stStatusWidget]')
        && !document.querySelector('[data-stale=true]')
        && !!main.querySelector('input[aria-label="Kata sandi"]')
        && !!main.querySelector('[data-testid=stAlertContentError]');
}"""


def _tunggu_jawaban(page) -> str:
    """Until the run that judged the last try has drawn its answer (the form and an error shown, nothing stale)
    and the page has then held still for a second (:data:`JS_TENANG`); the main text. The server logs a try
    mid-run, before the login slot (``st.empty``) is redrawn; the previous try's message is still on the page
    then, so neither a wait for that text nor :func:`wait_for_app` (its status widget shows only on a slow run)
    proves the new answer is drawn. CI saw the slot empty just after both had passed."""
    page.wait_for_function(_JAWABAN_TERGAMBAR, timeout=60_000)
    page.evaluate(JS_TENANG)
    page.wait_for_function(_JAWABAN_TERGAMBAR, timeout=60_000)
    return page.inner_text("[data-testid=stMain]")


def test_lockout_after_ten_failures_in_the_browser(browser, lokal) -> None:
    url, log = lokal
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = ctx.new_page()
    try:
        page.goto(url + "/unggah")
        wait_for_app(page)
        for i in range(BATAS_KUNCI):
            page.get_by_label("Nama akun").fill("korban")
            page.get_by_label("Kata sandi").fill(f"tebakan-{i:02d}-salah")
            page.get_by_role("button", name="Masuk").click()
            _tunggu_log(page, log, "akun='korban'", i + 1)
            _tunggu_jawaban(page)
        page.get_by_label("Kata sandi").fill(SANDI)  # now the right one
        page.get_by_role("button", name="Masuk").click()
        _tunggu_log(page, log, "akun='korban'", BATAS_KUNCI + 1)
        teks = _tunggu_jawaban(page)
        assert "dikunci sementara" in teks and "15 menit" in teks, teks
        assert page.get_by_text("Masuk sebagai").count() == 0
        shot(page, "masuk_dikunci")
    finally:
        ctx.close()
    teks = log.read_text()
    assert teks.count("akun='korban' klien=127.0.0.1 hasil=kunci") >= 2, "the 10th wrong try and the right one"
    assert "tebakan-" not in teks and SANDI not in teks, "no password in the server log"


def test_forwarded_for_is_not_believed_without_tkpk_proxy(browser, lokal) -> None:
    """Finding 3 of the review: uvicorn believed X-Forwarded-For from loopback, so the throttle counted the
    address the browser claimed. Without TKPK_PROXY the login is attributed to the real peer."""
    url, log = lokal
    ctx = browser.new_context(extra_http_headers={"X-Forwarded-For": "203.0.113.7"})
    page = ctx.new_page()
    try:
        page.goto(url + "/unggah")
        wait_for_app(page)
        page.get_by_label("Nama akun").fill("saksi")
        page.get_by_label("Kata sandi").fill("bukan-sandi-saksi")
        page.get_by_role("button", name="Masuk").click()
        _tunggu_log(page, log, "akun='saksi'", 1)
    finally:
        ctx.close()
    baris = [b for b in log.read_text().splitlines() if "akun='saksi'" in b]
    assert baris and all("klien=127.0.0.1 " in b for b in baris), baris
    assert "203.0.113.7" not in log.read_text()


def test_login_survives_reload_and_logout_ends_it_elsewhere(browser, lokal) -> None:
    url, _ = lokal
    a = browser.new_context(viewport={"width": 1400, "height": 1000})
    b = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        pa, pb = a.new_page(), b.new_page()
        for p in (pa, pb):
            p.goto(url + "/unggah")
            wait_for_app(p)
            analis.masuk(p, "analis_aman", SANDI)
        kuki = next(k for k in a.cookies() if k["name"] == NAMA_KUKI)
        assert kuki["httpOnly"] and kuki["sameSite"] == "Strict" and kuki["expires"] > 0
        pa.reload()
        wait_for_app(pa)
        assert analis.sudah_masuk(pa), "a reload keeps the login"
        pa.locator("[data-testid=stFileUploader]").wait_for(timeout=30_000)
        pa.get_by_role("button", name="Keluar").click()
        pa.get_by_label("Nama akun").wait_for(timeout=30_000)
        assert not [k for k in a.cookies() if k["name"] == NAMA_KUKI], "/api/keluar deleted the cookie"
        pb.reload()  # the other browser's next page load
        wait_for_app(pb)
        assert not analis.sudah_masuk(pb), "logout ended the login in the other browser too"
        assert pb.locator("[data-testid=stFileUploader]").count() == 0
    finally:
        a.close()
        b.close()


def test_login_ticket_does_not_log_in_another_browser(browser, lokal) -> None:
    """Finding 11 of the review (login CSRF): the one-time ticket URL a login makes, opened in another browser
    (sent in a chat, or planted by an attacker who logged in with their own account), must not log that
    browser in. The ticket is tied to the browser that submitted the form."""
    url, _ = lokal
    penyerang = browser.new_context(viewport={"width": 1400, "height": 1000})
    korban = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        pa = penyerang.new_page()
        tiket: list[str] = []

        def tangkap(route) -> None:
            tiket.append(route.request.url)
            route.abort()

        pa.route(re.compile(r".*/api/sesi\?.*"), tangkap)
        pa.goto(url + "/unggah")
        wait_for_app(pa)
        pa.get_by_label("Nama akun").fill("analis_aman")
        pa.get_by_label("Kata sandi").fill(SANDI)
        pa.get_by_role("button", name="Masuk").click()
        for _ in range(600):
            if tiket:
                break
            pa.wait_for_timeout(100)
        assert tiket, "the login sent the browser to /api/sesi"
        pv = korban.new_page()
        pv.goto(url + "/riwayat")  # the victim has the dashboard open
        wait_for_app(pv)
        pv.goto(tiket[0])
        wait_for_app(pv)
        assert not [k for k in korban.cookies() if k["name"] == NAMA_KUKI], "no session cookie for the victim"
        pv.goto(url + "/unggah")
        wait_for_app(pv)
        assert not analis.sudah_masuk(pv)
        assert not [k for k in penyerang.cookies() if k["name"] == NAMA_KUKI]
    finally:
        penyerang.close()
        korban.close()


def test_markdown_cells_shown_literally(browser, lokal, tmp_path: Path) -> None:
    url, _ = lokal
    berkas = tmp_path / "md.csv"
    berkas.write_text(BAIK.read_text().replace('"Rp1.250.000.000"', f'"{MD_TAUTAN}"')
                      .replace('"Rp150.000.000"', f'"{MD_GAMBAR}"')
                      .replace('"Rp 1.100.000.000,50"', f'"{KODE_PENDEK}"'))
    ctx = browser.new_context(viewport={"width": 1400, "height": 1400})
    page = ctx.new_page()
    diminta: list[str] = []
    page.on("request", lambda r: diminta.append(r.url) if "contoh.invalid" in r.url else None)
    try:
        page.goto(url + "/unggah")
        wait_for_app(page)
        if not analis.sudah_masuk(page):
            analis.masuk(page, "analis_aman", SANDI)
        page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(str(berkas))
        page.get_by_text("DITOLAK").wait_for(timeout=60_000)
        wait_for_app(page)
        utama = page.locator("[data-testid=stMain]")
        teks = utama.inner_text().replace("\u2060", "")  # invisible word joiners that stop autolinks
        assert MD_TAUTAN in teks and MD_GAMBAR in teks, "the cells read exactly as typed"
        assert KODE_PENDEK in teks, "no icon, emoji, logo or arrow made of the shortcodes"
        assert utama.locator("a[href*='contoh.invalid']").count() == 0, "no live link"
        assert utama.locator("img[src*='contoh.invalid']").count() == 0, "no image"
        assert diminta == [], "the browser fetched nothing from the cell's address"
        page.get_by_text("Klik untuk verifikasi ulang").first.scroll_into_view_if_needed()
        shot(page, "sel_markdown_literal")
    finally:
        ctx.close()


def _angka(teks: str) -> bool:
    try:
        float(teks)
    except ValueError:
        return False
    return True


def test_toolbar_download_of_injected_batch_is_neutralised(browser, lokal) -> None:
    url, _ = lokal
    ctx = browser.new_context(viewport={"width": 1600, "height": 1400}, accept_downloads=True)
    # Chromium's save-file picker cannot be answered headless: without it Streamlit downloads through a link.
    ctx.add_init_script("delete window.showSaveFilePicker;")
    page = ctx.new_page()
    try:
        page.goto(url + "/riwayat")
        wait_for_app(page)
        tabel = page.locator("[data-testid=stDataFrame]")
        tabel.first.wait_for(timeout=60_000)
        wait_for_app(page)

        def unduh(i: int) -> str:
            tabel.nth(i).hover()
            tombol = tabel.nth(i).locator("xpath=..").get_by_role("button", name="Download as CSV")
            with page.expect_download(timeout=30_000) as dl:
                tombol.click()
            return Path(dl.value.path()).read_text(encoding="utf-8-sig")

        unduhan = [unduh(0)]  # the public batch list (file name, uploader), as any visitor
        if not page.get_by_text("Masuk sebagai").count():  # a batch's raw rows are for analysts only
            page.get_by_text("Analis: masuk di sini").click()
            analis.masuk(page, "analis_aman", SANDI)
        page.get_by_text("baris pertama dari batch").wait_for(timeout=60_000)
        wait_for_app(page)
        tabel.nth(1).wait_for(timeout=60_000)
        unduhan.append(unduh(1))  # the injected batch's rows
        for pemisah in (",", ";"):  # as Excel reads it on an en-US PC and on an id-ID PC
            sel = [_awal_terlihat(c) for isi in unduhan
                   for baris in csv.reader(io.StringIO(isi, newline=""), delimiter=pemisah) for c in baris]
            bahaya = [c for c in sel if c.startswith(PEMICU) and not _angka(c)]
            assert bahaya == [], (pemisah, bahaya)
        sel = [_awal_terlihat(c) for isi in unduhan
               for baris in csv.reader(io.StringIO(isi, newline="")) for c in baris]
        assert "'=DDE(cmd).csv" in sel and "'@penyusup" in sel
        assert "'" + RUMUS[0] in sel and "'" + RUMUS[1] in sel
        assert "'" + RUMUS_BOM.lstrip("\u200b") in sel, "the zero-width space does not hide the formula"
        assert [c for c in sel if c.startswith("Bantuan")] == ["Bantuan =cmd|' /C calc'!A0"], "the CR became a space"
        tabel.nth(1).scroll_into_view_if_needed()
        shot(page, "rumus_tampil_sebagai_teks")
    finally:
        ctx.close()
