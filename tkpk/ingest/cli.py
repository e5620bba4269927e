"""``python -m tkpk ingest``, ``python -m tkpk rollback`` and ``python -m tkpk add-user``, wired by :mod:`tkpk.cli`.

Exit codes: 0 done (including "no change"), 2 refused or store unavailable (store unchanged), 1 internal error.
The messages are the same ones the upload and history pages show. The store must exist (a mistyped ``--db`` is
refused, never created), a dry run opens it read-only and writes nothing, and while another process (the app)
holds the store every command refuses with one line.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from pathlib import Path

from tkpk import fmt
from tkpk.argumen import Parser, nomor_batch

EXIT_OK, EXIT_ERROR, EXIT_INVALID = 0, 1, 2
JENIS = ["indikator", "intervensi", "bps", "target", "rencana"]
# Cells of a rollback preview printed by the CLI; the count is always complete.
MAKS_BARIS_CLI = 50


def _db_bawaan() -> str:
    from tkpk.config import db_path

    return str(db_path())


def _parser() -> argparse.ArgumentParser:
    p = Parser(prog="python -m tkpk ingest", description="Periksa dan muat berkas CSV/XLSX OPD.")
    p.add_argument("file", help="berkas CSV atau XLSX")
    p.add_argument("--kind", required=True, choices=JENIS, help="jenis data")
    p.add_argument("--db", default=_db_bawaan(), help="berkas DuckDB (bawaan: $TKPK_DB atau data/tkpk.duckdb)")
    p.add_argument("--dry-run", action="store_true", help="periksa dan tampilkan pratinjau saja, jangan simpan")
    p.add_argument("--user", default=None, help="nama pengunggah yang dicatat pada batch")
    return p


def _pengguna(user: str | None) -> str:
    return user or f"cli:{getpass.getuser()}"


def baca_berkas(path: Path) -> bytes | str:
    """The file's bytes, or why it cannot be read, in Indonesian (the OS says "No such file or directory")."""
    if path.is_dir():
        return f"{path} adalah folder, bukan berkas; sebutkan berkas CSV atau XLSX di dalamnya."
    try:
        return path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return f"berkas {path} tidak ada; periksa nama dan foldernya."
    except IsADirectoryError:
        return f"{path} adalah folder, bukan berkas; sebutkan berkas CSV atau XLSX di dalamnya."
    except PermissionError:
        return f"berkas {path} tidak boleh dibaca (izin ditolak); periksa hak aksesnya."
    except OSError as exc:
        return f"berkas {path} tidak dapat dibaca (galat sistem nomor {exc.errno})."


def internal(exc: BaseException, konteks: str) -> str:
    """The line for a failure we did not foresee: a reference code, the traceback logged under it."""
    from tkpk.galat import rujukan

    ref = rujukan(exc, konteks)
    return f"Kesalahan internal (kode rujukan {ref}); basis data tidak diubah. Rinciannya ada di log."


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    path = Path(args.file)
    data = baca_berkas(path)
    if isinstance(data, str):
        print(f"GALAT: {data}")
        return EXIT_INVALID
    from tkpk.ingest.proses import ingest_file
    from tkpk.toko.db import StoreTidakTersedia, buka_cli, migrate

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
        print(internal(exc, f"perintah ingest berkas {path.name!r} (jenis {args.kind})"))
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
    """The changed cells of a dry run, old → new, each with its year and place (a BPS table with one column per
    year gives several years the same Excel row, so the row number alone does not say which figure changes); and
    every figure whose source changes while its value stays ("jenis sumber p0: media_bps → bps", "sumber p0:
    "Rilis A" → "Rilis E""), which the count of changed rows includes."""
    from tkpk.ingest.batal import teks_sel, teks_sumber
    from tkpk.ingest.simpan import KOLOM_NILAI, KOLOM_SUMBER, perubahan_sumber

    pra = getattr(hasil, "pratinjau", None)
    if pra is None or not pra.berubah:
        return []
    cocok = getattr(hasil, "pencocok", None)
    ubah = pra.banding[pra.banding["status"] == "berubah"]
    out = ["Nilai dan sumber yang berubah (lama → baru):"]
    jumlah = 0
    for r in ubah.to_dict("records"):
        for k in KOLOM_NILAI[pra.jenis]:
            lama, baru = r.get(f"{k}_lama"), r.get(k)
            if _kosong(baru):
                continue
            baris: list[str] = []
            if _kosong(lama) or lama != baru:
                baris.append(f"{k}: {teks_sel(None if _kosong(lama) else lama)} → {teks_sel(baru)}")
            if pra.jenis in KOLOM_SUMBER and not _kosong(lama):
                nama = "" if pra.jenis == "indikator" else f" {k}"  # an indicator's key already names it
                for label, sl, sb in perubahan_sumber(r, k):
                    if label == "sumber":
                        sl, sb = teks_sumber(sl), teks_sumber(sb)
                    baris.append(f"{label}{nama}: {sl} → {sb}")
            for teks in baris:
                jumlah += 1
                if jumlah <= MAKS_BARIS_CLI:
                    out.append(f"  baris {r['_baris']} ({_kunci(r, cocok)}), {teks}")
    if jumlah > MAKS_BARIS_CLI:
        out.append(f"  … dan {fmt.angka(jumlah - MAKS_BARIS_CLI)} sel lain")
    return out


def _kosong(a: object) -> bool:
    import pandas as pd

    if isinstance(a, str):
        return False
    return a is None or bool(pd.isna(a))


def _kunci(r: dict[str, object], cocok: object) -> str:
    """"2024, Kabupaten Banjar (63.03)": the key of a changed row as the analyst reads it."""
    bagian = []
    if not _kosong(r.get("tahun")):
        bagian.append(f"tahun {int(r['tahun'])}")  # type: ignore[call-overload]
    if not _kosong(r.get("triwulan")):
        bagian.append(f"triwulan {int(r['triwulan'])}")  # type: ignore[call-overload]
    kode = r.get("kode_wilayah")
    if not _kosong(kode):
        tempat = getattr(cocok, "tempat", {})
        bagian.append(cocok.label(tempat[kode]) if kode in tempat else str(kode))  # type: ignore[union-attr]
    for k, nama in (("kode_opd", ""), ("program", "program "), ("kegiatan", "kegiatan "), ("indikator", "")):
        if not _kosong(r.get(k)):
            bagian.append(f'{nama}"{r[k]}"' if nama else str(r[k]))
    return ", ".join(bagian)


def rollback_main(argv: Sequence[str] | None = None) -> int:
    """``python -m tkpk rollback BATCH_ID [--db PATH] [--user NAME] [--alasan TEKS] [--dry-run]``."""
    p = Parser(prog="python -m tkpk rollback",
               description="Batalkan satu batch data; tampilkan dulu sel yang akan berubah.")
    p.add_argument("batch_id", type=nomor_batch, help="nomor batch (lihat halaman Riwayat data)")
    p.add_argument("--db", default=_db_bawaan(), help="berkas DuckDB (bawaan: $TKPK_DB atau data/tkpk.duckdb)")
    p.add_argument("--user", default=None, help="nama yang dicatat sebagai pembatal")
    p.add_argument("--alasan", default=None, help="alasan pembatalan, dicatat pada riwayat")
    p.add_argument("--dry-run", action="store_true", help="tampilkan sel yang akan berubah saja, jangan batalkan")
    args = p.parse_args(list(sys.argv[1:] if argv is None else argv))
    from tkpk.ingest.batal import BatalGagal, baris_pratinjau, batalkan, pratinjau_batal
    from tkpk.toko.db import StoreTidakTersedia, buka_cli, migrate

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
        print(internal(exc, f"perintah rollback batch {args.batch_id}"))
        return EXIT_ERROR
    finally:
        con.close()
    print(f"Batch {args.batch_id} dibatalkan; pembatalan dicatat sebagai batch {rid}.")
    return EXIT_OK
