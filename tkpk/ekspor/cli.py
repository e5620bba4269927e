"""``python -m tkpk export --year 2024 --out DIR [--db PATH]``: the year-end files without opening the dashboard.

Writes ``DIR/lp2kd_rpkd_<tahun>.xlsx``, ``DIR/pdf/{pilar,opd,kecamatan}_*.pdf`` (one page each), the minutes of
the latest rakor ``DIR/pdf/notulen_tindak_lanjut.pdf``, and
``DIR/gambar/*.png|svg`` (the rakor charts, PNG at scale 2). Exit codes as the rest of the CLI: 0 success,
2 invalid input (no store, unknown year, store locked, output not writable; nothing written), 1 internal error.
The store is opened read-only, so an export can never change the data it reports.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from tkpk.argumen import Parser
from tkpk.config import db_path

EXIT_OK, EXIT_ERROR, EXIT_INVALID = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    p = Parser(prog="python -m tkpk export",
               description="Ekspor buku kerja LP2KD/RPKD, PDF satu halaman dan gambar grafik.")
    p.add_argument("--year", type=int, default=None, help="tahun laporan (bawaan: tahun terbaru dengan data program)")
    p.add_argument("--out", required=True, help="folder keluaran (dibuat bila belum ada)")
    p.add_argument("--db", default=str(db_path()), help="berkas DuckDB (bawaan: $TKPK_DB atau data/tkpk.duckdb)")
    p.add_argument("--tanpa-gambar", action="store_true", help="lewati PNG/SVG grafik (lebih cepat)")
    return p


def grafik_tahun(con: object, b: object) -> dict[str, tuple[object, str, bool]]:
    """The rakor charts of the year: name → (chart, source line, sample?). Shared with the slideshow's export."""
    from tkpk.charts.peta_cetak import peta_kantong
    from tkpk.charts.pilar import titik_opd
    from tkpk.charts.tren import grafik_tren
    from tkpk.tren import data as tren

    seri = tren.seri_bps(con, "p0")  # type: ignore[arg-type]
    out: dict[str, tuple[object, str, bool]] = {
        "tren_p0": (grafik_tren(seri.data, judul="Persentase penduduk miskin (P0), Banjar dan Kalimantan Selatan",
                                satuan=seri.satuan, target=seri.target, lebar=900),
                    "Susenas Maret, jenis sumber per titik (" + (seri.legenda_sumber or "BPS")
                    + "); sumber tiap tahun di buku kerja. " + seri.teks_target, False),
        "peta_kantong": (peta_kantong(b.batas_desa, b.batas_kec, b.kantong_desa.kode_kantong,  # type: ignore[attr-defined]
                                      judul=f"Desa kantong kemiskinan {b.tahun}"),  # type: ignore[attr-defined]
                         "indikator desa dari data sasaran (proksi, bukan BPS); aturan jumlah x persen",
                         b.sampel),  # type: ignore[attr-defined]
    }
    for pilar in range(1, 5):
        opd = b.skor_opd[b.skor_opd["pilar"] == pilar]  # type: ignore[attr-defined]
        out[f"pilar_{pilar}"] = (titik_opd(opd, judul=f"Pilar {pilar}: serapan dan capaian per OPD, {b.tahun}"),  # type: ignore[attr-defined]
                                 b.sumber_program(), b.sampel)  # type: ignore[attr-defined]
    return out


def ekspor(db: Path, tahun: int | None, keluar: Path, gambar: bool = True) -> list[Path]:
    """Write every file; returns their paths. Raises ValueError subclasses for invalid input."""
    from tkpk.toko.db import buka_cli

    # the store first: a mistyped --db, a non-store or a locked store is refused before the seconds of imports below
    con = buka_cli(db, baca_saja=True)  # refuses a missing file, a non-store and a locked store with one line
    try:
        from tkpk.ekspor import gambar as gb
        from tkpk.ekspor.dua_angka_lembar import lembar_dua_angka, lembar_target
        from tkpk.ekspor.dua_angka_pdf import brief_dua_angka
        from tkpk.ekspor.notulen import notulen
        from tkpk.ekspor.rakor_lembar import lembar_rakor
        from tkpk.ekspor.ringkasan_pdf import brief_kecamatan, brief_opd, brief_pilar
        from tkpk.ekspor.workbook import buku_kerja
        from tkpk.rakor.bahan import bahan_rakor
        from tkpk.rakor.tahun import muat, tahun_program
        from tkpk.tren.dua_angka import dua_angka
        from tkpk.tren.target import status_target, target_semua

        if tahun is None:
            daftar = tahun_program(con)
            if not daftar:
                raise ValueError("Basis data belum berisi data program; sebutkan --year.")
            tahun = daftar[0]
        b = muat(con, tahun)
        keluar.mkdir(parents=True, exist_ok=True)
        (keluar / "pdf").mkdir(exist_ok=True)
        ditulis: list[Path] = []

        def tulis(nama: str, isi: bytes | str) -> None:
            path = keluar / nama
            path.write_bytes(isi if isinstance(isi, bytes) else isi.encode("utf-8"))
            ditulis.append(path)

        d = dua_angka(con, tahun)
        targets = target_semua(con)
        t_p0 = status_target(targets, "p0", d.tahun, d.bps.p0)
        t_ekstrem = status_target(targets, "p0_ekstrem", d.tahun, d.bps.p0_ekstrem)
        tulis(f"lp2kd_rpkd_{tahun}.xlsx", buku_kerja(b, dua=lembar_dua_angka(d, t_p0, t_ekstrem),
                                                     target=lembar_target(targets, b.bps),
                                                     rakor=lembar_rakor(con, tahun)))
        rakor = bahan_rakor(con)
        if rakor.sekarang is not None:
            tulis("pdf/notulen_tindak_lanjut.pdf", notulen(rakor, keadaan=b.keadaan.teks if b.keadaan else None))
        tulis(f"pdf/dua_angka_{tahun}.pdf", brief_dua_angka(d, t_p0, t_ekstrem,
                                                         keadaan=b.keadaan.teks if b.keadaan else None))
        for pilar in sorted(int(p) for p in b.skor_pilar["pilar"]):
            tulis(f"pdf/pilar_{pilar}_{tahun}.pdf", brief_pilar(b, pilar))
        for kode in b.skor_opd["kode_opd"]:
            tulis(f"pdf/opd_{str(kode).lower()}_{tahun}.pdf", brief_opd(b, str(kode)))
        for kode in b.kecamatan["kode"]:
            tulis(f"pdf/kecamatan_{str(kode).replace('.', '_')}_{tahun}.pdf", brief_kecamatan(b, str(kode)))
        if gambar:
            (keluar / "gambar").mkdir(exist_ok=True)
            for nama, (chart, sumber, sampel) in grafik_tahun(con, b).items():
                tulis(f"gambar/{nama}_{tahun}.png", gb.ke_png(chart, sumber=sumber, sampel=sampel, keadaan=b.keadaan))
                tulis(f"gambar/{nama}_{tahun}.svg", gb.ke_svg(chart, sumber=sumber, sampel=sampel, keadaan=b.keadaan))
        return ditulis
    finally:
        con.close()


def main(argv: Sequence[str] | None = None) -> int:
    from tkpk.toko.db import StoreTidakTersedia

    try:
        args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # argparse: 0 for --help, 2 for bad arguments
        return int(exc.code or 0)
    keluar = Path(args.out)
    if keluar.exists() and not keluar.is_dir():
        print(f"GALAT: --out {keluar} adalah berkas, bukan folder.", file=sys.stderr)
        return EXIT_INVALID
    try:
        paths = ekspor(Path(args.db), args.year, keluar, gambar=not args.tanpa_gambar)
    except (FileNotFoundError, StoreTidakTersedia, PermissionError, ValueError) as exc:  # TahunTidakAda too
        print(f"GALAT: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except Exception as exc:  # the CLI reports an internal error, it does not crash with a traceback
        print(f"Kesalahan internal saat ekspor: {exc}", file=sys.stderr)
        return EXIT_ERROR
    print(f"Ekspor selesai: {len(paths)} berkas di {keluar}")
    for p in paths[:5]:
        print(f"- {p}")
    if len(paths) > 5:
        print(f"- … dan {len(paths) - 5} berkas lainnya")
    return EXIT_OK
