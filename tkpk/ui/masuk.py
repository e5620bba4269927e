"""Analyst login gate for the pages that write (upload, rollback).

``st.login`` / ``st.user`` when an OIDC provider is configured in ``secrets.toml`` (``[auth]`` with
``client_id``); otherwise local accounts (argon2 hashes under ``[auth.users]``, see :mod:`tkpk.auth`).
With no account at all the gate stays shut and explains ``python -m tkpk add-user NAMA``. No default password.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from tkpk import auth

KUNCI_PENGGUNA = "analis"


def _oidc() -> bool:
    """True when ``[auth]`` in Streamlit's secrets names an OIDC client (directly or per provider)."""
    try:
        cfg: Any = st.secrets.get("auth")
    except Exception:  # no secrets file, or a broken one: treat as "not configured"
        return False
    if not isinstance(cfg, Mapping):
        return False
    if "client_id" in cfg:
        return True
    return any(isinstance(v, Mapping) and "client_id" in v for k, v in cfg.items() if k != "users")


def pengguna() -> str | None:
    """The logged-in analyst's name, or None. Never shows anything."""
    if _oidc():
        try:
            if st.user.is_logged_in:
                return str(st.user.get("email") or st.user.get("name") or "analis")
        except Exception:
            return None
        return None
    nama = st.session_state.get(KUNCI_PENGGUNA)
    return str(nama) if nama else None


def keluar_tombol(key: str = "keluar") -> None:
    nama = pengguna()
    if nama is None:
        return
    c1, c2 = st.columns([4, 1])
    c1.caption(f"Masuk sebagai **{nama}**.")
    if c2.button("Keluar", key=key):
        if _oidc():
            st.logout()
        st.session_state.pop(KUNCI_PENGGUNA, None)
        st.rerun()


def _form_lokal(key: str) -> None:
    with st.form(f"form_masuk_{key}"):
        nama = st.text_input("Nama akun", key=f"masuk_nama_{key}")
        sandi = st.text_input("Kata sandi", type="password", key=f"masuk_sandi_{key}")
        kirim = st.form_submit_button("Masuk")
    if kirim:
        if nama.strip() and sandi and auth.verify(auth.secrets_path(), nama.strip(), sandi):
            st.session_state[KUNCI_PENGGUNA] = nama.strip()
            st.rerun()
        else:
            st.error("Nama akun atau kata sandi salah.")


def gerbang(key: str = "unggah", tampil_form: bool = True) -> str | None:
    """Return the analyst's name, or show the login (or the locked explanation) and return None."""
    nama = pengguna()
    if nama is not None:
        keluar_tombol(key=f"keluar_{key}")
        return nama
    if not tampil_form:
        return None
    if _oidc():
        st.info("Fitur ini hanya untuk analis Bappedalitbang. Silakan masuk dengan akun organisasi.")
        if st.button("Masuk", key=f"oidc_{key}"):
            st.login()
        return None
    if not auth.ada_akun(auth.secrets_path()):
        st.warning(
            "🔒 **Terkunci: belum ada akun analis.** Unggah data dan pembatalan batch hanya untuk analis yang "
            "masuk. Pengelola server membuat akun dengan perintah berikut (kata sandi diminta di terminal dan "
            "hanya hash-nya yang disimpan di `.streamlit/secrets.toml`):"
        )
        st.code("python -m tkpk add-user NAMA", language="bash")
        st.caption("Tidak ada akun atau kata sandi bawaan. Setelah akun dibuat, muat ulang halaman ini.")
        return None
    st.info("Fitur ini hanya untuk analis. Silakan masuk.")
    _form_lokal(key)
    return None
