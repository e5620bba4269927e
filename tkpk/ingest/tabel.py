"""The table of cells every reader returns (CSV, XLSX) and the limits they share.

Its own module so the CSV reader (:mod:`tkpk.ingest.reader`) and the XLSX reader (:mod:`tkpk.ingest.xlsx`)
both build it without importing each other.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from itertools import zip_longest
from typing import TypeVar

import numpy as np
import pyarrow as pa

from tkpk.ingest.pesan import Pesan

__all__ = ["MAKS_BYTES", "MAKS_KOLOM", "MAKS_RASIO_ZIP", "MAKS_XLSX_TERURAI", "SPASI_PYTHON", "Sel", "Tabel",
           "per_lajur", "rapikan", "tanpa_gc"]

# A CSV of a million rows is about 100 MB; anything larger is not an OPD report.
MAKS_BYTES = 150 * 1024 * 1024
# XLSX is a zip: the sum of its unpacked members and the packing ratio of each are checked before openpyxl
# sees it, so a small "zip bomb" cannot exhaust memory.
MAKS_XLSX_TERURAI = 400 * 1024 * 1024
MAKS_RASIO_ZIP = 100
MAKS_KOLOM = 200

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


def rapikan(tabel: Tabel) -> Tabel:
    """Drop wholly empty rows (their numbers stay with the others) and trailing empty columns."""
    keep = [(r, n) for r, n in zip(tabel.baris, tabel.nomor, strict=True) if any(c != "" for c in r)]
    tabel.baris = [r for r, _ in keep]
    tabel.nomor = [n for _, n in keep]
    return tabel
