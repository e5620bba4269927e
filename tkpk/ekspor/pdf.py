"""One-page PDF briefs (fpdf2): per pillar, per OPD and per kecamatan, for the rakor folder and the LP2KD.

Why it looks like this:
- one A4 page, always: a brief is read on paper in a meeting. Auto page break is off and tables are cut to the
  rows that fit, with "… dan N lainnya"; :func:`satu_halaman` is checked after building;
- printed in black and white: a status light is a *shape* drawn with fpdf (circle = baik, triangle = perlu
  perhatian, square = kritis, hollow circle = tidak ada data) next to its word and its numbers, and maps use a
  single-hue light-to-dark scale with pockets outlined in black;
- Helvetica (a PDF core font, nothing to install) only covers latin-1, so every string goes through
  :func:`latin1` ("−" → "-", "≥" → ">=", symbols dropped because the shapes are drawn instead);
- every page ends with its sources and, for sample data, the DATA CONTOH label (also in the header band).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import pandas as pd
from fpdf import FPDF

from tkpk import SUMBER_CONTOH, fmt
from tkpk.pilar.status import Status

GANTI = {"−": "-", "–": "-", "—": "-", "≥": ">=", "≤": "<=", "÷": ":", "×": "x", "…": "...", "‘": "'", "’": "'",
         "“": '"', "”": '"', "●": "", "▲": "", "■": "", "○": "", "◌": "", "◐": "", "◇": "", "✕": "",
         "⚠️": "", "⚠": "", "\u00a0": " ", "→": "->"}
LEBAR, TINGGI, TEPI = 210.0, 297.0, 12.0
BAWAH_ISI = TINGGI - 30.0  # below this line: sources and the sample label
WARNA_STATUS = {s.kode: s.warna for s in Status}


def latin1(teks: object) -> str:
    """Text a core font can draw: typographic characters replaced, anything else outside latin-1 as "?"."""
    s = str(teks)
    for a, b in GANTI.items():
        s = s.replace(a, b)
    return s.encode("latin-1", "replace").decode("latin-1").strip()


def _rgb(hexa: str) -> tuple[int, int, int]:
    h = hexa.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


class Brief(FPDF):
    """A4 portrait with a title band; helpers place blocks top to bottom and track the cursor."""

    def __init__(self, judul: str, subjudul: str, sampel: bool) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.set_auto_page_break(False)
        self.set_margins(TEPI, TEPI, TEPI)
        self.sampel = sampel
        self.set_title(latin1(judul))
        self.set_creator("Dasbor TKPK Kabupaten Banjar")
        if sampel:
            self.set_subject(f"{SUMBER_CONTOH}: bukan data resmi")
        self.add_page()
        self.set_fill_color(31, 56, 100)
        self.rect(0, 0, LEBAR, 24, style="F")
        self.set_text_color(255, 255, 255)
        self.set_xy(TEPI, 4)
        self._pas("B", 15, latin1(judul))
        self.cell(LEBAR - 2 * TEPI, 8, latin1(judul))
        self.set_xy(TEPI, 13)
        self._pas("", 10, latin1(subjudul))
        self.cell(LEBAR - 2 * TEPI, 6, latin1(subjudul))
        self.set_text_color(0, 0, 0)
        self.set_y(27)
        if sampel:
            self.set_font("Helvetica", "B", 9)
            self.set_draw_color(0, 0, 0)
            self.cell(LEBAR - 2 * TEPI, 6, latin1(f"PERHATIAN: {SUMBER_CONTOH} - angka kecamatan/desa dan data "
                                                  "program adalah data contoh, bukan data resmi."), border=1,
                      new_x="LMARGIN", new_y="NEXT")
            self.ln(2)

    def _pas(self, gaya: str, ukuran: float, teks: str) -> None:
        """Largest font size up to ``ukuran`` at which ``teks`` fits the page width."""
        self.set_font("Helvetica", gaya, ukuran)
        while ukuran > 6 and self.get_string_width(teks) > LEBAR - 2 * TEPI - 1:
            ukuran -= 0.5
            self.set_font("Helvetica", gaya, ukuran)

    def subjudul(self, teks: str) -> None:
        self.set_font("Helvetica", "B", 11)
        self.cell(0, 6, latin1(teks), new_x="LMARGIN", new_y="NEXT")

    def paragraf(self, teks: str, ukuran: float = 9, tinggi: float = 4.4) -> None:
        self.set_font("Helvetica", "", ukuran)
        self.multi_cell(0, tinggi, latin1(teks), new_x="LMARGIN", new_y="NEXT")

    def lampu(self, x: float, y: float, kode: str, d: float = 4.2) -> None:
        """The status shape, filled with its colour and outlined in black (the shape alone tells it apart)."""
        self.set_draw_color(0, 0, 0)
        self.set_line_width(0.3)
        self.set_fill_color(*_rgb(WARNA_STATUS.get(kode, "#999999")))
        if kode == Status.HIJAU.kode:
            self.ellipse(x, y, d, d, style="DF")
        elif kode == Status.KUNING.kode:
            self.polygon([(x + d / 2, y), (x + d, y + d), (x, y + d)], style="DF")
        elif kode == Status.MERAH.kode:
            self.rect(x, y, d, d, style="DF")
        else:
            self.ellipse(x, y, d, d, style="D")

    def kotak_angka(self, isi: Sequence[tuple[str, str]], tinggi: float = 15) -> None:
        """A row of figure boxes: small label above a large number."""
        lebar = (LEBAR - 2 * TEPI) / len(isi)
        y = self.get_y()
        self.set_draw_color(120, 120, 120)
        self.set_line_width(0.2)
        for i, (label, nilai) in enumerate(isi):
            x = TEPI + i * lebar
            self.rect(x, y, lebar - 1.5, tinggi)
            self.set_xy(x + 1.5, y + 1.2)
            self.set_font("Helvetica", "", 7.5)
            self.cell(lebar - 4, 4, latin1(label))
            self.set_xy(x + 1.5, y + 6)
            ukuran = 12.5
            self.set_font("Helvetica", "B", ukuran)
            while ukuran > 7 and self.get_string_width(latin1(nilai)) > lebar - 4.5:
                ukuran -= 0.5
                self.set_font("Helvetica", "B", ukuran)
            self.cell(lebar - 4, 7, latin1(nilai))
        self.set_xy(TEPI, y + tinggi + 3)

    def baris_status(self, kode: str, label: str, angka: str) -> None:
        """Shape + word + numbers in one line, e.g. [triangle] Perlu perhatian - serapan 73,2%, capaian 74,8%."""
        y = self.get_y()
        self.lampu(TEPI, y + 0.6, kode, 5)
        self.set_xy(TEPI + 7, y)
        self.set_font("Helvetica", "B", 11)
        w = self.get_string_width(latin1(label)) + 2
        self.cell(w, 6, latin1(label))
        self.set_font("Helvetica", "", 9.5)
        self.set_left_margin(TEPI + 7 + w)
        self.multi_cell(0, 5, latin1(f"- {angka}"), new_x="LMARGIN", new_y="NEXT")
        self.set_left_margin(TEPI)
        self.set_x(TEPI)
        self.ln(1.5)

    def tabel(self, kolom: Sequence[str], lebar: Sequence[float], baris: list[list[str]], *,
              status: list[str] | None = None, batas_y: float = BAWAH_ISI, ukuran: float = 8) -> None:
        """A table cut to the rows that fit above ``batas_y``; ``status`` draws a light in the first column."""
        tinggi = ukuran * 0.55
        self.set_font("Helvetica", "B", ukuran)
        self.set_fill_color(225, 229, 238)
        for k, w in zip(kolom, lebar, strict=True):
            self.cell(w, tinggi + 1, latin1(k), border=1, fill=True)
        self.ln(tinggi + 1)
        self.set_font("Helvetica", "", ukuran)
        muat = max(0, int((batas_y - self.get_y() - tinggi) // tinggi))
        tampil = baris if len(baris) <= muat else baris[: max(0, muat - 1)]
        for i, r in enumerate(tampil):
            y = self.get_y()
            for j, (v, w) in enumerate(zip(r, lebar, strict=True)):
                teks = latin1(v)
                geser = 0.0
                if j == 0 and status is not None:
                    self.lampu(self.get_x() + 0.8, y + 0.6, status[i], tinggi - 1.2)
                    geser = tinggi + 0.2
                while teks and self.get_string_width(teks) > w - 1.5 - geser:
                    teks = teks[:-2] + "."
                self.set_x(self.get_x() + geser)
                self.cell(w - geser, tinggi, teks, border="B")
            self.ln(tinggi)
        if len(tampil) < len(baris):
            self.set_font("Helvetica", "I", ukuran)
            self.cell(0, tinggi, latin1(f"... dan {len(baris) - len(tampil)} baris lainnya (lihat buku kerja XLSX)"),
                      new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def gambar(self, png: bytes, x: float, y: float, w: float, h: float | None = None) -> None:
        self.image(io.BytesIO(png), x=x, y=y, w=w, h=h or 0, keep_aspect_ratio=h is not None)

    def kaki(self, sumber: Sequence[str], legenda: bool = True) -> None:
        """Sources at the foot of the page, with the sample label; never pushes onto a second page. ``legenda``: the
        line explaining the status shapes, for briefs that draw them (:meth:`lampu`)."""
        self.set_draw_color(0, 0, 0)
        self.line(TEPI, BAWAH_ISI + 1, LEBAR - TEPI, BAWAH_ISI + 1)
        self.set_xy(TEPI, BAWAH_ISI + 2)
        self.set_font("Helvetica", "", 6.8)
        teks = "Sumber: " + " | ".join(sumber)
        if self.sampel and SUMBER_CONTOH not in teks:
            teks += f" | {SUMBER_CONTOH}: bukan data resmi."
        maks = 900
        self.multi_cell(0, 3.1, latin1(teks if len(teks) <= maks else teks[: maks - 3] + "..."))
        self.set_xy(TEPI, TINGGI - 8)
        self.set_font("Helvetica", "I", 6.8)
        legenda_teks = (" Status: lingkaran = baik, segitiga = perlu perhatian, persegi = kritis, lingkaran kosong = "
                        "tidak ada data." if legenda else "")
        self.cell(0, 4, latin1(f"Dasbor TKPK Kabupaten Banjar.{legenda_teks}"))

    def ke_bytes(self, halaman_maks: int | None = 1) -> bytes:
        """The PDF; a brief is one page (``halaman_maks``), the minutes may take more (None)."""
        if halaman_maks is not None and self.pages_count > halaman_maks:
            raise RuntimeError(f"ringkasan harus satu halaman, bukan {self.pages_count}")
        return bytes(self.output())


def satu_halaman(data: bytes) -> int:
    """Number of pages in a PDF (counts ``/Type /Page`` objects), for tests and the CLI's own check."""
    return data.count(b"/Type /Page") - data.count(b"/Type /Pages")


def persen(x: Any, desimal: int = 1) -> str:
    return fmt.persen(None if x is None or pd.isna(x) else float(x), desimal)


def rupiah(x: Any) -> str:
    return fmt.rupiah_ringkas(None if x is None or pd.isna(x) else float(x))


def angka(x: Any) -> str:
    return fmt.angka(None if x is None or pd.isna(x) else float(x))
