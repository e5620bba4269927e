"""Who is an analyst under OIDC: the allow-list ``analis`` in the ``[tkpk]`` section of ``secrets.toml``.

Why a list at all: signing in at the provider only proves who someone is, not that they belong to the team; a
Gmail account unknown to Bappedalitbang must not get the uploader. Rules:

- ``"nama@banjarkab.go.id"`` admits exactly that address (case-insensitive);
- ``"@banjarkab.go.id"`` admits every address whose part after the last "@" is exactly that domain; a subdomain
  (``bappeda.banjarkab.go.id``) is admitted only if listed itself;
- only an address the provider marks verified (``email_verified`` true) counts;
- addresses and entries are compared as ASCII only: anything that is not pure ASCII after trimming ASCII spaces
  is refused (``str.lower()`` would fold look-alikes such as the KELVIN SIGN U+212A into "k", so
  ``analis@banjarKab.go.id`` with that sign would pass for ``@banjarkab.go.id``); only A–Z are lowercased;
- no list, an empty one, or one without a valid entry: nobody is an analyst.
Nothing here imports Streamlit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

CONTOH_DAFTAR = '[tkpk]\nanalis = ["nama@banjarkab.go.id", "@banjarkab.go.id"]'
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_LOKAL = re.compile(r"^[^\s@\"(),:;<>\[\]\\]{1,64}$")


@dataclass(frozen=True)
class DaftarAnalis:
    email: frozenset[str]
    domain: frozenset[str]
    diabaikan: tuple[str, ...]  # entries that are neither an address nor "@domain"

    @property
    def kosong(self) -> bool:
        return not self.email and not self.domain


_SPASI_ASCII = " \t\r\n"


def _ascii(teks: str) -> str | None:
    """``teks`` trimmed of ASCII spaces and lowercased (A–Z only), or None when any other character is not
    ASCII: no Unicode case folding, so no look-alike can turn into a listed address."""
    t = teks.strip(_SPASI_ASCII)
    return t.lower() if t.isascii() else None


def _pisah(alamat: str) -> tuple[str, str] | None:
    teks = _ascii(alamat)
    if teks is None:
        return None
    lokal, at, domain = teks.rpartition("@")
    if not at or not _LOKAL.match(lokal) or not _DOMAIN.match(domain):
        return None
    return lokal, domain


def baca_daftar(nilai: object) -> DaftarAnalis:
    """The ``analis`` value from secrets (a list of strings, or one string) as a checked allow-list."""
    if isinstance(nilai, str):
        entri: Iterable[object] = [nilai]
    elif isinstance(nilai, list | tuple):
        entri = nilai
    else:
        entri = []
    email, domain, abai = set(), set(), []
    for e in entri:
        teks = (_ascii(e) or "") if isinstance(e, str) else ""
        if teks.startswith("@") and _DOMAIN.match(teks[1:]):
            domain.add(teks[1:])
        elif _pisah(teks):
            email.add(teks)
        else:
            abai.append(str(e))
    return DaftarAnalis(frozenset(email), frozenset(domain), tuple(abai))


def terverifikasi(pengguna: Mapping[str, object]) -> bool:
    """``email_verified`` as providers send it: a JSON true (some send the string "true")."""
    v = pengguna.get("email_verified")
    return v is True or (isinstance(v, str) and v.strip().lower() == "true")


def cocok(email: object, daftar: DaftarAnalis) -> bool:
    if not isinstance(email, str):
        return False
    bagian = _pisah(email)
    if bagian is None:
        return False
    return f"{bagian[0]}@{bagian[1]}" in daftar.email or bagian[1] in daftar.domain


def boleh_unggah(pengguna: Mapping[str, object], daftar: DaftarAnalis) -> bool:
    """An OIDC identity is an analyst: verified address on the allow-list."""
    return terverifikasi(pengguna) and cocok(pengguna.get("email"), daftar)
