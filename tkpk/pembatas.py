"""Throttling of local logins, per (account, client), so guessing is slow and nobody can lock an analyst out
from another machine.

Rules (:class:`Pembatas`): from the 3rd failure on, the next try must wait 1, 2, 4 … seconds (at most
:data:`JEDA_MAKS`); a try made while told to wait is refused unchecked and counts as a failure; after
:data:`BATAS_KUNCI` failures that pair is locked for 15 minutes. A success clears the pair. Each password check
costs a 64 MiB argon2 hash, so at most :data:`ARGON2_SERENTAK` run at once (:data:`SEMAFOR`); a try that cannot
get a slot within a few seconds is told the server is busy and does not count.

The client is the connection's address; ``X-Forwarded-For`` is believed only when the connection comes from a
proxy named in ``TKPK_PROXY`` (comma-separated addresses), else anyone could claim any address.
Nothing here imports Streamlit.
"""

from __future__ import annotations

import ipaddress
import math
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

GAGAL_SEBELUM_JEDA = 3
BATAS_KUNCI = 10
LAMA_KUNCI = 15 * 60
JEDA_MAKS = 60.0
ARGON2_SERENTAK = 2
TUNGGU_SLOT = 5.0
MAKS_PASANGAN = 10_000
ENV_PROXY = "TKPK_PROXY"

SEMAFOR = threading.BoundedSemaphore(ARGON2_SERENTAK)

Keadaan = Literal["boleh", "tunda", "kunci"]


@dataclass
class _Catatan:
    gagal: int = 0
    boleh_lagi: float = 0.0  # earliest time of the next try (a delay or the lock)
    terakhir: float = 0.0


@dataclass(frozen=True)
class Izin:
    keadaan: Keadaan
    detik: float = 0.0  # how long until the next try is allowed

    def pesan(self) -> str:
        """The visitor's message, in Indonesian."""
        if self.keadaan == "kunci":
            menit = max(1, math.ceil(self.detik / 60 - 1e-6))  # 900.0000001 s is still "15 menit"
            return (f"🔒 Akun ini dikunci sementara untuk perangkat Anda karena {BATAS_KUNCI} kali gagal masuk. "
                    f"Coba lagi dalam {menit} menit. Lupa kata sandi? Minta pengelola server menjalankan "
                    "python -m tkpk reset-password NAMA.")
        if self.keadaan == "tunda":
            return (f"Terlalu banyak percobaan gagal. Tunggu {max(1, math.ceil(self.detik - 1e-6))} detik, lalu coba "
                    f"lagi. Setelah {BATAS_KUNCI} kali gagal, akun dikunci {LAMA_KUNCI // 60} menit untuk "
                    "perangkat ini.")
        return ""


class Pembatas:
    """Failure counts per (account, client); thread-safe. ``jam`` is injectable so tests need not wait."""

    def __init__(self, jam: Callable[[], float] = time.monotonic) -> None:
        self._jam = jam
        self._kunci = threading.Lock()
        self._catatan: dict[tuple[str, str], _Catatan] = {}

    def izin(self, akun: str, klien: str) -> Izin:
        """May this pair try now? A refused try counts as a failure (hammering only makes it worse)."""
        sekarang = self._jam()
        with self._kunci:
            c = self._catatan.get((akun, klien))
            if c is None or c.boleh_lagi <= sekarang:
                return Izin("boleh")
            terkunci = c.gagal >= BATAS_KUNCI
            if not terkunci:
                self._gagal(c, sekarang)
                terkunci = c.gagal >= BATAS_KUNCI
            return Izin("kunci" if terkunci else "tunda", c.boleh_lagi - sekarang)

    def gagal(self, akun: str, klien: str) -> Izin:
        """Record a wrong password; returns what the next try faces."""
        sekarang = self._jam()
        with self._kunci:
            if len(self._catatan) >= MAKS_PASANGAN:
                self._rapikan(sekarang)
            c = self._catatan.setdefault((akun, klien), _Catatan())
            self._gagal(c, sekarang)
            if c.boleh_lagi <= sekarang:
                return Izin("boleh")
            return Izin("kunci" if c.gagal >= BATAS_KUNCI else "tunda", c.boleh_lagi - sekarang)

    def berhasil(self, akun: str, klien: str) -> None:
        with self._kunci:
            self._catatan.pop((akun, klien), None)

    def _gagal(self, c: _Catatan, sekarang: float) -> None:
        if c.gagal >= BATAS_KUNCI and c.boleh_lagi <= sekarang:
            c.gagal = 0  # a lock that has run out starts the count afresh
        c.gagal += 1
        c.terakhir = sekarang
        if c.gagal >= BATAS_KUNCI:
            c.boleh_lagi = sekarang + LAMA_KUNCI
        elif c.gagal >= GAGAL_SEBELUM_JEDA:
            c.boleh_lagi = sekarang + min(JEDA_MAKS, 2.0 ** (c.gagal - GAGAL_SEBELUM_JEDA))

    def _rapikan(self, sekarang: float) -> None:
        """Forget pairs that are free again; if still full, the oldest (names typed at random must not grow
        memory without bound)."""
        for k in [k for k, c in self._catatan.items() if c.boleh_lagi <= sekarang]:
            del self._catatan[k]
        if len(self._catatan) >= MAKS_PASANGAN:
            for k in sorted(self._catatan, key=lambda k: self._catatan[k].terakhir)[: MAKS_PASANGAN // 10]:
                del self._catatan[k]

    def kosongkan(self) -> None:
        with self._kunci:
            self._catatan.clear()


PEMBATAS = Pembatas()


def proxy_tepercaya(raw: str | None = None) -> frozenset[str]:
    """The reverse proxies whose ``X-Forwarded-For`` is believed (``TKPK_PROXY``), normalised."""
    teks = os.environ.get(ENV_PROXY, "") if raw is None else raw
    hasil = set()
    for bagian in teks.split(","):
        alamat = _alamat(bagian)
        if alamat:
            hasil.add(alamat)
    return frozenset(hasil)


def _alamat(teks: str | None) -> str | None:
    try:
        return str(ipaddress.ip_address((teks or "").strip()))
    except ValueError:
        return None


def alamat_klien(jarak_jauh: str | None, diteruskan: str | None, proxy: frozenset[str]) -> str:
    """The client's address: the connection's own, or, when that is a trusted proxy, the right-most address in
    ``X-Forwarded-For`` that is not itself a trusted proxy (the left part is whatever the client wrote)."""
    sendiri = _alamat(jarak_jauh) or "127.0.0.1"  # Streamlit reports loopback as "no address"
    if sendiri not in proxy or not diteruskan:
        return sendiri
    for bagian in reversed(diteruskan.split(",")):
        alamat = _alamat(bagian)
        if alamat is None:
            return sendiri  # a malformed chain: trust nothing in it
        if alamat not in proxy:
            return alamat
    return sendiri
