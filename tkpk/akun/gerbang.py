"""One local login attempt: throttle, bounded argon2 check, log line, and on success a server-side session.

The log line (logger ``tkpk.masuk``) holds the time (from the log format), the account, the client address and the
outcome; never the password. The account is logged by name only when it exists: people type a password into the
name field, so any other name is logged as ``tak-dikenal(sidik=…,panjang=…)``, an 8-hex HMAC under a key made at
server start (one name gives one fingerprint while the server runs, so repeated tries still show, yet the log
cannot be searched for a guessed password) and its length. Outcomes: ``berhasil``, ``gagal`` (wrong password or no such
account: one answer for both), ``nonaktif`` (the account's hash is empty or malformed), ``tunda``/``kunci``
(refused unchecked by the throttle for this account and client), ``klien`` (refused unchecked: too many
failures from this client across all account names), ``sibuk`` (no argon2 slot free).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from dataclasses import dataclass
from pathlib import Path

from tkpk.akun import lokal as auth
from tkpk.akun.pembatas import PEMBATAS, SEMAFOR, TUNGGU_SLOT, Pembatas
from tkpk.akun.sesi import DAFTAR, Daftar, sidik

LOG = logging.getLogger("tkpk.masuk")
PESAN_SALAH = "Nama akun atau kata sandi salah."
PESAN_SIBUK = "Server sedang sibuk memeriksa kata sandi lain. Tunggu sebentar, lalu coba lagi."


@dataclass(frozen=True)
class HasilMasuk:
    token: str | None  # the new session's token on success
    pesan: str  # what the visitor is told (empty on success)
    hasil: str  # the outcome as logged

    @property
    def berhasil(self) -> bool:
        return self.token is not None


_KUNCI_LOG = secrets.token_bytes(32)


def _jejak(path: Path, nama: str) -> str:
    """The typed name as one short log-safe token (no newlines to forge log lines); an unknown name only as a
    keyed fingerprint and its length."""
    try:
        ada = nama in auth.baca_users(path)
    except (OSError, ValueError):  # unreadable or broken accounts file (tomllib's error is a ValueError)
        ada = False
    if ada:
        return repr(nama[:64])
    sidik_nama = hmac.new(_KUNCI_LOG, nama.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()[:8]
    return f"tak-dikenal(sidik={sidik_nama},panjang={len(nama)})"


def sidik_akun(path: Path, nama: str) -> str | None:
    """Fingerprint of the account's usable hash, or None when it is gone or disabled (ends its sessions)."""
    h = auth.hash_akun(path, nama)
    return sidik(h) if h else None


def coba_masuk(path: Path, nama: str, sandi: str, klien: str, *, pembatas: Pembatas = PEMBATAS,
               daftar: Daftar = DAFTAR) -> HasilMasuk:
    nama = nama.strip()
    jejak = _jejak(path, nama)
    izin = pembatas.izin(nama, klien)  # a "boleh" reserves the pair until the outcome is recorded below
    if izin.keadaan != "boleh":
        LOG.warning("masuk akun=%s klien=%s hasil=%s", jejak, klien, izin.keadaan)
        return HasilMasuk(None, izin.pesan(), izin.keadaan)
    tercatat = False
    try:
        if not SEMAFOR.acquire(timeout=TUNGGU_SLOT):
            LOG.warning("masuk akun=%s klien=%s hasil=sibuk", jejak, klien)
            return HasilMasuk(None, PESAN_SIBUK, "sibuk")
        try:
            cek = auth.periksa_sandi(path, nama, sandi) if nama and sandi else "gagal"
        finally:
            SEMAFOR.release()
        if cek == "ok":
            h = auth.hash_akun(path, nama)
            if h:
                pembatas.berhasil(nama, klien)
                tercatat = True
                LOG.info("masuk akun=%s klien=%s hasil=berhasil", jejak, klien)
                return HasilMasuk(daftar.buat(nama, sidik(h)), "", "berhasil")
            cek = "gagal"  # the account vanished between the check and now
        lanjut = pembatas.gagal(nama, klien)
        tercatat = True
    finally:
        if not tercatat:
            pembatas.lepas(nama, klien)  # busy, or the check itself raised: the pair is free, nothing counted
    LOG.warning("masuk akun=%s klien=%s hasil=%s", jejak, klien, cek)
    pesan = PESAN_SALAH if lanjut.keadaan == "boleh" else f"{PESAN_SALAH} {lanjut.pesan()}"
    return HasilMasuk(None, pesan, cek)
