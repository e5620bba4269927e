"""Local analyst accounts: argon2 hashes under ``[auth.users]`` in ``.streamlit/secrets.toml`` (git-ignored).

Used when no OIDC provider is configured. There is no default account and no default password: with no
account the upload page stays locked. Only hashes are stored, so the secrets file never holds a password.
An account whose hash is empty or not a well-formed argon2id hash is disabled: no password opens it.
"""

from __future__ import annotations

import os
import re
import secrets
import tempfile
import tomllib
from pathlib import Path
from typing import Literal

from argon2 import PasswordHasher, Type, extract_parameters
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from tkpk.config import ROOT

SECRETS = ROOT / ".streamlit" / "secrets.toml"
ENV_SECRETS = "TKPK_SECRETS"  # tests and odd deployments point the accounts file elsewhere
PANJANG_MIN = 10
_NAMA = re.compile(r"^[A-Za-z0-9._@-]{1,64}$")
_SEKSI = re.compile(r"^\s*\[\s*auth\s*\.\s*users\s*\]\s*(#.*)?$")
_HASHER = PasswordHasher()
# Verifying against this when the user is unknown or disabled keeps every path about equally slow. Its password
# is random and forgotten at once, so it matches nothing.
_HASH_PALSU = _HASHER.hash(secrets.token_urlsafe(32))
_MEMORI_MAKS_KIB = 256 * 1024  # a planted hash demanding more memory per check is treated as malformed


class AkunGagal(ValueError):
    """Bad name or password for a new account; the message is for the person at the terminal."""


def secrets_path() -> Path:
    """The accounts file: ``$TKPK_SECRETS`` when set, else the project's ``.streamlit/secrets.toml``."""
    env = os.environ.get(ENV_SECRETS)
    return Path(env) if env else SECRETS


def baca_users(path: Path = SECRETS) -> dict[str, str]:
    if not path.exists():
        return {}
    with path.open("rb") as f:
        data = tomllib.load(f)
    users = data.get("auth", {}).get("users", {})
    return {str(k): str(v) for k, v in users.items()} if isinstance(users, dict) else {}


def hash_sah(hashed: object) -> bool:
    """A usable account hash: a well-formed argon2id string with sane parameters. Anything else disables."""
    if not isinstance(hashed, str) or not hashed.startswith("$argon2id$"):
        return False
    try:
        p = extract_parameters(hashed)
    except (InvalidHashError, ValueError):
        return False
    return p.type == Type.ID and 0 < p.memory_cost <= _MEMORI_MAKS_KIB and p.hash_len >= 16


def hash_akun(path: Path, name: str) -> str | None:
    """The account's hash if the account exists and is enabled, else None."""
    try:
        hashed = baca_users(path).get(name)
    except (OSError, tomllib.TOMLDecodeError):
        return None
    return hashed if hash_sah(hashed) else None


def ada_akun(path: Path = SECRETS) -> bool:
    """True when at least one enabled account exists (disabled ones do not unlock the login form)."""
    try:
        return any(hash_sah(h) for h in baca_users(path).values())
    except (OSError, tomllib.TOMLDecodeError):
        return False


def _toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _tulis_seksi(teks: str, users: dict[str, str]) -> str:
    """Replace (or append) the ``[auth.users]`` table, leaving every other line of the file untouched."""
    baris = teks.splitlines()
    seksi = [f"{_toml_str(k)} = {_toml_str(v)}" for k, v in sorted(users.items())]
    mulai = next((i for i, b in enumerate(baris) if _SEKSI.match(b)), None)
    if mulai is None:
        tambahan = ([""] if baris and baris[-1].strip() else []) + ["[auth.users]", *seksi]
        return "\n".join([*baris, *tambahan]) + "\n"
    akhir = next((i for i in range(mulai + 1, len(baris)) if baris[i].lstrip().startswith("[")), len(baris))
    return "\n".join([*baris[:mulai + 1], *seksi, "", *baris[akhir:]]).rstrip("\n") + "\n"


def add_user(path: Path, name: str, password: str) -> None:
    """Create or replace an account (replacing is how a password is changed)."""
    if not _NAMA.match(name):
        raise AkunGagal("Nama akun hanya boleh huruf, angka, titik, garis bawah, @ atau tanda hubung (maks. 64).")
    if len(password) < PANJANG_MIN:
        raise AkunGagal(f"Kata sandi minimal {PANJANG_MIN} karakter.")
    users = baca_users(path)
    users[name] = _HASHER.hash(password)
    teks = path.read_text(encoding="utf-8") if path.exists() else ""
    _tulis(path, _tulis_seksi(teks, users))


def buat_user(path: Path, name: str, password: str) -> None:
    """Create an account; an existing one (even disabled) is refused, never replaced (that is reset-password)."""
    if name in baca_users(path):
        raise AkunGagal(f"Akun {name} sudah ada; gunakan python -m tkpk reset-password {name}.")
    add_user(path, name, password)


def _tulis(path: Path, baru: str) -> None:
    """Atomic 0600 write of the whole secrets file."""
    tomllib.loads(baru)  # never write a file Streamlit cannot read
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".secrets", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(baru)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def periksa_sandi(path: Path, name: str, password: str) -> Literal["ok", "gagal", "nonaktif"]:
    """Check a password. "nonaktif": the account exists but its hash is empty or malformed (for the log only;
    the visitor hears the same as for a wrong password). Always costs one argon2 check."""
    try:
        users = baca_users(path)
    except (OSError, tomllib.TOMLDecodeError):
        users = {}
    hashed = users.get(name)
    sah = hash_sah(hashed)
    try:
        cocok = _HASHER.verify(hashed if sah and hashed else _HASH_PALSU, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        cocok = False
    if not sah:
        return "nonaktif" if name in users else "gagal"
    return "ok" if cocok else "gagal"


def verify(path: Path, name: str, password: str) -> bool:
    return periksa_sandi(path, name, password) == "ok"


def hapus_user(path: Path, name: str) -> bool:
    """Remove an account; False when there was none. Its sessions end at their next check (see tkpk.akun.sesi)."""
    users = baca_users(path)
    if name not in users:
        return False
    del users[name]
    _tulis(path, _tulis_seksi(path.read_text(encoding="utf-8"), users))
    return True
