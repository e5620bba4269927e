"""Bytes from an upload to a table of cells, for the files OPDs actually send.

Nothing here interprets values: it only finds the text (encoding, delimiter, sheet) and keeps the row number
the analyst sees in Excel, so every later message can point at the right cell. Problems become
:class:`BacaGagal` with an Indonesian reason; nothing else escapes.
"""

from __future__ import annotations

import csv
import gc
import io
import os
import re
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from itertools import zip_longest
from typing import TypeVar

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from tkpk.ingest.pengodean import BacaGagal, dekode
from tkpk.ingest.penyandian import pesan_csv
from tkpk.ingest.pesan import Pesan

__all__ = ["MAKS_BYTES", "BacaGagal", "Sel", "Tabel", "baca", "baca_csv", "per_lajur", "tanpa_gc"]

# A CSV of a million rows is about 100 MB; anything larger is not an OPD report.
MAKS_BYTES = 150 * 1024 * 1024
# XLSX is a zip: the sum of its unpacked members and the packing ratio of each are checked before openpyxl
# sees it, so a small "zip bomb" cannot exhaust memory.
MAKS_XLSX_TERURAI = 400 * 1024 * 1024
MAKS_RASIO_ZIP = 100
MAKS_KOLOM = 200
PEMISAH_CALON = (";", "\t", ",")

Sel = str | float | int

# Exactly the characters Python's str.strip() removes (every c with c.isspace(); a unit test recomputes it), so the
# columnar reader trims cells as csv + strip() did. Written out: computing it costs a third of a second per start.
SPASI_PYTHON = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


# Below this many rows a thread pool costs more than it saves.
BARIS_PARALEL = 50_000
T = TypeVar("T")
U = TypeVar("U")


def per_lajur(fungsi: Callable[[T], U], isi: Sequence[T], baris: int) -> list[U]:
    """``[fungsi(x) for x in isi]``, on all cores for a large table: Arrow kernels release the GIL, and one
    kernel call per column leaves the second core idle otherwise (trimming 14 columns of 1M rows: 0.26 -> 0.09 s).
    """
    if baris < BARIS_PARALEL or len(isi) < 2 or (os.cpu_count() or 1) < 2:
        return [fungsi(x) for x in isi]
    with ThreadPoolExecutor(max_workers=min(len(isi), os.cpu_count() or 1)) as pool:
        return list(pool.map(fungsi, isi))


@contextmanager
def tanpa_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building millions of lists: none of them form cycles, and its
    repeated passes over the growing heap cost more than the reading itself (3 of 4.5 s for 1M CSV records)."""
    aktif = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aktif:
            gc.enable()


class Tabel:
    """Cells by row, each row with its Excel row number; ``desimal_koma`` tells :mod:`angka` the file's locale.

    A table is held either as rows (XLSX, odd CSVs, tests) or as Arrow text columns (the common CSV: a million
    rows as Python lists cost seconds and gigabytes). Both views are available either way and built on demand:
    :attr:`baris` for row rules, :meth:`teks` for vectorised checks. In the column view every row is padded to
    the widest row with ``""``; :attr:`panjang` keeps each row's real cell count.
    """

    def __init__(self, baris: list[list[Sel]] | None = None, nomor: list[int] | None = None, format: str = "csv",
                 pemisah: str | None = None, encoding: str | None = None, lembar: str | None = None,
                 catatan: list[str] | None = None, *, lajur: list[pa.Array] | None = None,
                 panjang: np.ndarray | None = None) -> None:
        if baris is None and lajur is None:
            baris = []
        self._baris = baris
        self._lajur = lajur
        self._panjang = panjang
        self.nomor: list[int] = list(nomor) if nomor is not None else []
        self.format = format  # "csv" | "xlsx"
        self.pemisah = pemisah
        self.encoding = encoding
        self.lembar = lembar
        self.catatan: list[str] = catatan if catatan is not None else []
        self.pesan: list[Pesan] = []  # what reading found (mixed encodings ...)
        self.rumus_kosong: list[tuple[int, int]] = []  # (Excel row, column) of formulas without a cached value
        self.tautan_luar: list[tuple[int, int]] = []  # (Excel row, column) of values linked from another workbook

    @property
    def desimal_koma(self) -> bool:
        return self.pemisah != ","

    @property
    def jumlah(self) -> int:
        return len(self.nomor)

    @property
    def baris(self) -> list[list[Sel]]:
        """Every row as a list of cells (built once from the columns when the table was read columnwise)."""
        if self._baris is None:
            assert self._lajur is not None
            kolom = [c.to_pylist() for c in self._lajur]
            if not kolom:
                self._baris = [[] for _ in self.nomor]
            else:
                baris = zip(*kolom, strict=True)
                with tanpa_gc():
                    self._baris = [list(r[:n]) for r, n in zip(baris, self.panjang.tolist(), strict=True)]
        return self._baris

    def urut(self, mulai: int, potongan: int = 50_000) -> Iterator[tuple[list[Sel], int]]:
        """Rows from ``mulai`` on with their Excel numbers, built a slice at a time from the columns, so a check
        that stops early (:class:`tkpk.ingest.pesan.CukupGalat`) never pays for the whole file as Python lists."""
        if self._baris is not None or not self._lajur:
            yield from zip(self.baris[mulai:], self.nomor[mulai:], strict=True)
            return
        panjang = self.panjang
        for awal in range(mulai, self.jumlah, potongan):
            akhir = min(awal + potongan, self.jumlah)
            kolom = [c.slice(awal, akhir - awal).to_pylist() for c in self._lajur]
            with tanpa_gc():
                irisan = [list(r[:n]) for r, n in zip(zip(*kolom, strict=True), panjang[awal:akhir].tolist(),
                                                         strict=True)]
            yield from zip(irisan, self.nomor[awal:akhir], strict=True)

    @baris.setter
    def baris(self, nilai: list[list[Sel]]) -> None:
        self._baris, self._lajur, self._panjang = nilai, None, None

    def potong(self, akhir: int) -> Tabel:
        """The first ``akhir`` rows (the table without its footnotes)."""
        out = Tabel(None if self._baris is None else self._baris[:akhir], self.nomor[:akhir], self.format,
                    self.pemisah, self.encoding, self.lembar, self.catatan,
                    lajur=None if self._lajur is None or self._baris is not None
                    else [c.slice(0, akhir) for c in self._lajur],
                    panjang=None if self._panjang is None else self._panjang[:akhir])
        out.pesan, out.rumus_kosong, out.tautan_luar = self.pesan, self.rumus_kosong, self.tautan_luar
        return out

    def baris_ke(self, i: int) -> list[Sel]:
        """One row, without building all of them."""
        if self._baris is not None:
            return self._baris[i]
        assert self._lajur is not None
        return [self._lajur[j][i].as_py() for j in range(int(self.panjang[i]))]

    @property
    def panjang(self) -> np.ndarray:
        """Cells per row (before padding)."""
        if self._panjang is None:
            self._panjang = np.fromiter((len(r) for r in self.baris), dtype=np.int64, count=len(self.baris))
        return self._panjang

    @property
    def lebar(self) -> int:
        return len(self._lajur) if self._lajur is not None else int(self.panjang.max(initial=0))

    def teks(self, j: int, mulai: int = 0) -> pa.Array:
        """Column ``j`` from row ``mulai`` on as Arrow text; a cell that is not text (an XLSX number) is null,
        a missing cell is ``""`` (as :class:`~tkpk.ingest.validasi.Konteks` reads it)."""
        if self._lajur is None:
            self._lajur = self._lajur_dari_baris()
        if j >= len(self._lajur):
            return pa.array([""] * (self.jumlah - mulai), pa.string())
        return self._lajur[j].slice(mulai)

    def _lajur_dari_baris(self) -> list[pa.Array]:
        """The column view of a table read as rows, built once (transposed in C by zip_longest)."""
        lajur = []
        for kolom in zip_longest(*self.baris, fillvalue=""):
            try:
                lajur.append(pa.array(kolom, pa.string()))
            except (pa.ArrowTypeError, pa.ArrowInvalid):  # numbers from XLSX: null, judged by the row path
                lajur.append(pa.array([v if isinstance(v, str) else None for v in kolom], pa.string()))
        return lajur


def baca(data: bytes, nama_file: str, jenis: str | None = None) -> Tabel:
    """Read CSV or XLSX by content (not by extension alone: Excel users rename files)."""
    if len(data) == 0:
        raise BacaGagal("Berkas kosong.")
    if len(data) > MAKS_BYTES:
        raise BacaGagal(f"Berkas terlalu besar ({len(data) / 1e6:.0f} MB; batas {MAKS_BYTES / 1e6:.0f} MB).")
    if data[:4] == b"PK\x03\x04":
        from tkpk.ingest.xlsx import baca_xlsx  # openpyxl is imported only for XLSX

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


def _rapikan(tabel: Tabel) -> Tabel:
    """Drop wholly empty rows (their numbers stay with the others) and trailing empty columns."""
    keep = [(r, n) for r, n in zip(tabel.baris, tabel.nomor, strict=True) if any(c != "" for c in r)]
    tabel.baris = [r for r, _ in keep]
    tabel.nomor = [n for _, n in keep]
    return tabel


