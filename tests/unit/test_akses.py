"""The OIDC allow-list: exact addresses, "@domain" exactly after the "@", subdomains only when listed, verified
addresses only, and no list means nobody."""

from __future__ import annotations

import pytest

from tkpk.akses import baca_daftar, boleh_unggah, cocok, terverifikasi

DAFTAR = baca_daftar(["Nama@BanjarKab.go.id", "@banjarkab.go.id", "@bappeda.kalselprov.go.id", "bukan-entri",
                      42, "@", "@.go.id"])


@pytest.mark.parametrize(("email", "boleh"), [
    ("nama@banjarkab.go.id", True),            # exact (case-insensitive)
    ("NAMA@banjarkab.go.id", True),
    ("siapa.saja@banjarkab.go.id", True),      # the listed domain
    ("a@bappeda.kalselprov.go.id", True),      # a listed subdomain
    ("a@kalselprov.go.id", False),             # its parent is not listed
    ("a@bappeda.banjarkab.go.id", False),      # subdomain of a listed domain: not unless listed
    ("a@evilbanjarkab.go.id", False),          # suffix trick
    ("a@banjarkab.go.id.evil.com", False),     # prefix trick
    ("banjarkab.go.id@gmail.com", False),      # the domain in the local part
    ("a@gmail.com", False),
    ("@banjarkab.go.id", False),               # no local part
    ("nama@banjarkab.go.id ", True),           # surrounding space from a provider is trimmed
    ("a b@banjarkab.go.id", False),
    ("", False),
])
def test_cocok(email: str, boleh: bool) -> None:
    assert cocok(email, DAFTAR) is boleh


def test_invalid_entries_are_ignored_and_reported() -> None:
    assert DAFTAR.domain == {"banjarkab.go.id", "bappeda.kalselprov.go.id"}
    assert DAFTAR.email == {"nama@banjarkab.go.id"}
    assert set(DAFTAR.diabaikan) == {"bukan-entri", "42", "@", "@.go.id"}


@pytest.mark.parametrize("nilai", [None, [], "", ["bukan-entri"], {"a": 1}, 5])
def test_no_list_admits_nobody(nilai: object) -> None:
    daftar = baca_daftar(nilai)
    assert daftar.kosong
    assert not boleh_unggah({"email": "nama@banjarkab.go.id", "email_verified": True}, daftar)


def test_one_string_is_one_entry() -> None:
    assert cocok("x@banjarkab.go.id", baca_daftar("@banjarkab.go.id"))


@pytest.mark.parametrize(("nilai", "sah"), [(True, True), ("true", True), ("TRUE", True), (False, False),
                                            ("false", False), (None, False), (1, False), ("yes", False)])
def test_email_verified_required(nilai: object, sah: bool) -> None:
    u = {"email": "nama@banjarkab.go.id", "email_verified": nilai}
    assert terverifikasi(u) is sah
    assert boleh_unggah(u, DAFTAR) is sah
    assert not boleh_unggah({"email": "nama@banjarkab.go.id"}, DAFTAR)
