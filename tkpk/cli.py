"""``python -m tkpk``: the command line. Exit codes: 0 success, 2 invalid input (store unchanged), 1 internal error."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from tkpk.config import db_path

EXIT_OK, EXIT_ERROR, EXIT_INVALID = 0, 1, 2


def _cmd_init(args: argparse.Namespace) -> int:
    from tkpk.bangun import init_path

    report = init_path(Path(args.db), contoh=not args.no_sample)
    print(f"Basis data: {args.db}")
    print("\n".join(f"- {line}" for line in report) if report else "- sudah mutakhir, tidak ada perubahan")
    return EXIT_OK


def _cmd_sample(args: argparse.Namespace) -> int:
    from tkpk.contoh.berkas import tulis_contoh

    for path in tulis_contoh(Path(args.out)):
        print(f"ditulis: {path}")
    return EXIT_OK


def _delegate(module: str, func: str) -> Callable[[list[str]], int]:
    """Subcommands owned by other modules parse their own arguments."""
    def run(argv: list[str]) -> int:
        mod = __import__(module, fromlist=[func])
        return int(getattr(mod, func)(argv))
    return run


DELEGATED: dict[str, tuple[str, str]] = {
    "ingest": ("tkpk.ingest.cli", "main"),
    "rollback": ("tkpk.ingest.cli", "rollback_main"),
    "add-user": ("tkpk.akun.cli", "add_user_main"),
    "remove-user": ("tkpk.akun.cli", "remove_user_main"),
    "reset-password": ("tkpk.akun.cli", "reset_password_main"),
    "export": ("tkpk.ekspor.cli", "main"),
    "export-parquet": ("tkpk.toko.parket", "main"),
}


def build_parser() -> argparse.ArgumentParser:
    from tkpk.contoh.berkas import DIR_CONTOH

    parser = argparse.ArgumentParser(prog="python -m tkpk", description="Dasbor TKPK Kabupaten Banjar")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("init", help="buat atau mutakhirkan basis data dan muat data bawaan")
    p.add_argument("--db", default=str(db_path()), help="berkas DuckDB (bawaan: $TKPK_DB atau data/tkpk.duckdb)")
    p.add_argument("--no-sample", action="store_true", help="jangan muat data contoh")
    p.set_defaults(func=_cmd_init)
    p = sub.add_parser("sample", help="tulis ulang berkas data contoh (deterministik)")
    p.add_argument("--out", default=str(DIR_CONTOH), help="folder keluaran")
    p.set_defaults(func=_cmd_sample)
    for name in DELEGATED:
        sub.add_parser(name, help="lihat: python -m tkpk " + name + " --help", add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in DELEGATED:
        module, func = DELEGATED[argv[0]]
        try:
            return _delegate(module, func)(argv[1:])
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("tkpk"):
                print(f"Perintah '{argv[0]}' belum tersedia di versi ini.", file=sys.stderr)
                return EXIT_ERROR
            raise
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except Exception as exc:
        from tkpk.toko.db import StoreTidakTersedia

        if isinstance(exc, StoreTidakTersedia):
            print(str(exc), file=sys.stderr)
            return EXIT_INVALID
        print(f"Kesalahan internal: {exc}", file=sys.stderr)
        return EXIT_ERROR
