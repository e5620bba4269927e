"""Messages shown to analysts: one shape for the upload page, the CLI and the tests.

A message always says where (Excel row, header = row 1), which column and which value, because the analyst
fixes the file in Excel, not in our data model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tkpk.fmt import angka

Tingkat = Literal["galat", "peringatan", "info"]

GAGAL = object()  # a cell that had an error (distinct from an empty cell, None)

# Beyond this many messages the analyst learns nothing new; the rest are counted, not listed.
MAKS_PESAN = 200
# Checking stops after this many errors: a file wrong in every row (a shifted column, the wrong decimal mark)
# would otherwise cost a message per cell in memory and seconds per 100.000 rows, to say the same thing again.
MAKS_GALAT = 1000


@dataclass(frozen=True)
class Pesan:
    tingkat: Tingkat
    teks: str
    baris: int | None = None
    kolom: str | None = None
    nilai: str | None = None

    @property
    def galat(self) -> bool:
        return self.tingkat == "galat"

    def __str__(self) -> str:
        label = {"galat": "GALAT", "peringatan": "PERINGATAN", "info": "INFO"}[self.tingkat]
        return f"{label}: {self.teks}"


def tampil_nilai(nilai: object) -> str:
    """Values are quoted as the analyst typed them; long ones are shortened so a message stays one line."""
    if nilai is None:
        return ""
    teks = str(int(nilai)) if isinstance(nilai, float) and nilai.is_integer() else str(nilai)
    return teks if len(teks) <= 60 else teks[:57] + "..."


def pesan_sel(tingkat: Tingkat, baris: int, kolom: str, nilai: object, alasan: str) -> Pesan:
    """``Baris 7, kolom "pagu": "12,5,0" bukan angka.``"""
    v = tampil_nilai(nilai)
    teks = f'Baris {baris}, kolom "{kolom}": "{v}" {alasan}'
    if not teks.endswith("."):
        teks += "."
    return Pesan(tingkat, teks, baris, kolom, v)


def pesan_baris(tingkat: Tingkat, baris: int, teks: str, kolom: str | None = None) -> Pesan:
    kalimat = f"Baris {baris}: {teks}" if kolom is None else f'Baris {baris}, kolom "{kolom}": {teks}'
    if not kalimat.endswith("."):
        kalimat += "."
    return Pesan(tingkat, kalimat, baris, kolom)


def pesan_berkas(tingkat: Tingkat, teks: str, kolom: str | None = None) -> Pesan:
    return Pesan(tingkat, teks if teks.endswith(".") else teks + ".", None, kolom)


class CukupGalat(Exception):
    """Raised by a checker once it holds MAKS_GALAT errors; carries them and the Excel row it stopped at."""

    def __init__(self, pesan: list[Pesan], baris: int) -> None:
        super().__init__(f"{len(pesan)} pesan, berhenti di baris {baris}")
        self.pesan = pesan
        self.baris = baris


def pesan_berhenti(baris: int) -> Pesan:
    """The file-level error that says the list is partial and why."""
    return pesan_berkas("galat", f"Pemeriksaan dihentikan di baris {baris} setelah {angka(MAKS_GALAT)} galat"
                        "; baris sesudahnya belum diperiksa. Galat sebanyak ini biasanya satu sebab yang sama (kolom "
                        "tergeser, pemisah desimal, kolom tertukar): perbaiki yang di bawah lalu unggah ulang")


def ada_galat(pesan: list[Pesan]) -> bool:
    return any(p.galat for p in pesan)


@dataclass(frozen=True)
class Hitungan:
    """Counts of every message of an upload, taken before the list shown is cut to MAKS_PESAN, so the summary never
    contradicts what was found. ``sebagian``: checking stopped early (:class:`CukupGalat`), the counts are a lower
    bound."""

    baris: frozenset[int] = frozenset()  # rows with an error or a warning
    galat_baris: int = 0
    galat_berkas: int = 0
    peringatan: int = 0
    sebagian: bool = False

    @staticmethod
    def dari(pesan: list[Pesan], sebagian: bool = False) -> Hitungan:
        return Hitungan(frozenset(p.baris for p in pesan if p.baris is not None and p.tingkat != "info"),
                        sum(p.galat and p.baris is not None for p in pesan),
                        sum(p.galat and p.baris is None for p in pesan),
                        sum(p.tingkat == "peringatan" for p in pesan), sebagian)

    def __add__(self, lain: Hitungan) -> Hitungan:
        return Hitungan(self.baris | lain.baris, self.galat_baris + lain.galat_baris,
                        self.galat_berkas + lain.galat_berkas, self.peringatan + lain.peringatan,
                        self.sebagian or lain.sebagian)


def ringkas_baris(jumlah_baris: int, pesan: list[Pesan] | Hitungan) -> str:
    """"N baris data: …" without contradicting itself: an error about the whole file (no row) is counted apart,
    and then no row is called "baik", because nothing of the file is stored. Counts come from a :class:`Hitungan`
    of every message (a plain list is counted as it is)."""
    h = pesan if isinstance(pesan, Hitungan) else Hitungan.dari(pesan)
    n, masalah = angka(jumlah_baris), len(h.baris)
    if not h.galat_berkas:
        return (f"{n} baris data: {angka(jumlah_baris - masalah)} baik, {angka(masalah)} bermasalah "
                f"({angka(h.galat_baris)} galat, {angka(h.peringatan)} peringatan).")
    sedikit = "sedikitnya " if h.sebagian else ""
    baris = f"{sedikit}{angka(masalah)} baris bermasalah ({angka(h.galat_baris)} galat baris), " if masalah else ""
    return (f"{n} baris data; {h.galat_berkas} galat berkas (berlaku untuk seluruh berkas), {baris}"
            f"{angka(h.peringatan)} peringatan.")
