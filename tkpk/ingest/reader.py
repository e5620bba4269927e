"""Bytes from an upload to a table of cells, for the files OPDs actually send.

Nothing here interprets values: it only finds the text (encoding, delimiter, sheet) and keeps the row number
the analyst sees in Excel, so every later message can point at the right cell. Problems become
:class:`BacaGagal` with an Indonesian reason; nothing else escapes.
"""

from __future__ import annotations

import csv
import io
import re
from itertools import zip_longest

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from tkpk.ingest.pengodean import BacaGagal, dekode
from tkpk.ingest.penyandian import pesan_csv
from tkpk.ingest.tabel import MAKS_BYTES, MAKS_KOLOM, SPASI_PYTHON, Sel, Tabel, per_lajur, tanpa_gc
from tkpk.ingest.xlsx import baca_xlsx

# Sel, Tabel, per_lajur, tanpa_gc and SPASI_PYTHON are re-exported: most modules read them from here.
__all__ = ["MAKS_BYTES", "SPASI_PYTHON", "BacaGagal", "Sel", "Tabel", "baca", "baca_csv", "per_lajur", "tanpa_gc"]

PEMISAH_CALON = (";", "\t", ",")

def baca(data: bytes, nama_file: str, jenis: str | None = None) -> Tabel:
    """Read CSV or XLSX by content (not by extension alone: Excel users rename files)."""
    if len(data) == 0:
        raise BacaGagal("Berkas kosong.")
    if len(data) > MAKS_BYTES:
        raise BacaGagal(f"Berkas terlalu besar ({len(data) / 1e6:.0f} MB; batas {MAKS_BYTES / 1e6:.0f} MB).")
    if data[:4] == b"PK\x03\x04":
        return baca_xlsx(data, jenis)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise BacaGagal("Berkas Excel format lama (.xls) tidak didukung; simpan ulang sebagai .xlsx atau CSV.")
    if nama_file.lower().endswith((".xlsx", ".xlsm")):
        raise BacaGagal("Berkas berakhiran .xlsx tetapi isinya bukan berkas Excel yang sah.")
    return baca_csv(data)


def _baris_awal(teks: str, k: int) -> list[str]:
    """``teks.splitlines()[:k]`` without splitting a 100 MB text: a prefix holding more than ``k`` lines has the
    same first ``k`` lines (each ends at a break inside the prefix)."""
    ukuran = 1 << 16
    while ukuran < len(teks):
        baris = teks[:ukuran].splitlines()
        if len(baris) > k:
            return baris[:k]
        ukuran *= 4
    return teks.splitlines()[:k]


def _pilih_pemisah(teks: str) -> str:
    """The delimiter that splits the first non-empty line into the most fields (``;`` wins ties, as Excel-ID)."""
    for baris in _baris_awal(teks, 20):
        if baris.strip():
            terbaik, jumlah = ";", 1
            for calon in PEMISAH_CALON:
                n = len(next(csv.reader([baris], delimiter=calon), []))
                if n > jumlah:
                    terbaik, jumlah = calon, n
            return terbaik
    return ";"


def baca_csv(data: bytes) -> Tabel:
    teks, encoding, catatan = dekode(data)
    if "\x00" in teks:
        raise BacaGagal("Berkas ini bukan CSV teks (berisi data biner). Unggah CSV atau XLSX.")
    pemisah = _pilih_pemisah(teks)
    cepat = _baca_csv_lajur(data, teks, encoding, pemisah)
    if cepat is not None:
        cepat.pesan = catatan
        return cepat
    try:
        with tanpa_gc():
            rows = list(pembaca := csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah))
    except csv.Error as exc:
        raise BacaGagal(pesan_csv(str(exc), pembaca.line_num, _BATAS_SEL)) from exc
    # the csv module's records, stripped and cleaned column by column in Arrow (no Python loop per cell)
    panjang = np.minimum(np.fromiter(map(len, rows), dtype=np.int64, count=len(rows)), MAKS_KOLOM)
    if len(rows) and int(panjang.max()) == MAKS_KOLOM:
        rows = [r[:MAKS_KOLOM] for r in rows]
    lajur = [pa.array(k, pa.string()) for k in zip_longest(*rows, fillvalue="")]
    tabel = _tabel_lajur(lajur, len(rows), panjang, pemisah, encoding)
    tabel.pesan = catatan
    return tabel


# Python's csv module refuses longer fields; the columnar reader leaves such files to it so the message is the same.
_BATAS_SEL = csv.field_size_limit()
_BUKAN_BARIS_BARU = re.compile(r"[^\r\n]")


def _baca_csv_lajur(data: bytes, teks: str, encoding: str, pemisah: str) -> Tabel | None:
    """The same table :func:`baca_csv` builds with the csv module, read by Arrow into columns; ``None`` when the
    file is not one this path reads identically (quotes, rows of different widths, huge cells).

    Why: without quote characters a CSV record is exactly a line split at the delimiter, which Arrow does in
    C++ at disk speed, and a blank line is a row of empty cells that keeps its Excel row number.
    """
    # a BOM left in the text (a doubled one) would be dropped by Arrow but kept by csv; only newlines: csv's case
    if '"' in teks or teks.startswith("\ufeff") or _BUKAN_BARIS_BARU.search(teks) is None:
        return None
    if encoding == "UTF-8":
        mentah = data
    elif encoding == "UTF-8 (BOM)":
        mentah = data[3:]
    else:
        mentah = teks.encode("utf-8")
    ujung = [k for k in (teks.find("\n"), teks.find("\r")) if k >= 0]
    lebar = teks.count(pemisah, 0, min(ujung) if ujung else len(teks)) + 1  # fields of the first line
    aneh: list[object] = []

    def tandai(baris: object) -> str:
        aneh.append(baris)
        return "skip"

    try:
        hasil = pacsv.read_csv(
            io.BytesIO(mentah),
            read_options=pacsv.ReadOptions(autogenerate_column_names=True, block_size=16 << 20),
            parse_options=pacsv.ParseOptions(delimiter=pemisah, quote_char=False, double_quote=False,
                                             escape_char=False, newlines_in_values=False, ignore_empty_lines=False,
                                             invalid_row_handler=tandai),
            convert_options=pacsv.ConvertOptions(
                column_types={f"f{j}": pa.string() for j in range(lebar)}, strings_can_be_null=False,
                quoted_strings_can_be_null=False, check_utf8=False),
        )
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    if aneh or hasil.num_columns != lebar:
        return None
    lajur: list[pa.Array] = []
    for k, c in enumerate(hasil.columns):
        c = c.combine_chunks() if isinstance(c, pa.ChunkedArray) else c
        if not pa.types.is_string(c.type) or c.null_count:
            return None
        if len(c) and pc.max(pc.binary_length(c)).as_py() > _BATAS_SEL:  # csv refuses it, in any column
            return None
        if k < MAKS_KOLOM:
            lajur.append(c)
    return _tabel_lajur(lajur, hasil.num_rows, np.full(hasil.num_rows, len(lajur), dtype=np.int64), pemisah,
                        encoding)


def _tabel_lajur(lajur: list[pa.Array], jumlah: int, panjang: np.ndarray, pemisah: str, encoding: str) -> Tabel:
    """Records as columns -> the table: cells stripped as str.strip() does, wholly empty rows dropped with their
    Excel row numbers kept for the others (what _rapikan does to rows)."""
    lajur = per_lajur(lambda c: pc.utf8_trim(c, characters=SPASI_PYTHON), lajur, jumlah)
    isi = np.zeros(jumlah, dtype=bool)
    for c in lajur:
        isi |= pc.greater(pc.binary_length(c), 0).to_numpy(zero_copy_only=False)
    simpan = np.flatnonzero(isi)
    if len(simpan) < jumlah:
        idx = pa.array(simpan)
        lajur = [c.take(idx) for c in lajur]
    return Tabel(nomor=(simpan + 1).tolist(), format="csv", pemisah=pemisah, encoding=encoding, lajur=lajur,
                 panjang=panjang[simpan])


