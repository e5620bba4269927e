"""Local accounts: argon2 hashes only, other secrets preserved, no default account."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tkpk.akun import lokal as auth


def test_add_and_verify_keeps_other_secrets(tmp_path: Path):
    path = tmp_path / ".streamlit" / "secrets.toml"
    assert not auth.ada_akun(path) and not auth.verify(path, "ani", "x" * 12)
    path.parent.mkdir()
    path.write_text('[auth]\nredirect_uri = "http://localhost:8501/oauth2callback"\n\n[lain]\nk = 1\n')
    auth.add_user(path, "ani", "kata-sandi-panjang")
    auth.add_user(path, "budi", "kata sandi \"lain\" 2")
    data = tomllib.loads(path.read_text())
    assert data["auth"]["redirect_uri"].endswith("oauth2callback") and data["lain"] == {"k": 1}
    assert set(data["auth"]["users"]) == {"ani", "budi"}
    assert all(v.startswith("$argon2") for v in data["auth"]["users"].values())
    assert "kata-sandi-panjang" not in path.read_text()
    assert auth.verify(path, "ani", "kata-sandi-panjang")
    assert auth.verify(path, "budi", 'kata sandi "lain" 2')
    assert not auth.verify(path, "ani", "salah-sandi-panjang")
    assert not auth.verify(path, "citra", "kata-sandi-panjang")
    auth.add_user(path, "ani", "sandi-baru-panjang")  # replacing = changing the password
    assert auth.verify(path, "ani", "sandi-baru-panjang") and not auth.verify(path, "ani", "kata-sandi-panjang")
    assert path.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(("nama", "sandi"), [("ani", "pendek"), ("a b", "cukup-panjang-sekali"), ("", "x" * 20),
                                            ('a"]', "cukup-panjang-sekali")])
def test_rejects_bad_names_and_short_passwords(tmp_path: Path, nama: str, sandi: str):
    with pytest.raises(auth.AkunGagal):
        auth.add_user(tmp_path / "s.toml", nama, sandi)
    assert not (tmp_path / "s.toml").exists()


def test_broken_file_means_locked_not_crash(tmp_path: Path):
    path = tmp_path / "s.toml"
    path.write_text("[auth.users\n")
    assert not auth.ada_akun(path) and not auth.verify(path, "ani", "apa-saja-panjang")


@pytest.mark.argon2_asli
def test_accounts_are_hashed_at_the_deployed_argon2_cost(tmp_path: Path):
    """Other in-process tests hash at the smallest cost (tests/conftest.py); the accounts a deployment writes use
    argon2id at the library's RFC 9106 defaults, and the stand-in hash for unknown or disabled accounts costs the
    same, so a check takes as long whether or not the account exists."""
    from argon2 import Type, extract_parameters

    from tkpk.akun import lokal

    path = tmp_path / "s.toml"
    auth.add_user(path, "ani", "kata-sandi-panjang")
    p = extract_parameters(auth.baca_users(path)["ani"])
    assert (p.type, p.memory_cost, p.time_cost, p.parallelism) == (Type.ID, 65536, 3, 4)
    assert extract_parameters(lokal._HASH_PALSU) == p
    assert auth.verify(path, "ani", "kata-sandi-panjang") and not auth.verify(path, "budi", "kata-sandi-panjang")


def test_no_default_password_in_source():
    src = Path(auth.__file__).read_text()
    assert "add_user(" not in src.split("def add_user")[0]


@pytest.mark.parametrize("rusak", ["", "   ", "akun-tidak-ada", "$argon2id$",
                                   "$argon2i$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaA",
                                   "$2b$12$abcdefghijklmnopqrstuv", "plain"])
def test_empty_or_malformed_hash_disables_the_account(tmp_path: Path, rusak: str):
    """Regression: an empty hash used to be checked against a fixed hash whose password was in the source."""
    path = tmp_path / "s.toml"
    auth.add_user(path, "baik", "kata-sandi-panjang")
    teks = path.read_text()
    path.write_text(teks + f'"rusak" = "{rusak}"\n')
    assert auth.baca_users(path)["rusak"] == rusak
    for calon in ["akun-tidak-ada", "", rusak, "kata-sandi-panjang"]:
        assert not auth.verify(path, "rusak", calon)
    assert auth.periksa_sandi(path, "rusak", "apa-saja-panjang") == "nonaktif"
    assert auth.periksa_sandi(path, "tidak-ada", "apa-saja-panjang") == "gagal"
    assert auth.hash_akun(path, "rusak") is None and auth.hash_akun(path, "baik")
    assert auth.verify(path, "baik", "kata-sandi-panjang")


def test_only_disabled_accounts_keep_the_gate_locked(tmp_path: Path):
    path = tmp_path / "s.toml"
    path.write_text('[auth.users]\n"ani" = ""\n')
    assert not auth.ada_akun(path)


def test_no_password_literal_anywhere_in_the_code():
    """No module hashes or compares a literal string as a password (the old fallback hashed "akun-tidak-ada")."""
    import re

    root = Path(auth.__file__).parent
    pola = re.compile(r"""\.(hash|verify)\(\s*[rbuf]?["']|_HASHER\.verify\([^)]*,\s*[rbuf]?["']""")
    temuan = [f"{p.relative_to(root)}: {b.strip()}" for p in root.rglob("*.py")
              for b in p.read_text(encoding="utf-8").splitlines() if pola.search(b)]
    assert temuan == []


def test_remove_user(tmp_path: Path):
    path = tmp_path / "s.toml"
    path.write_text('[auth]\nredirect_uri = "x"\n')
    auth.add_user(path, "ani", "kata-sandi-panjang")
    auth.add_user(path, "budi", "kata-sandi-panjang")
    assert auth.hapus_user(path, "ani") and not auth.hapus_user(path, "ani")
    assert set(auth.baca_users(path)) == {"budi"}
    assert tomllib.loads(path.read_text())["auth"]["redirect_uri"] == "x"
    assert path.stat().st_mode & 0o077 == 0
