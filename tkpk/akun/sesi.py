"""Analyst logins that survive a page reload, listed server-side so a logout ends them everywhere.

Why server-side: a cookie alone cannot be taken back. Each login is a random token whose record (account, when
it ends, a fingerprint of the account's hash) lives in this process's memory; the browser holds only the token,
signed with a key made at start. So:

- a logout ends every login of that account at the next rerun of any tab, on any device;
- removing an account or resetting its password (another process, the CLI) ends its logins too, because the
  fingerprint no longer matches the secrets file;
- a server restart ends every login (new key, empty list): analysts log in again. OIDC identities issued before
  the start are refused for the same reason (:meth:`Daftar.oidc_berlaku`).

The browser gets its cookie through a one-time ticket: the login form (a Streamlit widget) cannot set an
HttpOnly cookie, so it sends the browser to ``/api/sesi?tiket=…`` (:mod:`tkpk.ui.rute`), which swaps the
ticket for the cookie. The ticket is tied to the browser that submitted the form (double submit): every page
load gives the browser a random binding cookie (:data:`NAMA_KUKI_IKAT`, HttpOnly, SameSite=Strict), the form
reads it when the login succeeds, and the ticket is swapped only for a request carrying the same cookie. A
ticket URL opened in another browser (sent in a chat, or planted by someone who logged in with their own
account: login CSRF) logs nobody in. Nothing here imports Streamlit.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from itsdangerous import BadSignature, SignatureExpired, TimestampSigner

NAMA_KUKI = "tkpk_sesi"
NAMA_KUKI_IKAT = "tkpk_ikat"  # the browser binding a ticket is tied to
UMUR_DETIK = 8 * 3600  # one working day; then log in again
UMUR_TIKET_DETIK = 60
MAKS_SESI = 1000  # a bound on memory; the oldest logins go first


@dataclass(frozen=True)
class Sesi:
    nama: str
    akhir: float
    sidik_hash: str  # the account's hash fingerprint at login: a reset or removal ends the session


def sidik(hash_sandi: str) -> str:
    """A short fingerprint of an account's stored hash (never the hash itself in memory lists or logs)."""
    return hashlib.sha256(hash_sandi.encode("utf-8")).hexdigest()[:16]


class Daftar:
    """The process's list of logins and one-time tickets; thread-safe (each Streamlit session is a thread)."""

    def __init__(self, jam: Callable[[], float] = time.time) -> None:
        self._jam = jam
        self._kunci = threading.Lock()
        self._sesi: dict[str, Sesi] = {}
        self._tiket: dict[str, tuple[str, float, str]] = {}  # ticket -> (token, expiry, binding fingerprint)
        self._cabut_oidc: dict[str, float] = {}
        self.mulai = jam()
        self._penanda = TimestampSigner(secrets.token_bytes(32), salt="tkpk-sesi")

    @staticmethod
    def _kunci_token(token: str) -> str:
        return hashlib.sha256(token.encode("utf-8")).hexdigest()

    def buat(self, nama: str, sidik_hash: str) -> str:
        """Start a login; returns the token (kept by the caller's Streamlit session and, signed, in the cookie)."""
        token = secrets.token_urlsafe(32)
        with self._kunci:
            self._buang_usang()
            if len(self._sesi) >= MAKS_SESI:
                tertua = min(self._sesi, key=lambda k: self._sesi[k].akhir)
                del self._sesi[tertua]
            self._sesi[self._kunci_token(token)] = Sesi(nama, self._jam() + UMUR_DETIK, sidik_hash)
        return token

    def periksa(self, token: str | None, sidik_sekarang: Callable[[str], str | None]) -> str | None:
        """The account name of a live login, or None. ``sidik_sekarang(nama)`` reads the account's current hash
        fingerprint (None when the account is gone or disabled)."""
        if not token:
            return None
        k = self._kunci_token(token)
        with self._kunci:
            s = self._sesi.get(k)
            if s is None or s.akhir <= self._jam():
                self._sesi.pop(k, None)
                return None
        if sidik_sekarang(s.nama) != s.sidik_hash:
            self.akhiri_akun(s.nama)
            return None
        return s.nama

    def akhiri_akun(self, nama: str) -> int:
        """End every login of ``nama`` (logout everywhere); returns how many ended."""
        with self._kunci:
            mati = [k for k, s in self._sesi.items() if s.nama == nama]
            for k in mati:
                del self._sesi[k]
            self._cabut_oidc[nama.lower()] = self._jam()
        return len(mati)

    def tiket(self, token: str, ikat: str) -> str:
        """A one-time ticket for ``token``, valid :data:`UMUR_TIKET_DETIK` seconds (it travels in a URL), that
        only the browser holding the binding cookie ``ikat`` can swap."""
        if not ikat:
            raise ValueError("a ticket needs the browser's binding cookie")
        t = secrets.token_urlsafe(24)
        with self._kunci:
            sekarang = self._jam()
            self._tiket = {k: v for k, v in self._tiket.items() if v[1] > sekarang}
            self._tiket[t] = (token, sekarang + UMUR_TIKET_DETIK, self._kunci_token(ikat))
        return t

    def tukar_tiket(self, tiket: str, ikat: str | None) -> str | None:
        """The signed cookie value for a ticket, once, to the browser it was made for; None when unknown, used,
        stale, or presented with another binding cookie (or none)."""
        with self._kunci:
            isi = self._tiket.pop(tiket, None)
            if isi is None or isi[1] <= self._jam():
                return None
            if not ikat or not hmac.compare_digest(isi[2], self._kunci_token(ikat)):
                return None
            if self._kunci_token(isi[0]) not in self._sesi:
                return None
        return self._penanda.sign(isi[0]).decode("ascii")

    def dari_kuki(self, nilai: str | None) -> str | None:
        """The token inside a cookie value, or None when the signature is wrong or the cookie too old."""
        if not nilai:
            return None
        try:
            return self._penanda.unsign(nilai, max_age=UMUR_DETIK).decode("ascii")
        except (BadSignature, SignatureExpired, UnicodeDecodeError):
            return None

    def oidc_berlaku(self, email: str, iat: object) -> bool:
        """An OIDC identity (Streamlit keeps its cookie 30 days) counts only if issued after this server started,
        after the account's last logout, and less than :data:`UMUR_DETIK` ago."""
        if isinstance(iat, bool) or not isinstance(iat, int | float):
            return False
        sekarang = self._jam()
        with self._kunci:
            cabut = self._cabut_oidc.get(email.lower(), 0.0)
        return iat >= int(self.mulai) and iat > cabut and sekarang - iat < UMUR_DETIK

    def jumlah(self) -> int:
        with self._kunci:
            return len(self._sesi)

    def _buang_usang(self) -> None:
        sekarang = self._jam()
        for k in [k for k, s in self._sesi.items() if s.akhir <= sekarang]:
            del self._sesi[k]


DAFTAR = Daftar()
