"""Throttling of local logins, per (account, client) and per client, so guessing is slow, parallel tries gain
nothing, and nobody can lock an analyst out from another machine.

Rules (:class:`Pembatas`):

- per (account, client): from the 3rd failure on, the next try must wait 1, 2, 4 … seconds (at most
  :data:`JEDA_MAKS`); a try made while told to wait is refused unchecked and counts as a failure; after
  :data:`BATAS_KUNCI` failures that pair is locked for 15 minutes. A success clears the pair.
- one try per pair at a time: :meth:`Pembatas.izin` reserves the pair inside the same lock as the decision, and
  the reservation ends only when the outcome is recorded (:meth:`~Pembatas.gagal`, :meth:`~Pembatas.berhasil`,
  :meth:`~Pembatas.lepas`). A try arriving while another of the same pair is being checked is a try made while
  told to wait. So the slow password check can no longer be raced: 30 tries sent at once are judged as if sent
  one after another, and once the pair could reach 10 failures no further check starts.
- per client, across all account names: at most :data:`BATAS_KLIEN` failed checks (plus checks in flight) in
  :data:`JENDELA_KLIEN`; beyond that every try from that client is refused before any password check. Random
  account names are each a fresh pair, so without this one visitor could keep the 64 MiB checker busy. An
  IPv6 client is its /64 network (one home line gets a whole /64). Other clients are not affected.

Each password check costs a 64 MiB argon2 hash, so at most :data:`ARGON2_SERENTAK` run at once (:data:`SEMAFOR`);
a try that cannot get a slot within a few seconds is told the server is busy and does not count.

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
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

GAGAL_SEBELUM_JEDA = 3
BATAS_KUNCI = 10
LAMA_KUNCI = 15 * 60
JEDA_MAKS = 60.0
ARGON2_SERENTAK = 2
TUNGGU_SLOT = 5.0
MAKS_PASANGAN = 10_000
BATAS_KLIEN = 30  # failed checks from one client, all account names together, within JENDELA_KLIEN
JENDELA_KLIEN = 15 * 60
BATAS_BERJALAN = 120.0  # a reservation older than this was abandoned (its thread died): the pair is free again
ENV_PROXY = "TKPK_PROXY"

SEMAFOR = threading.BoundedSemaphore(ARGON2_SERENTAK)

Keadaan = Literal["boleh", "tunda", "kunci", "klien"]


@dataclass
class _Catatan:
    gagal: int = 0
    boleh_lagi: float = 0.0  # earliest time of the next try (a delay or the lock)
    terakhir: float = 0.0
    berjalan: float | None = None  # when the try being checked now started (one per pair at a time)


@dataclass
class _Klien:
    gagal: deque[float] = field(default_factory=lambda: deque(maxlen=BATAS_KLIEN))  # times of failed checks
    berjalan: dict[tuple[str, str], float] = field(default_factory=dict)  # pair -> start of its check in flight
    terakhir: float = 0.0

    def rapikan(self, sekarang: float) -> None:
        while self.gagal and self.gagal[0] <= sekarang - JENDELA_KLIEN:
            self.gagal.popleft()
        for pasangan in [p for p, t in self.berjalan.items() if sekarang - t >= BATAS_BERJALAN]:
            del self.berjalan[pasangan]


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
        if self.keadaan == "klien":
            menit = max(1, math.ceil(self.detik / 60 - 1e-6))
            return (f"🔒 Terlalu banyak percobaan masuk yang gagal dari perangkat ini ({BATAS_KLIEN} kali dalam "
                    f"{JENDELA_KLIEN // 60} menit). Coba lagi dalam {menit} menit.")
        if self.keadaan == "tunda":
            return (f"Terlalu banyak percobaan gagal. Tunggu {max(1, math.ceil(self.detik - 1e-6))} detik, lalu coba "
                    f"lagi. Setelah {BATAS_KUNCI} kali gagal, akun dikunci {LAMA_KUNCI // 60} menit untuk "
                    "perangkat ini.")
        return ""


class Pembatas:
    """Failure counts per (account, client) and per client; thread-safe. ``jam`` is injectable so tests need not
    wait. A try that :meth:`izin` lets through holds a reservation until :meth:`gagal`, :meth:`berhasil` or
    :meth:`lepas` is called for it (:func:`tkpk.akun.gerbang.coba_masuk` does so in a ``finally``)."""

    def __init__(self, jam: Callable[[], float] = time.monotonic) -> None:
        self._jam = jam
        self._kunci = threading.Lock()
        self._catatan: dict[tuple[str, str], _Catatan] = {}
        self._klien: dict[str, _Klien] = {}

    def izin(self, akun: str, klien: str) -> Izin:
        """May this pair try now? If so the try is reserved (one per pair at a time, and it counts against the
        client's budget while it runs). A refused try counts as a failure of the pair (hammering only makes it
        worse), except when the client's budget refuses it: then nothing is checked and nothing more counted."""
        sekarang = self._jam()
        with self._kunci:
            self._rapikan_bila_penuh(sekarang)
            k = self._klien.setdefault(kunci_klien(klien), _Klien())
            k.terakhir = sekarang
            k.rapikan(sekarang)
            if len(k.gagal) + len(k.berjalan) >= BATAS_KLIEN:
                sisa = k.gagal[0] + JENDELA_KLIEN - sekarang if len(k.gagal) >= BATAS_KLIEN else 1.0
                return Izin("klien", max(1.0, sisa))
            c = self._catatan.setdefault((akun, klien), _Catatan())
            c.terakhir = sekarang
            if c.berjalan is not None and sekarang - c.berjalan >= BATAS_BERJALAN:
                c.berjalan = None
            if c.berjalan is None and c.boleh_lagi <= sekarang:
                c.berjalan = sekarang
                k.berjalan[(akun, klien)] = sekarang
                return Izin("boleh")
            terkunci = c.gagal >= BATAS_KUNCI and c.boleh_lagi > sekarang
            if not terkunci:
                self._gagal(c, sekarang)
                terkunci = c.gagal >= BATAS_KUNCI
            return Izin("kunci" if terkunci else "tunda", max(1.0, c.boleh_lagi - sekarang))

    def gagal(self, akun: str, klien: str) -> Izin:
        """Record a wrong password (ends the try's reservation); returns what the next try faces."""
        sekarang = self._jam()
        with self._kunci:
            self._rapikan_bila_penuh(sekarang)
            k = self._klien.setdefault(kunci_klien(klien), _Klien())
            k.berjalan.pop((akun, klien), None)
            k.gagal.append(sekarang)
            k.terakhir = sekarang
            c = self._catatan.setdefault((akun, klien), _Catatan())
            c.berjalan = None
            self._gagal(c, sekarang)
            if c.boleh_lagi <= sekarang:
                return Izin("boleh")
            return Izin("kunci" if c.gagal >= BATAS_KUNCI else "tunda", c.boleh_lagi - sekarang)

    def berhasil(self, akun: str, klien: str) -> None:
        with self._kunci:
            self._catatan.pop((akun, klien), None)
            self._lepas_klien(akun, klien)

    def lepas(self, akun: str, klien: str) -> None:
        """End a try's reservation without an outcome (no check slot was free, or the check itself failed)."""
        with self._kunci:
            c = self._catatan.get((akun, klien))
            if c is not None:
                c.berjalan = None
            self._lepas_klien(akun, klien)

    def _lepas_klien(self, akun: str, klien: str) -> None:
        k = self._klien.get(kunci_klien(klien))
        if k is not None:
            k.berjalan.pop((akun, klien), None)

    def _gagal(self, c: _Catatan, sekarang: float) -> None:
        if c.gagal >= BATAS_KUNCI and c.boleh_lagi <= sekarang:
            c.gagal = 0  # a lock that has run out starts the count afresh
        c.gagal += 1
        c.terakhir = sekarang
        if c.gagal >= BATAS_KUNCI:
            c.boleh_lagi = sekarang + LAMA_KUNCI
        elif c.gagal >= GAGAL_SEBELUM_JEDA:
            c.boleh_lagi = max(c.boleh_lagi, sekarang + min(JEDA_MAKS, 2.0 ** (c.gagal - GAGAL_SEBELUM_JEDA)))

    def _rapikan_bila_penuh(self, sekarang: float) -> None:
        """Forget pairs and clients that are free again; if still full, the oldest (names typed at random must
        not grow memory without bound). A pair whose check is running is kept."""
        if len(self._catatan) >= MAKS_PASANGAN:
            for kk in [kk for kk, c in self._catatan.items() if c.boleh_lagi <= sekarang and c.berjalan is None]:
                del self._catatan[kk]
            if len(self._catatan) >= MAKS_PASANGAN:
                tua = sorted((kk for kk, c in self._catatan.items() if c.berjalan is None),
                             key=lambda kk: self._catatan[kk].terakhir)
                for kk in tua[: MAKS_PASANGAN // 10]:
                    del self._catatan[kk]
        if len(self._klien) >= MAKS_PASANGAN:
            for kk, k in list(self._klien.items()):
                k.rapikan(sekarang)
                if not k.gagal and not k.berjalan:
                    del self._klien[kk]
            if len(self._klien) >= MAKS_PASANGAN:
                for kk in sorted(self._klien, key=lambda kk: self._klien[kk].terakhir)[: MAKS_PASANGAN // 10]:
                    del self._klien[kk]

    def kosongkan(self) -> None:
        with self._kunci:
            self._catatan.clear()
            self._klien.clear()


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


def kunci_klien(klien: str) -> str:
    """The client as the per-client budget counts it: an IPv4 address, or an IPv6 address's /64 network."""
    try:
        ip = ipaddress.ip_address(klien)
    except ValueError:
        return klien
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


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
