"""``python -m tkpk ingest``, ``python -m tkpk rollback`` and ``python -m tkpk add-user``, wired by :mod:`tkpk.cli`.

Exit codes: 0 done (including "no change"), 2 refused or store unavailable (store unchanged), 1 internal error.
The messages are the same ones the upload and history pages show. The store must exist (a mistyped ``--db`` is
refused, never created), a dry run opens it read-only and writes nothing, and while another process (the app)
holds the store every command refuses with one line.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK, EXIT_ERROR, EXIT_INVALID = 0, 1, 2
JENIS = ["indikator", "intervensi", "bps", "target"]
# Cells of a rollback preview printed by the CLI; the count is always complete.
MAKS_BARIS_CLI = 50


def _db_bawaan() -> str:
    from tkpk.config import db_path

    return str(db_path())


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m tkpk ingest", description="Periksa dan muat berkas CSV/XLSX OPD.")
    p.add_argument("file", help="berkas CSV atau XLSX")
    p.add_argument("--kind", required=True, choices=JENIS, help="jenis data")
    p.add_argument("--db", default=_db_bawaan(), help="berkas DuckDB (bawaan: $TKPK_DB atau data/tkpk.duckdb)")
    p.add_argument("--dry-run", action="store_true", help="periksa dan tampilkan pratinjau saja, jangan simpan")
    p.add_argument("--user", default=None, help="nama pengunggah yang dicatat pada batch")
    return p


def _pengguna(user: str | None) -> str:
    return user or f"cli:{getpass.getuser()}"


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"GALAT: berkas {path} tidak dapat dibaca: {exc.strerror or exc}.")
        return EXIT_INVALID
    from tkpk.db import StoreTidakTersedia, buka_cli, migrate
    from tkpk.ingest.proses import ingest_file

    try:
        con = buka_cli(Path(args.db), baca_saja=args.dry_run)
    except StoreTidakTersedia as exc:
        print(f"GALAT: {exc}")
        return EXIT_INVALID
    try:
        if not args.dry_run:
            migrate(con)
        hasil = ingest_file(con, data, path.name, args.kind, _pengguna(args.user), dry_run=args.dry_run)
    except Exception as exc:
        print(f"Kesalahan internal: {type(exc).__name__}: {exc}. Basis data tidak diubah.")
        return EXIT_ERROR
    finally:
        con.close()
    for line in hasil.baris_teks():
        print(line)
    if args.dry_run and not hasil.ditolak:
        for line in _perubahan(hasil):
            print(line)
        print("(uji coba: tidak ada yang disimpan)")
    return EXIT_INVALID if hasil.ditolak else EXIT_OK


def _perubahan(hasil: object) -> list[str]:
    """The changed cells of a dry run, old → new, as the upload page lists them."""
    from tkpk.ingest.batal import teks_sel

    pra = getattr(hasil, "pratinjau", None)
    if pra is None or not pra.berubah:
        return []
    ubah = pra.perubahan()
    out = ["Nilai yang berubah (lama → baru):"]
    for r in ubah.head(MAKS_BARIS_CLI).to_dict("records"):
        out.append(f"  baris {r['baris']}, {r['kolom']}: {teks_sel(r['lama'])} → {teks_sel(r['baru'])}")
    if len(ubah) > MAKS_BARIS_CLI:
        out.append(f"  … dan {len(ubah) - MAKS_BARIS_CLI} sel lain")
    return out


def rollback_main(argv: Sequence[str] | None = None) -> int:
    """``python -m tkpk rollback BATCH_ID [--db PATH] [--user NAME] [--alasan TEKS] [--dry-run]``."""
    p = argparse.ArgumentParser(prog="python -m tkpk rollback",
                                description="Batalkan satu batch data; tampilkan dulu sel yang akan berubah.")
    p.add_argument("batch_id", type=int, help="nomor batch (lihat halaman Riwayat data)")
    p.add_argument("--db", default=_db_bawaan(), help="berkas DuckDB (bawaan: $TKPK_DB atau data/tkpk.duckdb)")
    p.add_argument("--user", default=None, help="nama yang dicatat sebagai pembatal")
    p.add_argument("--alasan", default=None, help="alasan pembatalan, dicatat pada riwayat")
    p.add_argument("--dry-run", action="store_true", help="tampilkan sel yang akan berubah saja, jangan batalkan")
    args = p.parse_args(list(sys.argv[1:] if argv is None else argv))
    from tkpk.db import StoreTidakTersedia, buka_cli, migrate
    from tkpk.ingest.batal import BatalGagal, baris_pratinjau, batalkan, pratinjau_batal

    try:
        con = buka_cli(Path(args.db), baca_saja=args.dry_run)
    except StoreTidakTersedia as exc:
        print(f"GALAT: {exc}")
        return EXIT_INVALID
    try:
        if not args.dry_run:
            migrate(con)
        pra = pratinjau_batal(con, args.batch_id)
        print(pra.ringkasan())
        for line in baris_pratinjau(pra, MAKS_BARIS_CLI):
            print(line)
        if args.dry_run:
            print("(uji coba: tidak ada yang dibatalkan)")
            return EXIT_OK
        rid = batalkan(con, args.batch_id, _pengguna(args.user), args.alasan)
    except BatalGagal as exc:
        print(f"GALAT: {exc}")
        return EXIT_INVALID
    except Exception as exc:
        print(f"Kesalahan internal: {type(exc).__name__}: {exc}. Basis data tidak diubah.")
        return EXIT_ERROR
    finally:
        con.close()
    print(f"Batch {args.batch_id} dibatalkan; pembatalan dicatat sebagai batch {rid}.")
    return EXIT_OK


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
