"""Decisions on slides: how many share a slide, and how much of a very long one a slide shows.

Why by length and not by count alone: the follow-up slides held a fixed 3 (1280×720) or 6 (1920×1080) decisions,
sized for texts of about three lines; one ~700-character decision pushed the next ones below the bottom of a
1280×720 projector, where nobody in the room could scroll to them (review finding, issue 17). A decision now costs
the lines its text needs in the slide's table, slides are filled up to a line budget, and a text too long for a
slide of its own is shown cut at a word with "…", the whole text staying on the Tindak lanjut page and in the
download.

The figures are estimates, kept on the safe side of what a browser draws (headless Chromium, the slides' 19 px
table text): with a long decision the Keputusan column takes most of the width, about 78 characters a line at
1280 px and 120 at 1920 px; the OPD, place and deadline cells wrap to three lines at most for the OPD names and
dates we have, so no decision costs less than three.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

ELIPSIS = "…"


@dataclass(frozen=True)
class Ukuran:
    """The table room of one kind of slide at one projector height."""

    garis: int  # lines of table body a slide holds with its title, summary and footer on screen
    maks: int  # decisions at most on one slide (the earlier rule, kept as a cap)
    huruf: int  # characters a line of the Keputusan column holds, on the safe side
    huruf_lokasi: int  # the same for the narrow Lokasi column


# The follow-up of the previous rakor (status and suggestion columns beside each decision).
TINDAK_LANJUT = {1080: Ukuran(garis=18, maks=6, huruf=100, huruf_lokasi=12),
                 720: Ukuran(garis=9, maks=3, huruf=65, huruf_lokasi=10)}
# This rakor's decisions: less room, the form to record the next one sits under the table.
KEPUTUSAN = {1080: Ukuran(garis=12, maks=4, huruf=100, huruf_lokasi=12),
             720: Ukuran(garis=6, maks=2, huruf=65, huruf_lokasi=10)}
GARIS_MIN = 3
# Room for the line under the table that says a text was cut (a line of the slide's larger body text).
GARIS_CATATAN = 2


def ukuran(jenis: dict[int, Ukuran], layar: int) -> Ukuran:
    """The room at projector height ``layar``; an unknown height gets the smaller screen's."""
    return jenis.get(layar, jenis[720])


def garis(keputusan: str, lokasi: str, u: Ukuran) -> int:
    """Lines one decision's row takes on a slide (at least :data:`GARIS_MIN`)."""
    return max(GARIS_MIN, math.ceil(len(keputusan) / u.huruf), math.ceil(len(lokasi) / u.huruf_lokasi))


def potong(teks: str, u: Ukuran) -> str:
    """The decision's text as a slide shows it: whole when its row fits a slide, else cut at the last space that
    leaves room for the table's header and the line saying the text was cut, with "…" (a text without any space is
    cut at the limit)."""
    batas = (u.garis - 1 - GARIS_CATATAN) * u.huruf
    if len(teks) <= batas:
        return teks
    kepala = teks[:batas - 1]
    spasi = kepala.rfind(" ")
    if spasi > batas // 2:
        kepala = kepala[:spasi]
    return kepala.rstrip(" ,;:.-–") + ELIPSIS


def _isi(biaya: Sequence[int], garis_maks: int, maks: int) -> list[slice]:
    """Slides filled in order up to ``garis_maks`` lines and ``maks`` decisions; a row that alone is larger than
    the budget still gets a slide (every decision on exactly one slide)."""
    out: list[slice] = []
    mulai, isi = 0, 0
    for i, b in enumerate(biaya):
        if i > mulai and (isi + b > garis_maks or i - mulai >= maks):
            out.append(slice(mulai, i))
            mulai, isi = i, 0
        isi += b
    out.append(slice(mulai, len(biaya)))
    return out


def bagi(biaya: Sequence[int], u: Ukuran) -> list[slice]:
    """The decisions (their costs from :func:`garis`, in order) split over as few slides as fit, as evenly as
    that allows: the smallest cap and then the smallest line budget that still needs no more slides (six short
    decisions at 720 make 3 + 3, seven at 1080 make 4 + 3). At least one slide, empty when there is nothing."""
    if not biaya:
        return [slice(0, 0)]
    paling_sedikit = len(_isi(biaya, u.garis, u.maks))
    for maks in range(1, u.maks + 1):
        for garis_maks in range(GARIS_MIN, u.garis + 1):
            bagian = _isi(biaya, garis_maks, maks)
            if len(bagian) == paling_sedikit:
                return bagian
    return _isi(biaya, u.garis, u.maks)


@dataclass(frozen=True)
class Slide:
    """A decision table as slides show it: texts cut where needed (:func:`potong`), the split over slides, and
    whether any text was cut (the slide then says where the whole text is)."""

    tabel: pd.DataFrame
    bagian: list[slice]
    dipotong: bool


def untuk_slide(t: pd.DataFrame, u: Ukuran) -> Slide:
    """``t`` (rows of :func:`tkpk.rakor.tabel.tabel_keputusan`, any of its columns with Keputusan and Lokasi)
    ready for slides of room ``u``."""
    asli = [str(x) for x in t["Keputusan"]]
    tampil = [potong(x, u) for x in asli]
    lokasi = [str(x) for x in t["Lokasi"]] if "Lokasi" in t.columns else [""] * len(t)
    # a cut text brings the line under the table with it (:data:`GARIS_CATATAN`)
    biaya = [garis(k, s, u) + (GARIS_CATATAN if k != a else 0) for k, s, a in zip(tampil, lokasi, asli, strict=True)]
    return Slide(t.assign(Keputusan=tampil), bagi(biaya, u), tampil != asli)
