"""Security of the writing pages in AppTest: who gets the uploader (OIDC allow-list, local accounts, disabled
hashes, throttling), logins that survive a reload and end everywhere, text shown as text, neutralised tables,
and no internals on screen.

Stores are private copies; accounts live in a temporary secrets file (``TKPK_SECRETS``).
"""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.app.conftest import OIDC, buka, oidc_app
from tests.conftest import ROOT
from tkpk.akun import lokal as auth
from tkpk.akun.pembatas import BATAS_KUNCI, PEMBATAS
from tkpk.akun.sesi import DAFTAR
from tkpk.ingest import ingest_file, riwayat
from tkpk.toko.db import connect
from tkpk.ui import masuk as ui_masuk

MD_TAUTAN = "[Klik untuk verifikasi ulang](http://contoh.invalid/)"
MD_GAMBAR = "![](http://contoh.invalid/beacon.png)"


UPLOAD = ROOT / "tests" / "data" / "upload"
SANDI = "sandi-rahasia-uji-123"




def masuk(at: AppTest, nama: str, sandi: str, gerbang: str = "unggah") -> AppTest:
    at.text_input(key=f"masuk_nama_{gerbang}").set_value(nama)
    at.text_input(key=f"masuk_sandi_{gerbang}").set_value(sandi)
    next(b for b in at.button if b.label == "Masuk").click().run()
    assert not at.exception, at.exception
    return at


def semua_teks(at: AppTest) -> str:
    """Every text a visitor reads; the page chrome's ``<style>`` block is not read (its CSS names selectors such as
    ``.block-container``, which holds "lock")."""
    bagian = [str(e.value) for kind in ("markdown", "error", "warning", "info", "success", "caption", "code")
              for e in getattr(at, kind) if not str(e.value).lstrip().startswith("<style>")]
    return "\n".join(bagian + [df.value.to_string() for df in [*at.dataframe, *at.table]])


def polos(teks: str, wj: bool = True) -> str:
    """Markdown source without its backslash escapes (and, with ``wj``, its invisible word joiners): the text a
    visitor reads."""
    teks = re.sub(r"\\(.)", r"\1", teks)
    return teks.replace("\u2060", "") if wj else teks


@pytest.fixture(autouse=True)
def _pembatas_kosong() -> Iterator[None]:
    PEMBATAS.kosongkan()
    yield
    PEMBATAS.kosongkan()


# --- OIDC: the allow-list decides -----------------------------------------------------------------------------

def test_oidc_stranger_refused(tulis_env: Path) -> None:
    at = oidc_app("pages/unggah.py", "orang.asing@gmail.com", ["@banjarkab.go.id"])
    assert not at.file_uploader
    assert "tidak terdaftar sebagai analis" in semua_teks(at)


@pytest.mark.parametrize(("email", "analis"), [
    ("nama@banjarkab.go.id", ["nama@banjarkab.go.id"]),
    ("siapa@banjarkab.go.id", ["@banjarkab.go.id"]),
    ("a@bappeda.banjarkab.go.id", ["@banjarkab.go.id", "@bappeda.banjarkab.go.id"]),
])
def test_oidc_allow_listed_admitted(tulis_env: Path, email: str, analis: list[str]) -> None:
    at = oidc_app("pages/unggah.py", email, analis)
    assert at.file_uploader, "an allow-listed, verified address gets the uploader"
    assert email in polos(semua_teks(at))


@pytest.mark.parametrize(("email", "analis"), [
    ("a@bappeda.banjarkab.go.id", ["@banjarkab.go.id"]),  # subdomain not listed
    ("a@evilbanjarkab.go.id", ["@banjarkab.go.id"]),
    ("nama2@banjarkab.go.id", ["nama@banjarkab.go.id"]),
])
def test_oidc_near_misses_refused(tulis_env: Path, email: str, analis: list[str]) -> None:
    at = oidc_app("pages/unggah.py", email, analis)
    assert not at.file_uploader


@pytest.mark.parametrize("verified", [False, None, "false"])
def test_oidc_unverified_email_refused(tulis_env: Path, verified: object) -> None:
    at = oidc_app("pages/unggah.py", "nama@banjarkab.go.id", ["nama@banjarkab.go.id"], verified=verified)
    assert not at.file_uploader
    assert "belum diverifikasi" in semua_teks(at)


@pytest.mark.parametrize("analis", [None, [], ["banjarkab.go.id"]])
def test_oidc_without_allow_list_nobody_uploads_and_page_says_how(tulis_env: Path, analis: object) -> None:
    at = oidc_app("pages/unggah.py", "nama@banjarkab.go.id", analis)
    assert not at.file_uploader
    teks = semua_teks(at)
    assert "belum ada daftar analis" in teks
    assert '[tkpk]\nanalis = ["nama@banjarkab.go.id", "@banjarkab.go.id"]' in teks


def test_oidc_identity_from_before_the_server_started_must_log_in_again(tulis_env: Path) -> None:
    at = oidc_app("pages/unggah.py", "nama@banjarkab.go.id", ["@banjarkab.go.id"], iat=int(DAFTAR.mulai) - 3600)
    assert not at.file_uploader
    assert "sudah berakhir" in semua_teks(at)
    assert any(b.label == "Masuk lagi" for b in at.button)


def test_oidc_stranger_gets_no_rollback_on_riwayat(tulis_env: Path) -> None:
    at = oidc_app("pages/riwayat.py", "orang.asing@gmail.com", ["@banjarkab.go.id"])
    assert not [b for b in at.button if b.label.startswith("Batalkan batch")]
    at = oidc_app("pages/riwayat.py", "nama@banjarkab.go.id", ["@banjarkab.go.id"])
    assert [b for b in at.button if b.label.startswith("Batalkan batch")]


def test_oidc_batch_records_the_email(tulis_env: Path) -> None:
    at = oidc_app("pages/unggah.py", "Nama@BanjarKab.go.id", ["@banjarkab.go.id"])
    at.radio(key="jenis_unggah").set_value("intervensi").run()
    berkas = UPLOAD / "baik_intervensi_koma.csv"
    at.file_uploader(key="berkas_intervensi").set_value((berkas.name, berkas.read_bytes(), "text/csv")).run()
    next(b for b in at.button if "Simpan" in b.label).click().run()
    assert not at.exception, at.exception
    assert at.success and "Nama@BanjarKab.go.id" in polos(at.success[0].value)
    st.cache_resource.clear()
    con = connect(tulis_env)
    try:
        assert riwayat(con).sort_values("batch_id").iloc[-1]["oleh"] == "Nama@BanjarKab.go.id"
    finally:
        con.close()


# finding 8 of the review: a provider configured per name ([auth.banjar]) needs st.login("banjar")

OIDC_UMUM = {k: OIDC[k] for k in ("redirect_uri", "cookie_secret")}
OIDC_PENYEDIA = {k: OIDC[k] for k in ("client_id", "client_secret", "server_metadata_url")}


@pytest.mark.parametrize(("auth_cfg", "tombol", "diminta"), [
    ({**OIDC_UMUM, "banjar": OIDC_PENYEDIA}, ["Masuk"], ["banjar"]),
    (OIDC, ["Masuk"], [None]),
    ({**OIDC_UMUM, "banjar": OIDC_PENYEDIA, "google": OIDC_PENYEDIA},
     ["Masuk dengan banjar", "Masuk dengan google"], ["banjar", "google"]),
])
def test_oidc_login_button_names_the_configured_provider(tulis_env: Path, monkeypatch: pytest.MonkeyPatch,
                                                          auth_cfg: dict, tombol: list[str],
                                                          diminta: list[str | None]) -> None:
    dipanggil: list[str | None] = []
    monkeypatch.setattr(st, "login", lambda provider=None: dipanggil.append(provider))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.secrets["auth"] = auth_cfg
    at.secrets["tkpk"] = {"analis": ["@banjarkab.go.id"]}
    at.run()
    at.switch_page("pages/unggah.py").run()
    assert not at.exception, at.exception
    masuk_tombol = [b for b in at.button if b.label.startswith("Masuk")]
    assert [b.label for b in masuk_tombol] == tombol
    for label in tombol:
        next(b for b in at.button if b.label == label).click().run()
        assert not at.exception, at.exception
    assert dipanggil == diminta


# --- local accounts ------------------------------------------------------------------------------------------

def _akun(tmp_path: Path, **rusak: str) -> Path:
    path = tmp_path / "secrets.toml"
    auth.add_user(path, "analis1", SANDI)
    path.write_text(path.read_text() + "".join(f'"{k}" = "{v}"\n' for k, v in rusak.items()))
    return path


def test_empty_hash_refused(tulis_env: Path, tmp_path: Path) -> None:
    _akun(tmp_path, kosong="", rusak="$argon2id$rusak")
    for nama in ("kosong", "rusak"):
        for sandi in ("akun-tidak-ada", "", SANDI):
            PEMBATAS.kosongkan()
            at = masuk(buka("pages/unggah.py"), nama, sandi)
            assert not at.file_uploader, (nama, sandi)


def test_lockout_after_ten_failures_then_right_password_refused(tulis_env: Path, tmp_path: Path,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    _akun(tmp_path)
    at = buka("pages/unggah.py")
    caplog.set_level(logging.INFO, logger="tkpk.masuk")
    for i in range(BATAS_KUNCI):
        masuk(at, "analis1", f"tebakan-salah-{i:02d}")
        assert not at.file_uploader
    pesan = " ".join(e.value for e in at.error)
    assert "dikunci sementara" in pesan and "15 menit" in pesan
    masuk(at, "analis1", SANDI)
    assert not at.file_uploader, "the right password does not open a locked pair"
    assert "dikunci sementara" in " ".join(e.value for e in at.error)
    baris = [r.getMessage() for r in caplog.records if r.name == "tkpk.masuk"]
    assert len(baris) == BATAS_KUNCI + 1
    assert all("akun='analis1'" in b and "klien=127.0.0.1" in b for b in baris)
    assert baris[-1].endswith("hasil=kunci") and "hasil=gagal" in baris[0]
    assert not any("tebakan-salah" in b or SANDI in b for b in baris), "no password in the log"


def test_login_survives_a_reload_and_logout_ends_it_everywhere(tulis_env: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _akun(tmp_path)
    tab1 = masuk(buka("pages/unggah.py"), "analis1", SANDI)
    assert tab1.file_uploader
    token = tab1.session_state[ui_masuk.KUNCI_TOKEN]
    kuki = DAFTAR.tukar_tiket(DAFTAR.tiket(token, "ikatan"), "ikatan")  # what /api/sesi puts in the browser
    monkeypatch.setattr(ui_masuk, "_kuki", lambda: kuki)
    tab2 = buka("pages/unggah.py")  # a reload: a new Streamlit session, the cookie only
    assert tab2.file_uploader and not tab2.text_input
    monkeypatch.setattr(ui_masuk, "_kuki", lambda: kuki[:-3] + "AAA")  # a forged cookie
    assert not buka("pages/unggah.py").file_uploader
    monkeypatch.setattr(ui_masuk, "_kuki", lambda: kuki)
    next(b for b in tab2.button if b.label == "Keluar").click().run()
    assert not tab2.file_uploader
    tab1.run()
    assert not tab1.file_uploader, "logout ended the other tab's login too"
    assert not buka("pages/unggah.py").file_uploader, "the cookie is dead"


# --- text shown as text, tables neutralised, no internals ------------------------------------------------------

def test_markdown_cell_shown_literally(tulis_env: Path, tmp_path: Path) -> None:
    _akun(tmp_path)
    at = masuk(buka("pages/unggah.py"), "analis1", SANDI)
    teks = (UPLOAD / "baik_intervensi_koma.csv").read_text()
    teks = teks.replace('"Rp1.250.000.000"', f'"{MD_TAUTAN}"').replace('"Rp150.000.000"', f'"{MD_GAMBAR}"')
    at.radio(key="jenis_unggah").set_value("intervensi").run()
    at.file_uploader(key="berkas_intervensi").set_value(("md.csv", teks.encode(), "text/csv")).run()
    md_body = [m.value for m in at.markdown if "Klik untuk verifikasi" in m.value or "beacon" in m.value]
    assert md_body, semua_teks(at)
    for body in md_body:
        assert "[Klik untuk verifikasi ulang](" not in body and "![](" not in body
        assert "\\[Klik untuk verifikasi ulang\\](http\\:/\u2060/contoh\\.invalid/)" in body or "beacon" in body
        assert "http://" not in polos(body, wj=False), "no autolink literal either"


def test_riwayat_tables_are_neutralised(tulis_env: Path, tmp_path: Path) -> None:
    """The public batch list for any visitor, and a batch's raw rows (analysts only) for a logged-in analyst."""
    st.cache_resource.clear()
    _akun(tmp_path)
    con = connect(tulis_env)
    teks = (UPLOAD / "baik_intervensi_koma.csv").read_text().replace("PBI JK", '"=HYPERLINK(""http://x"",""a"")"')
    hasil = ingest_file(con, teks.encode(), "=DDE(cmd).csv", "intervensi", "@uji")
    con.close()
    tamu = buka("pages/riwayat.py")
    daftar = [str(v) for df in tamu.dataframe for v in df.value.astype(str).to_numpy().ravel()]
    assert "'=DDE(cmd).csv" in daftar and "'@uji" in daftar
    assert not [v for v in daftar if v.startswith(("=", "+", "@"))]
    at = masuk(buka("pages/riwayat.py"), "analis1", SANDI, gerbang="riwayat")
    at.selectbox(key="riwayat_batch").set_value(hasil.batch_id).run()
    nilai = [str(v) for df in at.dataframe for v in df.value.astype(str).to_numpy().ravel()]
    assert "'=HYPERLINK(\"http://x\",\"a\")" in nilai
    assert not [v for v in nilai if v.startswith(("=", "+", "@"))]


def test_locked_store_page_shows_no_path(tulis_env: Path) -> None:
    st.cache_resource.clear()
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb,sys; c=duckdb.connect(sys.argv[1]); "
                               "print('siap', flush=True); sys.stdin.read()", str(tulis_env)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "siap"
        for page in ("pages/ringkasan.py", "pages/riwayat.py"):  # the upload page shows its gate first
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
            if page != "pages/ringkasan.py":
                at.switch_page(page).run()
            teks = semua_teks(at)
            assert "sedang dipakai oleh proses lain" in teks, (page, teks)
            assert str(tulis_env) not in teks and tulis_env.name not in teks and "/tmp" not in teks
            assert "lock" not in teks.lower() and "IO Error" not in teks
    finally:
        holder.communicate("", timeout=30)
        st.cache_resource.clear()


def test_unexpected_save_failure_is_galat_internal_with_reference(tulis_env: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    _akun(tmp_path)
    import tkpk.ui.unggah as ui_unggah

    def rusak(*a: object, **k: object) -> None:
        raise OSError("[Errno 28] No space left on device: '/srv/rahasia/tkpk.duckdb.wal'")

    monkeypatch.setattr(ui_unggah, "simpan_hasil", rusak)
    at = masuk(buka("pages/unggah.py"), "analis1", SANDI)
    at.radio(key="jenis_unggah").set_value("intervensi").run()
    berkas = UPLOAD / "baik_intervensi_koma.csv"
    at.file_uploader(key="berkas_intervensi").set_value((berkas.name, berkas.read_bytes(), "text/csv")).run()
    caplog.set_level(logging.ERROR, logger="tkpk.galat")
    next(b for b in at.button if "Simpan" in b.label).click().run()
    teks = " ".join(e.value for e in at.error)
    assert "galat internal" in teks and "tidak ada yang disimpan" in teks
    assert "/srv" not in teks and "Errno" not in teks and "space" not in teks
    ref = teks.split("kode rujukan **")[1].split("**")[0]
    assert len(ref) == 8
    assert any(f"ref={ref}" in r.getMessage() and r.exc_info for r in caplog.records)


def test_uncaught_page_error_goes_to_the_log_under_a_reference(caplog: pytest.LogCaptureFixture) -> None:
    """st.App's on_script_error hook: the traceback to the server log, only the reference id to the visitor."""
    from tkpk.ui.serve import saat_galat

    caplog.set_level(logging.ERROR, logger="tkpk.galat")
    try:
        raise FileNotFoundError("/srv/rahasia/tkpk.duckdb")
    except FileNotFoundError as exc:
        assert saat_galat(exc) is True, "Streamlit's own traceback display is suppressed"
    rec = [r for r in caplog.records if r.name == "tkpk.galat"]
    assert len(rec) == 1 and re.search(r"ref=[0-9A-F]{8}", rec[0].getMessage()) and rec[0].exc_info
