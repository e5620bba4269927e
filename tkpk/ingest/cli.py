"""``python -m tkpk ingest`` and ``python -m tkpk add-user``, wired by :mod:`tkpk.cli`.

Exit codes: 0 accepted (including "no change"), 2 refused or store unavailable (store unchanged),
1 internal error. The messages are the same ones the upload page shows.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK, EXIT_ERROR, EXIT_INVALID = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    from tkpk.config import db_path

    p = argparse.ArgumentParser(prog="python -m tkpk ingest", description="Periksa dan muat berkas CSV/XLSX OPD.")
    p.add_argument("file", help="berkas CSV atau XLSX")
    p.add_argument("--kind", required=True, choices=["indikator", "intervensi", "bps"], help="jenis data")
    p.add_argument("--db", default=str(db_path()), help="berkas DuckDB (bawaan: $TKPK_DB atau data/tkpk.duckdb)")
    p.add_argument("--dry-run", action="store_true", help="periksa dan tampilkan pratinjau saja, jangan simpan")
    p.add_argument("--user", default=None, help="nama pengunggah yang dicatat pada batch")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"GALAT: berkas {path} tidak dapat dibaca: {exc.strerror or exc}.")
        return EXIT_INVALID
    user = args.user or f"cli:{getpass.getuser()}"
    from tkpk.db import StoreLockedError, connect, migrate
    from tkpk.ingest.proses import ingest_file

    try:
        con = connect(Path(args.db))
    except StoreLockedError as exc:
        print(f"GALAT: {exc}")
        return EXIT_INVALID
    try:
        migrate(con)
        hasil = ingest_file(con, data, path.name, args.kind, user, dry_run=args.dry_run)
    except Exception as exc:
        print(f"Kesalahan internal: {type(exc).__name__}: {exc}. Basis data tidak diubah.")
        return EXIT_ERROR
    finally:
        con.close()
    for line in hasil.baris_teks():
        print(line)
    if args.dry_run and not hasil.ditolak:
        print("(uji coba: tidak ada yang disimpan)")
    return EXIT_INVALID if hasil.ditolak else EXIT_OK


def add_user_main(argv: Sequence[str] | None = None) -> int:
    from tkpk import auth

    p = argparse.ArgumentParser(prog="python -m tkpk add-user", description="Buat atau ganti akun analis lokal.")
    p.add_argument("name", help="nama akun")
    p.add_argument("--secrets", default=str(auth.SECRETS), help="berkas secrets.toml")
    args = p.parse_args(list(sys.argv[1:] if argv is None else argv))
    password = os.environ.get("TKPK_PASSWORD")
    if password is None:
        password = getpass.getpass("Kata sandi baru: ")
        if getpass.getpass("Ulangi kata sandi: ") != password:
            print("Kata sandi tidak sama; akun tidak dibuat.")
            return EXIT_INVALID
    try:
        auth.add_user(Path(args.secrets), args.name, password)
    except auth.AkunGagal as exc:
        print(str(exc))
        return EXIT_INVALID
    except Exception as exc:
        print(f"Kesalahan internal: {type(exc).__name__}: {exc}")
        return EXIT_ERROR
    print(f"Akun {args.name} disimpan di {args.secrets} (hanya hash argon2 yang disimpan).")
    return EXIT_OK
