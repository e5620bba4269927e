"""``python -m tkpk add-user NAME``, ``remove-user NAME`` and ``reset-password NAME`` (wired by :mod:`tkpk.cli`).

All three work on the same file as the server: ``$TKPK_SECRETS`` when set, else ``.streamlit/secrets.toml``
(:func:`tkpk.akun.lokal.secrets_path`). ``add-user`` only creates: an existing account (even a disabled one) is left
alone and the operator is pointed to ``reset-password``, so a typo in a name cannot silently replace a colleague's
password.

Both end the account's logins: a running server compares each session's hash fingerprint with the secrets file
at every check (:mod:`tkpk.akun.sesi`), so a removed account or a changed password stops working at the next click.
Exit codes: 0 done, 2 invalid input (file unchanged), 1 internal error.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from tkpk.akun import lokal as auth

EXIT_OK, EXIT_ERROR, EXIT_INVALID = 0, 1, 2


def _parser(prog: str, teks: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=f"python -m tkpk {prog}", description=teks)
    p.add_argument("name", help="nama akun")
    p.add_argument("--secrets", default=str(auth.secrets_path()),
                   help="berkas secrets.toml (bawaan: $TKPK_SECRETS atau .streamlit/secrets.toml)")
    return p


def _sandi_baru(gagal: str) -> str | None:
    """The new password: ``$TKPK_PASSWORD`` (tests, scripts) or asked twice at the terminal; None if they differ."""
    password = os.environ.get("TKPK_PASSWORD")
    if password is None:
        try:
            password = getpass.getpass("Kata sandi baru: ")
            ulang = getpass.getpass("Ulangi kata sandi: ")
        except EOFError:  # stdin ended (a pipe or a script without TKPK_PASSWORD)
            print(f"Kata sandi tidak dimasukkan (masukan berakhir); {gagal}. Jalankan di terminal, atau isi "
                  "TKPK_PASSWORD.")
            return None
        if ulang != password:
            print(f"Kata sandi tidak sama; {gagal}.")
            return None
    return password


def _ada(path: Path, nama: str) -> bool | None:
    """Whether the account is in the secrets file; None, after saying why, when the file cannot be read."""
    try:
        return nama in auth.baca_users(path)
    except Exception as exc:
        print(f"Berkas {path} tidak dapat dibaca: {type(exc).__name__}: {exc}")
        return None


def _tulis_sandi(tulis: Callable[[Path, str, str], object], path: Path, nama: str, gagal: str, selesai: str) -> int:
    """Ask the new password and store its hash with ``tulis``; the exit code, after saying what happened."""
    password = _sandi_baru(gagal)
    if password is None:
        return EXIT_INVALID
    try:
        tulis(path, nama, password)
    except auth.AkunGagal as exc:
        print(str(exc))
        return EXIT_INVALID
    except Exception as exc:
        print(f"Kesalahan internal: {type(exc).__name__}: {exc}")
        return EXIT_ERROR
    print(selesai)
    return EXIT_OK


def add_user_main(argv: Sequence[str] | None = None) -> int:
    args = _parser("add-user", "Buat akun analis lokal baru.").parse_args(list(sys.argv[1:] if argv is None else argv))
    path = Path(args.secrets)
    ada = _ada(path, args.name)
    if ada is None:
        return EXIT_INVALID
    if ada:
        print(f"Akun {args.name} sudah ada di {path}; tidak ada yang diubah. Untuk mengganti kata sandinya: "
              f"python -m tkpk reset-password {args.name}")
        return EXIT_INVALID
    return _tulis_sandi(auth.buat_user, path, args.name, "akun tidak dibuat",
                        f"Akun {args.name} dibuat di {path} (hanya hash argon2 yang disimpan).")


def remove_user_main(argv: Sequence[str] | None = None) -> int:
    args = _parser("remove-user", "Hapus akun analis lokal.").parse_args(list(sys.argv[1:] if argv is None else argv))
    try:
        ada = auth.hapus_user(Path(args.secrets), args.name)
    except Exception as exc:
        print(f"Kesalahan internal: {type(exc).__name__}: {exc}")
        return EXIT_ERROR
    if not ada:
        print(f"Akun {args.name} tidak ada di {args.secrets}; tidak ada yang diubah.")
        return EXIT_INVALID
    print(f"Akun {args.name} dihapus dari {args.secrets}. Login akun ini berakhir pada klik berikutnya.")
    return EXIT_OK


def reset_password_main(argv: Sequence[str] | None = None) -> int:
    args = _parser("reset-password", "Ganti kata sandi akun analis lokal.").parse_args(
        list(sys.argv[1:] if argv is None else argv))
    path = Path(args.secrets)
    ada = _ada(path, args.name)
    if ada is None:
        return EXIT_INVALID
    if not ada:
        print(f"Akun {args.name} tidak ada; buat dengan python -m tkpk add-user {args.name}.")
        return EXIT_INVALID
    return _tulis_sandi(auth.add_user, path, args.name, "tidak ada yang diubah",
                        f"Kata sandi akun {args.name} diganti (hanya hash argon2 yang disimpan). Login lama akun "
                        "ini berakhir.")
