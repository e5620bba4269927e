"""Analyst login gate for the pages that write (upload, rollback).

Two kinds of account, never both: with an OIDC provider configured in ``secrets.toml`` (``[auth]`` with
``client_id``) ``st.login`` proves who someone is and the allow-list ``[tkpk] analis`` (:mod:`tkpk.akun.akses`)
decides who is an analyst; otherwise local accounts (argon2 hashes under ``[auth.users]``, see :mod:`tkpk.akun.lokal`)
log in through a throttled form (:mod:`tkpk.akun.gerbang`). With no account, or OIDC without an allow-list, the gate
stays shut and says how to open it. No default password.

A local login lives server-side (:mod:`tkpk.akun.sesi`); the browser keeps it across a reload through an HttpOnly
cookie it fetches once from ``/api/sesi`` right after the login (:mod:`tkpk.ui.rute`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import streamlit as st

from tkpk.akun import akses
from tkpk.akun import gerbang as masuk_lokal
from tkpk.akun import lokal as auth
from tkpk.akun.pembatas import alamat_klien, proxy_tepercaya
from tkpk.akun.sesi import DAFTAR, NAMA_KUKI, NAMA_KUKI_IKAT
from tkpk.teks_aman import md

KUNCI_PENGGUNA = "analis"  # the name, for display; never trusted on its own
KUNCI_TOKEN = "analis_token"
HALAMAN = {"unggah": "/unggah", "riwayat": "/riwayat"}


def _rahasia(bagian: str) -> Any:
    try:
        return st.secrets.get(bagian)
    except Exception:  # no secrets file, or a broken one: treat as "not configured"
        return None


def penyedia_oidc() -> list[str | None]:
    """The OIDC providers ``[auth]`` configures: ``None`` for one given directly in ``[auth]`` (``st.login()``),
    a name for each ``[auth.<name>]`` section (``st.login("<name>")``; Streamlit refuses the nameless call then)."""
    cfg = _rahasia("auth")
    if not isinstance(cfg, Mapping):
        return []
    hasil: list[str | None] = [None] if "client_id" in cfg else []
    return hasil + [str(k) for k, v in cfg.items() if k != "users" and isinstance(v, Mapping) and "client_id" in v]


def _oidc() -> bool:
    """True when ``[auth]`` in Streamlit's secrets names an OIDC client (directly or per provider)."""
    return bool(penyedia_oidc())


def _tombol_login(key: str, label: str = "Masuk") -> None:
    """One login button, or one per provider when several are configured ("Masuk dengan google")."""
    penyedia = penyedia_oidc()
    for p in penyedia:
        teks = label if len(penyedia) == 1 else f"{label} dengan {p or 'akun organisasi'}"
        if st.button(teks, key=f"{key}_{p or ''}"):
            st.login(p) if p else st.login()


def daftar_analis() -> akses.DaftarAnalis:
    cfg = _rahasia("tkpk")
    return akses.baca_daftar(cfg.get("analis") if isinstance(cfg, Mapping) else None)


def _user() -> dict[str, Any]:
    try:
        return st.user.to_dict() if st.user.is_logged_in else {}
    except Exception:
        return {}


def klien() -> str:
    """The visitor's address for throttling (``X-Forwarded-For`` only behind a proxy named in TKPK_PROXY)."""
    try:
        return alamat_klien(st.context.ip_address, st.context.headers.get("X-Forwarded-For"), proxy_tepercaya())
    except Exception:
        return "127.0.0.1"


def _baca_kuki(nama: str) -> str | None:
    try:
        nilai = st.context.cookies.get(nama)
    except Exception:
        return None
    return nilai if isinstance(nilai, str) and nilai else None


def _kuki() -> str | None:
    return _baca_kuki(NAMA_KUKI)


def _kuki_ikat() -> str | None:
    """This browser's binding cookie (set by our middleware at page load), which the login ticket is tied to."""
    return _baca_kuki(NAMA_KUKI_IKAT)


def _token() -> str | None:
    return st.session_state.get(KUNCI_TOKEN) or DAFTAR.dari_kuki(_kuki())


def pengguna() -> str | None:
    """The logged-in analyst's name (the email under OIDC), or None. Never shows anything."""
    if _oidc():
        u = _user()
        email = u.get("email")
        if u and akses.boleh_unggah(u, daftar_analis()) and DAFTAR.oidc_berlaku(str(email), u.get("iat")):
            return str(email).strip()
        return None
    nama = DAFTAR.periksa(_token(), lambda n: masuk_lokal.sidik_akun(auth.secrets_path(), n))
    if nama is None:
        st.session_state.pop(KUNCI_TOKEN, None)
        st.session_state.pop(KUNCI_PENGGUNA, None)
    return nama


def _arahkan(url: str) -> None:
    """Send the browser to one of our own routes: the message ``st.login`` uses to reach the provider."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    ctx = get_script_run_ctx()
    if ctx is None:
        return
    msg = ForwardMsg()
    msg.auth_redirect.url = url
    ctx.enqueue(msg)


def keluar_tombol(key: str = "keluar") -> None:
    nama = pengguna()
    if nama is None:
        return
    c1, c2 = st.columns([4, 1])
    c1.caption(f"Masuk sebagai **{md(nama)}**. Keluar mengakhiri login akun ini di semua perangkat.")
    if c2.button("Keluar", key=key):
        DAFTAR.akhiri_akun(nama)
        st.session_state.pop(KUNCI_TOKEN, None)
        st.session_state.pop(KUNCI_PENGGUNA, None)
        if _oidc():
            st.logout()
            st.rerun()
        # the browser goes to /api/keluar to drop the cookie; st.stop, not st.rerun, which would drop the redirect
        _arahkan(f"/api/keluar?lanjut={quote(HALAMAN.get(key.removeprefix('keluar_'), '/'))}")
        st.stop()


def kembali(key: str) -> str:
    """Where the browser returns after the cookie step: the page the login was made on, with its choices (a
    slideshow continues at its slide). The route accepts only our own paths (:data:`tkpk.ui.rute._LANJUT`)."""
    jalur = HALAMAN.get(key)
    if jalur is None:
        try:
            jalur = urlsplit(st.context.url or "").path or "/"
        except Exception:  # no browser context (AppTest): the home page
            jalur = "/"
    if not re.fullmatch(r"/[a-z_-]{0,40}", jalur):
        jalur = "/"
    kueri = urlencode(st.query_params.to_dict())
    return jalur + (f"?{kueri}" if kueri else "")


def _form_lokal(key: str) -> str | None:
    """The login form; on success the account name. The browser is then sent to ``/api/sesi`` for its cookie
    (no ``st.rerun`` here: a rerun would drop that redirect before it reaches the browser), with a ticket tied to
    this browser's binding cookie. Without that cookie (cookies blocked) the login lasts for this tab only."""
    with st.form(f"form_masuk_{key}"):
        nama = st.text_input("Nama akun", key=f"masuk_nama_{key}")
        sandi = st.text_input("Kata sandi", type="password", key=f"masuk_sandi_{key}")
        kirim = st.form_submit_button("Masuk")
    if not kirim:
        return None
    hasil = masuk_lokal.coba_masuk(auth.secrets_path(), nama, sandi, klien())
    if not hasil.berhasil or hasil.token is None:
        st.error(hasil.pesan)
        return None
    st.session_state[KUNCI_TOKEN] = hasil.token
    st.session_state[KUNCI_PENGGUNA] = nama.strip()
    ikat = _kuki_ikat()
    if ikat:
        tiket = DAFTAR.tiket(hasil.token, ikat)
        _arahkan(f"/api/sesi?tiket={quote(tiket)}&lanjut={quote(kembali(key))}")
    return nama.strip()


def _oidc_ditolak(key: str, u: Mapping[str, Any]) -> None:
    """A signed-in identity that is not (or no longer) an analyst: say why, and how to fix it."""
    email = str(u.get("email") or "(tanpa email)")
    daftar = daftar_analis()
    if daftar.kosong:
        st.warning(
            "🔒 **Terkunci: belum ada daftar analis.** Dengan login organisasi (OIDC), hanya alamat email yang "
            "terdaftar yang boleh mengunggah atau membatalkan batch. Pengelola server menambahkan daftar ini ke "
            "`.streamlit/secrets.toml`, lalu memulai ulang server:"
        )
        st.code(akses.CONTOH_DAFTAR, language=None)  # plain, as above
        st.caption("Alamat lengkap untuk satu orang; `@domain` untuk semua alamat tepat di domain itu "
                   "(subdomain hanya bila dicantumkan sendiri). Hanya email yang sudah diverifikasi penyedia login.")
    elif not akses.terverifikasi(u):
        st.error(f"Alamat email {md(email)} belum diverifikasi oleh penyedia login, sehingga tidak dapat dipakai "
                 "sebagai akun analis.")
    elif not akses.cocok(u.get("email"), daftar):
        st.error(f"Akun {md(email)} tidak terdaftar sebagai analis. Minta pengelola server menambahkannya ke "
                 "daftar `analis` di `.streamlit/secrets.toml`.")
    else:
        st.info("Sesi login Anda sudah berakhir. Silakan masuk lagi.")
        _tombol_login(f"oidc_lagi_{key}", "Masuk lagi")
        return
    if st.button("Keluar", key=f"oidc_keluar_{key}"):
        st.logout()


def gerbang(key: str = "unggah", tampil_form: bool = True) -> str | None:
    """Return the analyst's name, or show the login (or the locked explanation) and return None."""
    nama = pengguna()
    if nama is not None:
        keluar_tombol(key=f"keluar_{key}")
        return nama
    if not tampil_form:
        return None
    if _oidc():
        u = _user()
        if u:
            _oidc_ditolak(key, u)
            return None
        st.info("Fitur ini hanya untuk analis Bappedalitbang. Silakan masuk dengan akun organisasi.")
        _tombol_login(f"oidc_{key}")
        return None
    if not auth.ada_akun(auth.secrets_path()):
        st.warning(
            "🔒 **Terkunci: belum ada akun analis.** Unggah data dan pembatalan batch hanya untuk analis yang "
            "masuk. Pengelola server membuat akun dengan perintah berikut (kata sandi diminta di terminal dan "
            "hanya hash-nya yang disimpan di `.streamlit/secrets.toml`):"
        )
        # inline code, not st.code: a code block makes every visitor's browser load Streamlit's 1,5 MB syntax
        # highlighter for one line (issue 17), and its bash colours failed contrast
        st.markdown("`python -m tkpk add-user NAMA`")
        st.caption("Tidak ada akun atau kata sandi bawaan. Setelah akun dibuat, muat ulang halaman ini.")
        return None
    slot = st.empty()
    with slot.container():
        st.info("Fitur ini hanya untuk analis. Silakan masuk.")
        nama = _form_lokal(key)
    if nama is None:
        return None
    slot.empty()
    keluar_tombol(key=f"keluar_{key}")
    return nama
