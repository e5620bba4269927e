"""Indonesian number formats, made by Babel on the server so a projector PC set to en-US still shows 2,36%."""

from __future__ import annotations

import math
from datetime import date, datetime
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE = "id_ID"
TIDAK_ADA = "–"
# Counts of households below this are shown as "< 5" on public pages (small-cell suppression).
AMBANG_SEL_KECIL = 5


def _missing(x: float | int | None) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def angka(x: float | int | None, desimal: int = 0) -> str:
    """``1234567.5`` → ``1.234.568`` (or with ``desimal`` places: ``1.234.567,50``)."""
    if _missing(x):
        return TIDAK_ADA
    return _babel(x, desimal)


def jumlah(x: float | int | None, desimal: int = 2) -> str:
    """A quantity as typed: whole numbers as :func:`angka` (``4``, ``1.250``), others with the decimals they carry, up
    to ``desimal`` (``0,5``, ``1,25``): a target of 0,5 km must not read 0 or 1."""
    if _missing(x):
        return TIDAK_ADA
    if float(x).is_integer():
        return _babel(x, 0)
    return _babel_pas(x, desimal)


@lru_cache(maxsize=1 << 12)
def _babel_pas(x: float | int, desimal: int) -> str:
    return format_decimal(x, format="#,##0." + "#" * desimal, locale=LOCALE)


@lru_cache(maxsize=1 << 16)
def _babel(x: float | int, desimal: int) -> str:
    """Babel takes ~40 µs a number; a page rerun formats the same few hundred table cells again, so memoise."""
    pattern = "#,##0" + ("." + "0" * desimal if desimal else "")
    return format_decimal(x, format=pattern, locale=LOCALE)


def persen(x: float | None, desimal: int = 2) -> str:
    """``2.36`` (already in percent) → ``2,36%``, as BPS writes it (no space)."""
    return TIDAK_ADA if _missing(x) else angka(x, desimal) + "%"


def poin(x: float | None, desimal: int = 2) -> str:
    """A change in percentage points with its sign: ``-0.08`` → ``−0,08 poin``."""
    if _missing(x):
        return TIDAK_ADA
    tanda = "+" if x > 0 else ("−" if x < 0 else "")
    return f"{tanda}{angka(abs(x), desimal)} poin"


def delta_metrik(x: float | None, desimal: int = 2) -> str | None:
    """A change in points as a metric tile's delta (None without one): Streamlit reads the arrow's direction
    from a leading ASCII "-", not from "−", so the sign is ASCII here (``-0,08 poin``)."""
    return None if x is None else poin(x, desimal).replace("−", "-")


def rupiah(x: float | None, desimal: int = 0) -> str:
    """``589164`` → ``Rp589.164``."""
    if _missing(x):
        return TIDAK_ADA
    tanda = "−" if x < 0 else ""
    return f"{tanda}Rp{angka(abs(x), desimal)}"


def rupiah_ringkas(x: float | None, *, pendek: bool = False) -> str:
    """Large budgets in words officials use: ``Rp27,9 miliar``, ``Rp450 juta``; ``pendek`` gives the budget-table
    abbreviations ``Rp27,9 M`` / ``Rp450 jt`` for narrow places (a 1280×720 slide)."""
    if _missing(x):
        return TIDAK_ADA
    for batas, nama, singkat in ((1e12, "triliun", "T"), (1e9, "miliar", "M"), (1e6, "juta", "jt")):
        if abs(x) >= batas:
            return f"Rp{angka(x / batas, 1)} {singkat if pendek else nama}"
    return rupiah(x)


def jiwa(x: float | None) -> str:
    return TIDAK_ADA if _missing(x) else f"{angka(x)} jiwa"


def sel_kecil(x: float | None, satuan: str = "") -> str:
    """Counts under 5 are shown as ``< 5`` so no household can be singled out."""
    if _missing(x):
        return TIDAK_ADA
    teks = f"< {AMBANG_SEL_KECIL}" if 0 < x < AMBANG_SEL_KECIL else angka(x)
    return f"{teks} {satuan}".strip()


def nilai(x: float | None, satuan: str) -> str:
    """A value in its catalogue unit: % gets two decimals, Rupiah its prefix, counts their unit."""
    if satuan == "%":
        return persen(x)
    if satuan.startswith("Rp"):
        return rupiah(x)
    if satuan == "indeks":
        return angka(x, 3)
    return TIDAK_ADA if _missing(x) else f"{angka(x)} {satuan}"


def tanggal(x: date | datetime | None) -> str:
    """``28 November 2026``."""
    return TIDAK_ADA if x is None else format_date(x, format="d MMMM y", locale=LOCALE)


def awal_kecil(teks: str) -> str:
    """A name for the middle of a sentence: only its first letter lowered, so acronyms keep their case
    ("Persentase penduduk desil 1–4 (DTSEN)" → "persentase penduduk desil 1–4 (DTSEN)", never "(dtsen)"); a name
    that starts with an acronym ("KK desil 1", "P0") stays as it is."""
    if not teks:
        return teks
    kata = teks.split(" ", 1)[0]
    if len(kata) > 1 and (sum(c.isupper() for c in kata) > 1 or kata[1].isdigit()):
        return teks
    return teks[0].lower() + teks[1:]
