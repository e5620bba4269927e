"""Local accounts: argon2 hashes only, other secrets preserved, no default account."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tkpk import auth


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


def test_no_default_password_in_source():
    src = Path(auth.__file__).read_text()
    assert "add_user(" not in src.split("def add_user")[0]
