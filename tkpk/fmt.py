"""Indonesian number formats, made by Babel on the server so a projector PC set to en-US still shows 2,36%."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
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


def perubahan(x: float | None, satuan: str) -> str:
    """A change of a value in ``satuan``: percentage points for shares (``−0,08 poin``), plain signed numbers for
    counts and Rupiah (``+1.250``), three decimals for an index."""
    if _missing(x):
        return TIDAK_ADA
    if satuan == "%":
        return poin(x)
    tanda = "+" if x > 0 else ("−" if x < 0 else "")  # type: ignore[operator]
    return f"{tanda}{angka(abs(x), 3 if satuan == 'indeks' else 0)}"  # type: ignore[arg-type]


def nilai_p(p: float | None) -> str:
    """p-values to four decimals (the resolution of 9.999 permutations), "< 0,0001" never shown as 0."""
    if _missing(p):
        return TIDAK_ADA
    return angka(p, 4) if p >= 0.0001 else "< 0,0001"  # type: ignore[operator]


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


def _pecahan(x: float, desimal: int) -> str:
    return angka(x, 0 if float(x).is_integer() else desimal)


_JENIS: dict[str, Callable[[float, Format], str]] = {
    "angka": lambda x, f: angka(x, f.desimal),
    "pecahan": lambda x, f: _pecahan(x, f.desimal),
    "persen": lambda x, f: persen(x, f.desimal),
    "poin": lambda x, f: poin(x, f.desimal),
    "rupiah": lambda x, f: rupiah(x, f.desimal),
    "rupiah_ringkas": lambda x, f: rupiah_ringkas(x),
    "nilai": lambda x, f: nilai(x, f.satuan),
    "perubahan": lambda x, f: perubahan(x, f.satuan),
    "p": lambda x, f: nilai_p(x),
}


@dataclass(frozen=True)
class Format:
    """A table cell format by name, e.g. ``Format("persen", 1)``: ``78.06`` → ``78,1%``.

    Why not a lambda: a drawn table is cached (:func:`tkpk.ui.unduhan.tabel_angka`) under its formats, and a
    frozen dataclass is keyed by its value, where a page's lambda is a new object on every rerun. ``jenis`` names
    the :mod:`tkpk.fmt` function (``angka``, ``persen``, ``poin``, ``rupiah``, ``rupiah_ringkas``, ``nilai`` and
    ``perubahan`` in ``satuan``, ``p`` for p-values) or ``pecahan``: whole numbers bare, others with ``desimal``
    places (an output of 2,50 km beside 4 km). A missing value shows ``kosong``; a text cell ("< 5",
    "disamarkan" among counts) is shown as it is.
    """

    jenis: str
    desimal: int = 0
    satuan: str = ""
    kosong: str = TIDAK_ADA

    def __post_init__(self) -> None:
        if self.jenis not in _JENIS:
            raise ValueError(f"jenis format tidak dikenal: {self.jenis!r} (pilih dari {', '.join(_JENIS)})")

    def __call__(self, x: object) -> str:
        if isinstance(x, str):
            return x
        try:
            v = None if x is None else float(x)  # type: ignore[arg-type]
        except (TypeError, ValueError):  # pd.NA, NaT
            v = None
        if v is None or math.isnan(v):
            return self.kosong
        return _JENIS[self.jenis](v, self)


ANGKA = Format("angka")
ANGKA_1 = Format("angka", 1)
ANGKA_2 = Format("angka", 2)
PECAHAN_2 = Format("pecahan", 2)
PERSEN_1 = Format("persen", 1)
PERSEN_2 = Format("persen", 2)
POIN_1 = Format("poin", 1)
RUPIAH = Format("rupiah")
RUPIAH_RINGKAS = Format("rupiah_ringkas")
NILAI_P = Format("p")
