"""Decisions on slides: how many share a slide, and how much of a very long one a slide shows.

Why by length and not by count alone: the follow-up slides held a fixed 3 (1280×720) or 6 (1920×1080) decisions,
sized for texts of about three lines; one ~700-character decision pushed the next ones below the bottom of a
1280×720 projector, where nobody in the room could scroll to them (review finding, issue 17). A decision now costs
the lines its row needs in the slide's table, slides are filled up to a line budget, and a text too long for a
slide of its own is shown cut at a word with "…", the whole text staying on the Tindak lanjut page and in the
download.

The figures are estimates on the safe side of what headless Chromium draws with the slides' 19 px table text
(lines of about 31 px at 1280×720, 35 px at 1920×1080): a row is as tall as its tallest cell, each cell wrapped at
its words (:func:`baris_teks`) in a column of :class:`Ukuran`'s width in characters. With a long decision on the
slide the Keputusan column takes most of the width (about 75 characters a line at 1280 px, 120 at 1920 px) and
squeezes the others to about ten, so "31 Desember 2031" and "Dinas Sosial P3AP2KB" take three lines; with short
decisions only, they keep about thirteen (:class:`Biaya`). The budget is the table body's room under the title, a
two-line summary and the three-line table header, with the "next slide" line, the login box and the source line
on screen: about 8,6 lines at 720 and 18 at 1080 measured, less a margin (second review: budgets of 9 and 18 lines
with a flat three lines a row ran 36-38 px below the screen with long place names and deadlines).
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import pandas as pd

ELIPSIS = "…"


@dataclass(frozen=True)
class Ukuran:
    """The table room of one kind of slide at one projector height."""

    garis: float  # lines of table body a slide holds with its title, summary and footer on screen
    maks: int  # decisions at most on one slide (the earlier rule, kept as a cap)
    huruf: int  # characters a line of the Keputusan column holds, on the safe side
    huruf_lokasi: int  # the same for the Lokasi column, squeezed by a long decision on the slide
    huruf_sempit: int  # the same for the other narrow columns (OPD, target, deadline, status, suggestion), squeezed
    pendek: int  # a slide whose decisions are all at most this long leaves the narrow columns room:
    huruf_lega: int  # then this many characters a line in them, Lokasi included
    huruf_ringkas: int  # characters a line of the summary above the table holds (the slide's larger body text)


# The follow-up of the previous rakor (status and suggestion columns beside each decision).
TINDAK_LANJUT = {
    1080: Ukuran(garis=17.5, maks=6, huruf=105, huruf_lokasi=12, huruf_sempit=10, pendek=130, huruf_lega=14,
                 huruf_ringkas=140),
    720: Ukuran(garis=8, maks=3, huruf=70, huruf_lokasi=11, huruf_sempit=10, pendek=100, huruf_lega=13,
                huruf_ringkas=100)}
# This rakor's decisions: fewer columns (no status or suggestion), so a wider Keputusan column; less room, with the
# box to record one more under the table.
KEPUTUSAN = {
    1080: Ukuran(garis=15, maks=4, huruf=110, huruf_lokasi=12, huruf_sempit=11, pendek=130, huruf_lega=14,
                 huruf_ringkas=140),
    720: Ukuran(garis=6.5, maks=2, huruf=75, huruf_lokasi=11, huruf_sempit=11, pendek=100, huruf_lega=13,
                huruf_ringkas=100)}
# A row's padding and border, in lines.
RUANG_BARIS = 0.1
# Room for the line under the table that says a text was cut (one line of the slide's 24 px body text).
GARIS_CATATAN = 1.5
# The summary above the table ("<rakor> — n keputusan: …") is counted in the budget at two lines; each further
# line (a long title or place) takes this many table lines (second review: a three-line summary ran 47 px over).
GARIS_RINGKAS = 1.3
# The "Acuan target" cell holds a free-text program: on a slide it is cut to this many characters, its target kept.
MAKS_ACUAN = 60
# How much wider a text in capitals is than ordinary text at the slides' font; the widths above hold for a text
# with up to this share of capitals (names, abbreviations), and shrink linearly to all capitals.
LEBAR_KAPITAL, KAPITAL_BIASA = 0.4, 0.15
_SEMPIT = ("OPD", "Acuan target", "Tenggat", "Status", "Saran dari data")


def ukuran(jenis: dict[int, Ukuran], layar: int, ringkasan: str = "") -> Ukuran:
    """The room at projector height ``layar`` (an unknown height gets the smaller screen's), less what a summary
    ``ringkasan`` longer than two lines takes."""
    u = jenis.get(layar, jenis[720])
    lebih = max(0, baris_teks(ringkasan, u.huruf_ringkas, kapital=True) - 2) if ringkasan else 0
    return replace(u, garis=u.garis - GARIS_RINGKAS * lebih) if lebih else u


def baris_teks(teks: str, lebar: int, kapital: bool = False) -> int:
    """Lines a text takes in a column ``lebar`` characters wide, wrapped at its words (a longer word is broken).
    ``kapital``: capitals are wider than the letters ``lebar`` is measured in, so a sentence typed in capitals
    gets a narrower column (second review: 100 characters in capitals took three lines where two were counted);
    not for the short cells, whose abbreviations ("P3AP2KB") the widths already allow for."""
    if kapital:
        huruf = [c for c in teks if c.isalpha()]
        besar = sum(c.isupper() for c in huruf) / len(huruf) if huruf else 0.0
        lebar = round(lebar / (1 + LEBAR_KAPITAL * max(0.0, besar - KAPITAL_BIASA) / (1 - KAPITAL_BIASA)))
    return max(1, len(textwrap.wrap(teks, max(1, lebar), break_on_hyphens=False)))


def garis(sel: Mapping[str, str], u: Ukuran, lega: bool = False) -> float:
    """Lines one decision's row takes on a slide: its tallest cell, plus the row's padding. ``lega``: every
    decision on the slide is short (:attr:`Ukuran.pendek`), so the narrow columns are wider."""
    lokasi, sempit = (u.huruf_lega, u.huruf_lega) if lega else (u.huruf_lokasi, u.huruf_sempit)
    tinggi = [baris_teks(sel.get("Keputusan", ""), u.huruf, kapital=True),
              baris_teks(sel.get("Lokasi", ""), lokasi),
              *(baris_teks(sel[k], sempit) for k in _SEMPIT if k in sel)]
    return max(tinggi) + RUANG_BARIS


def rapat(teks: str) -> str:
    """A decision as one paragraph: line breaks and runs of spaces made one space (a slide cell shows no line
    breaks; an escaped one read as a literal backslash-n, second review)."""
    return " ".join(teks.split())


def _potong_pada(teks: str, batas: int) -> str:
    kepala = teks[:batas - 1]
    spasi = kepala.rfind(" ")
    if spasi > batas // 2:
        kepala = kepala[:spasi]
    return kepala.rstrip(" ,;:.-–") + ELIPSIS


def judul_slide(judul: str, ekor: str, u: Ukuran) -> str:
    """The rakor's name as the line above a slide's table shows it: cut at a word with "…" so that it and ``ekor``
    (" — n keputusan: …") take about two lines (second review: a 300-character place made a six-line summary).
    The Tindak lanjut page shows it whole."""
    batas = 2 * u.huruf_ringkas - len(ekor)
    return judul if len(judul) <= batas else _potong_pada(judul, max(batas, 40))


def potong_acuan(teks: str) -> str:
    """An "Acuan target" cell as a slide shows it: a long program name cut at a word with "…", its target kept."""
    if len(teks) <= MAKS_ACUAN:
        return teks
    program, pisah, target = teks.rpartition(": ")
    if not pisah or len(target) > MAKS_ACUAN // 2:
        return _potong_pada(teks, MAKS_ACUAN)
    return _potong_pada(program, MAKS_ACUAN - len(target) - 2) + ": " + target


def potong(teks: str, u: Ukuran) -> str:
    """The decision's text as a slide shows it: whole when its row fits a slide, else cut at a word, with "…", to
    the lines left beside the line saying the text was cut (a text without any space is cut inside)."""
    muat = math.floor(u.garis - GARIS_CATATAN - RUANG_BARIS)
    if baris_teks(teks, u.huruf, kapital=True) <= muat:
        return teks
    batas = muat * u.huruf
    while batas > u.huruf and baris_teks(_potong_pada(teks, batas), u.huruf, kapital=True) > muat:
        batas -= max(1, u.huruf // 4)
    return _potong_pada(teks, batas)


@dataclass(frozen=True)
class Biaya:
    """Lines each decision's row takes on a slide: ``lega`` while every decision on that slide is short, ``sempit``
    once one is long (the browser's table layout then squeezes the narrow columns, and their cells wrap more)."""

    lega: Sequence[float]
    sempit: Sequence[float]
    panjang: Sequence[int]  # length of each decision's text as shown
    pendek: int

    @classmethod
    def tetap(cls, biaya: Sequence[float]) -> Biaya:
        """Costs that do not depend on the slide's other rows."""
        return cls(biaya, biaya, [0] * len(biaya), 0)

    def __len__(self) -> int:
        return len(self.lega)

    def beban(self, mulai: int, akhir: int) -> float:
        """Lines rows ``mulai`` to ``akhir`` (exclusive) take together on one slide."""
        baris = self.lega if max(self.panjang[mulai:akhir], default=0) <= self.pendek else self.sempit
        return float(sum(baris[mulai:akhir]))


def _isi(biaya: Biaya, garis_maks: float, maks: int) -> list[slice]:
    """Slides filled in order up to ``garis_maks`` lines and ``maks`` decisions; a row that alone is larger than
    the budget still gets a slide (every decision on exactly one slide)."""
    out: list[slice] = []
    mulai = 0
    for i in range(len(biaya)):
        if i > mulai and (biaya.beban(mulai, i + 1) > garis_maks or i - mulai >= maks):
            out.append(slice(mulai, i))
            mulai = i
    out.append(slice(mulai, len(biaya)))
    return out


def bagi(biaya: Biaya | Sequence[float], u: Ukuran) -> list[slice]:
    """The decisions (their costs, in order) split over as few slides as fit, as evenly as that allows: the
    smallest cap and then the smallest line budget (in half lines) that still needs no more slides (six short
    decisions at 720 make 3 + 3, seven at 1080 make 4 + 3). At least one slide, empty when there is nothing."""
    b = biaya if isinstance(biaya, Biaya) else Biaya.tetap(biaya)
    if not len(b):
        return [slice(0, 0)]
    paling_sedikit = len(_isi(b, u.garis, u.maks))
    anak_tangga = sorted({*(k / 2 for k in range(2, int(2 * u.garis) + 1)), u.garis})
    for maks in range(1, u.maks + 1):
        for garis_maks in anak_tangga:
            bagian = _isi(b, garis_maks, maks)
            if len(bagian) == paling_sedikit:
                return bagian
    return _isi(b, u.garis, u.maks)


def pertama(biaya: Biaya | Sequence[float], u: Ukuran) -> slice:
    """The decisions one slide shows when it is the only one (the Keputusan slide, whose others are on the
    Tindak lanjut page): as many from the top as the room allows, not a balanced share."""
    b = biaya if isinstance(biaya, Biaya) else Biaya.tetap(biaya)
    return _isi(b, u.garis, u.maks)[0] if len(b) else slice(0, 0)


@dataclass(frozen=True)
class Slide:
    """A decision table as slides show it: texts made one paragraph and cut where needed (:func:`potong`), the
    split over slides, and which rows were cut (a slide holding one says where the whole text is)."""

    tabel: pd.DataFrame
    bagian: list[slice]
    dipotong: list[bool]
    biaya: Biaya  # lines each row takes (:func:`garis`, plus the note's line when it was cut)

    def ada_potong(self, bagian: slice) -> bool:
        return any(self.dipotong[bagian])


def untuk_slide(t: pd.DataFrame, u: Ukuran) -> Slide:
    """``t`` (rows of :func:`tkpk.rakor.tabel.tabel_keputusan`, any of its columns with Keputusan) ready for slides
    of room ``u``."""
    utuh = [rapat(str(x)) for x in t["Keputusan"]]
    tampil = t.assign(Keputusan=[potong(x, u) for x in utuh])
    dipotong = [a != b for a, b in zip(tampil["Keputusan"], utuh, strict=True)]
    if "Acuan target" in t.columns:
        acuan = [rapat(str(x)) for x in t["Acuan target"]]
        tampil = tampil.assign(**{"Acuan target": [potong_acuan(x) for x in acuan]})
        dipotong = [p or a != b for p, a, b in zip(dipotong, tampil["Acuan target"], acuan, strict=True)]
    sel = tampil.astype(str).to_dict("records")
    # a cut text brings the line under the table with it (:data:`GARIS_CATATAN`)
    biaya = Biaya(*([garis(r, u, lega) + (GARIS_CATATAN if p else 0) for r, p in zip(sel, dipotong, strict=True)]
                    for lega in (True, False)), [len(x) for x in tampil["Keputusan"]], u.pendek)
    return Slide(tampil, bagi(biaya, u), dipotong, biaya)


def keputusan_slide(t: pd.DataFrame, u: Ukuran) -> tuple[Slide, slice]:
    """This rakor's decisions on its one slide: :func:`untuk_slide` and the rows that slide shows (:func:`pertama`)."""
    s = untuk_slide(t, u)
    return s, pertama(s.biaya, u)
