"""``python -m tkpk remove-user`` and ``reset-password``: exit codes, messages, and that they end the account's
server-side sessions (the fingerprint a session carries no longer matches the file)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tkpk.akun import lokal as auth
from tkpk.akun.gerbang import coba_masuk, sidik_akun
from tkpk.akun.pembatas import Pembatas
from tkpk.akun.sesi import Daftar
from tkpk.cli import main


@pytest.fixture
def berkas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "secrets.toml"
    monkeypatch.setenv(auth.ENV_SECRETS, str(path))
    auth.add_user(path, "ani", "kata-sandi-lama-1")
    return path


def _masuk(path: Path, daftar: Daftar, sandi: str) -> str | None:
    return coba_masuk(path, "ani", sandi, "10.0.0.5", pembatas=Pembatas(), daftar=daftar).token


def test_reset_password_ends_old_sessions(berkas: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    daftar = Daftar()
    tok = _masuk(berkas, daftar, "kata-sandi-lama-1")
    assert daftar.periksa(tok, lambda n: sidik_akun(berkas, n)) == "ani"
    monkeypatch.setenv("TKPK_PASSWORD", "kata-sandi-baru-2")
    assert main(["reset-password", "ani"]) == 0
    assert "diganti" in capsys.readouterr().out
    assert daftar.periksa(tok, lambda n: sidik_akun(berkas, n)) is None, "the old login ended"
    assert _masuk(berkas, daftar, "kata-sandi-lama-1") is None
    assert _masuk(berkas, daftar, "kata-sandi-baru-2") is not None
    assert main(["reset-password", "budi"]) == 2, "no such account"
    monkeypatch.setenv("TKPK_PASSWORD", "pendek")
    assert main(["reset-password", "ani"]) == 2
    assert auth.verify(berkas, "ani", "kata-sandi-baru-2"), "a refused reset changes nothing"


def test_remove_user_ends_sessions(berkas: Path, capsys) -> None:
    daftar = Daftar()
    tok = _masuk(berkas, daftar, "kata-sandi-lama-1")
    assert main(["remove-user", "ani"]) == 0
    assert "dihapus" in capsys.readouterr().out
    assert daftar.periksa(tok, lambda n: sidik_akun(berkas, n)) is None
    assert _masuk(berkas, daftar, "kata-sandi-lama-1") is None
    assert main(["remove-user", "ani"]) == 2
    assert "tidak ada" in capsys.readouterr().out


# --- finding 5 of the review: add-user followed a different file than the others, and replaced accounts ---------

@pytest.fixture
def bawaan_lain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the project's own secrets file would be: never the repository's during a test."""
    lain = tmp_path / "bawaan" / "secrets.toml"
    monkeypatch.setattr(auth, "SECRETS", lain)
    return lain


def test_add_user_writes_where_tkpk_secrets_points(berkas: Path, bawaan_lain: Path,
                                                   monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("TKPK_PASSWORD", "kata-sandi-budi-1")
    assert main(["add-user", "budi"]) == 0
    assert "budi" in auth.baca_users(berkas) and auth.verify(berkas, "budi", "kata-sandi-budi-1")
    assert not bawaan_lain.exists(), "the same file remove-user, reset-password and the server read"
    assert str(berkas) in capsys.readouterr().out


def test_add_user_refuses_an_existing_account(berkas: Path, bawaan_lain: Path,
                                              monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    sebelum = berkas.read_text()
    monkeypatch.setenv("TKPK_PASSWORD", "sandi-penyusup-99")
    assert main(["add-user", "ani"]) == 2
    keluar = capsys.readouterr().out
    assert "sudah ada" in keluar and "reset-password ani" in keluar, keluar
    assert berkas.read_text() == sebelum, "nothing changed"
    assert auth.verify(berkas, "ani", "kata-sandi-lama-1")
    berkas.write_text(berkas.read_text().replace(auth.baca_users(berkas)["ani"], ""))  # a disabled account
    assert main(["add-user", "ani"]) == 2, "a disabled account is re-enabled with reset-password, not add-user"


@pytest.mark.parametrize("perintah", ["add-user", "reset-password"])
def test_no_password_on_stdin_is_an_indonesian_refusal_not_a_traceback(perintah: str, berkas: Path,
                                                                      bawaan_lain: Path,
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      capsys) -> None:
    """Issue 16's review, finding 5: ``printf '' | python -m tkpk add-user x`` ended in getpass's EOFError."""
    import getpass

    if perintah == "reset-password":
        auth.add_user(berkas, "ani", "kata-sandi-lama-1")
    monkeypatch.delenv("TKPK_PASSWORD", raising=False)

    def tanpa_masukan(prompt: str = "") -> str:
        raise EOFError

    monkeypatch.setattr(getpass, "getpass", tanpa_masukan)
    assert main([perintah, "ani" if perintah == "reset-password" else "budi"]) == 2
    keluar = capsys.readouterr().out
    assert "Kata sandi tidak dimasukkan" in keluar and "Traceback" not in keluar
