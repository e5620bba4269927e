"""The OIDC allow-list: exact addresses, "@domain" exactly after the "@", subdomains only when listed, verified
addresses only, and no list means nobody."""

from __future__ import annotations

import pytest

from tkpk.akun.akses import baca_daftar, boleh_unggah, cocok, terverifikasi

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


# finding 9 of the review: str.lower() folds look-alikes (KELVIN SIGN U+212A -> "k", U+0130 -> "i̇") into ASCII
@pytest.mark.parametrize("email", [
    "analis@banjar\u212aab.go.id",        # KELVIN SIGN in the domain
    "nama@banjar\u212aab.go.id",
    "n\u0430ma@banjarkab.go.id",          # Cyrillic a in the local part of a listed address
    "siapa@banjarkab.go.\u0130d",         # LATIN CAPITAL I WITH DOT ABOVE
    "siapa@ba\u0578jarkab.go.id",         # Armenian look-alike of n
    "\u3000nama@banjarkab.go.id",         # ideographic space: not trimmed, refused
    "siapa@banjarkab.go.id\u200b",        # zero-width space
    "ｎａｍａ@banjarkab.go.id",            # full-width letters
])
def test_non_ascii_look_alikes_are_refused(email: str) -> None:
    assert cocok(email, DAFTAR) is False
    assert not boleh_unggah({"email": email, "email_verified": True}, DAFTAR)


def test_non_ascii_allow_list_entries_are_ignored() -> None:
    daftar = baca_daftar(["@banjar\u212aab.go.id", "nama@banjar\u212aab.go.id"])
    assert daftar.kosong and len(daftar.diabaikan) == 2
    assert not cocok("nama@banjarkab.go.id", daftar)
