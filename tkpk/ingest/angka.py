"""Numbers as Indonesian office files write them, read without guessing.

Excel on an Indonesian-locale PC writes ``2,36`` and ``1.234.567``; an English-locale PC (or a program) writes
``2.36`` and ``1,234,567``. When a value can only mean one thing we read it; when it could mean two (``1.234``
in a comma-delimited file is either 1234 or 1,234) we refuse it and say why, because a silently wrong budget
figure is worse than a rejected file.

Decisions:

* In a ``;``- or tab-delimited CSV and in text cells of an XLSX (``desimal_koma=True``) the comma is the decimal
  mark and the dot groups thousands: ``1,234`` = 1,234 and ``1.234`` = 1234.
* In a ``,``-delimited CSV (``desimal_koma=False``) the file's own locale is unknown, so a single separator
  followed by exactly three digits (``1,234`` or ``1.234``) is ambiguous and refused. ``2,36`` and ``2.36`` are
  fine (a thousands group always has three digits), as are ``1.234.567`` and ``1.234,5``.
* ``Rp``, ``%``, spaces and non-breaking spaces are dropped; ``-5`` and ``(5)`` are negative.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import NamedTuple

_SPASI = re.compile(r"[\s\u00a0\u2007\u202f]+")
_RP = re.compile(r"^rp\.?", re.IGNORECASE)
_DIGIT = re.compile(r"^\d+$")
_RIBUAN_TITIK = re.compile(r"^[1-9]\d{0,2}(\.\d{3})+$")
_RIBUAN_KOMA = re.compile(r"^[1-9]\d{0,2}(,\d{3})+$")
_ID_PENUH = re.compile(r"^[1-9]\d{0,2}(\.\d{3})+,\d+$")
_EN_PENUH = re.compile(r"^[1-9]\d{0,2}(,\d{3})+\.\d+$")
_DESIMAL = re.compile(r"^\d+[.,]\d+$")


class Angka(NamedTuple):
    """``nilai`` when the text is a number, ``None`` when empty; ``alasan`` says why it is not a number."""

    nilai: float | None
    alasan: str | None = None
    persen: bool = False
    rupiah: bool = False  # written with "Rp": an amount of money, which only a rupiah column may hold


def baca_angka(teks: object, desimal_koma: bool = True) -> Angka:
    """Read one cell; XLSX numbers arrive as int/float and are taken as they are."""
    if teks is None:
        return Angka(None)
    if isinstance(teks, bool):
        return Angka(None, "bukan angka")
    if isinstance(teks, int | float):
        nilai = float(teks)
        if not math.isfinite(nilai):
            return Angka(None, "bukan angka yang sah")
        return Angka(nilai)
    return _baca_teks(str(teks), desimal_koma)


@lru_cache(maxsize=65536)
def _baca_teks(asli: str, desimal_koma: bool) -> Angka:
    s = _SPASI.sub("", asli)
    if s in ("", "-", "–"):
        return Angka(None)
    negatif = False
    if s.startswith("(") and s.endswith(")"):
        negatif, s = True, s[1:-1]
    if s.startswith(("-", "−")):
        negatif, s = True, s[1:]
    persen = s.endswith("%")
    if persen:
        s = s[:-1]
    rupiah = _RP.match(s) is not None
    s = _RP.sub("", s)
    if s.startswith(("-", "−")):
        negatif, s = True, s[1:]
    if s.endswith(",-"):  # "Rp 1.500.000,-" is a common way of writing whole Rupiah
        s = s[:-2]
    if not s:
        return Angka(None, "bukan angka")
    if not re.fullmatch(r"[\d.,]+", s) or not re.search(r"\d", s):
        return Angka(None, "bukan angka")
    nilai, alasan = _urai(s, desimal_koma)
    if alasan is not None or nilai is None:
        return Angka(None, alasan or "bukan angka")
    return Angka(-nilai if negatif else nilai, None, persen, rupiah)


def _urai(s: str, desimal_koma: bool) -> tuple[float | None, str | None]:
    titik, koma = s.count("."), s.count(",")
    if titik == 0 and koma == 0:
        return float(s), None
    if titik and koma:
        if _ID_PENUH.match(s):
            return float(s.replace(".", "").replace(",", ".")), None
        if _EN_PENUH.match(s):
            return float(s.replace(",", "")), None
        return None, "bukan angka: titik dan koma tidak membentuk pola ribuan dan desimal yang sah"
    pemisah = "." if titik else ","
    jumlah = titik or koma
    if jumlah > 1:
        pola = _RIBUAN_TITIK if pemisah == "." else _RIBUAN_KOMA
        if pola.match(s):
            return float(s.replace(pemisah, "")), None
        return None, f'bukan angka: ada {jumlah} tanda "{pemisah}" tetapi bukan pemisah ribuan yang sah'
    # exactly one separator
    if not _DESIMAL.match(s):
        return None, "bukan angka"
    kepala, ekor = s.split(pemisah)
    bisa_ribuan = len(ekor) == 3 and kepala != "" and not kepala.startswith("0") and len(kepala) <= 3
    if not bisa_ribuan:
        return float(f"{kepala}.{ekor}"), None
    if desimal_koma:
        return (float(f"{kepala}.{ekor}"), None) if pemisah == "," else (float(kepala + ekor), None)
    return None, (
        f'ambigu: "{s}" bisa berarti {kepala}{ekor} (tanda "{pemisah}" sebagai pemisah ribuan) atau '
        f"{kepala} koma {ekor} (tanda desimal); tulis tanpa pemisah ribuan (mis. {kepala}{ekor}) "
        "atau simpan berkas sebagai CSV dengan pemisah titik koma (;)"
    )


def baca_bulat(teks: object, desimal_koma: bool = True) -> Angka:
    """Whole numbers (years, quarters): ``2024`` or ``2024.0`` from Excel, but not ``2024,5``."""
    hasil = baca_angka(teks, desimal_koma)
    if hasil.nilai is not None and not float(hasil.nilai).is_integer():
        return Angka(None, "bukan bilangan bulat")
    return hasil


# Under a scaling header ("(ribu jiwa)", "(juta rupiah)") a single separator followed by exactly three digits
# is the one shape whose two readings differ by a factor 1.000: BPS writes ribu figures with three decimals.
_AMBIGU = re.compile(r"^[1-9][0-9]{0,2}[.,][0-9]{3}$")
AMBIGU_RE2 = r"^\s*(?:[Rr][Pp]\.?\s*)?[1-9][0-9]{0,2}[.,][0-9]{3}\s*$"
# Evidence of a file's convention, from its other cells (RE2 syntax, used by pyarrow too).
BUKTI = {
    "id_ribuan": r"^\s*-?(?:[Rr][Pp]\.?\s*)?[1-9][0-9]{0,2}(?:\.[0-9]{3}){2,}(?:,-)?\s*$",
    "id_penuh": r"^\s*-?(?:[Rr][Pp]\.?\s*)?[1-9][0-9]{0,2}(?:\.[0-9]{3})+,[0-9]+\s*%?\s*$",
    "id_desimal": r"^\s*-?[0-9]+,(?:[0-9]{1,2}|[0-9]{4,})\s*%?\s*$|^\s*-?0,[0-9]+\s*%?\s*$",
    "en_ribuan": r"^\s*-?(?:[Rr][Pp]\.?\s*)?[1-9][0-9]{0,2}(?:,[0-9]{3}){2,}\s*$",
    "en_penuh": r"^\s*-?(?:[Rr][Pp]\.?\s*)?[1-9][0-9]{0,2}(?:,[0-9]{3})+\.[0-9]+\s*%?\s*$",
    "en_desimal": r"^\s*-?[0-9]+\.(?:[0-9]{1,2}|[0-9]{4,})\s*%?\s*$|^\s*-?0\.[0-9]+\s*%?\s*$",
}


def bentuk_ambigu(teks: object) -> tuple[str, str, str] | None:
    """(head, separator, three digits) when a text cell reads two ways under a scaling header, else ``None``."""
    if not isinstance(teks, str):
        return None
    s = _RP.sub("", _SPASI.sub("", teks))
    if not _AMBIGU.match(s):
        return None
    pemisah = "." if "." in s else ","
    kepala, ekor = s.split(pemisah)
    return kepala, pemisah, ekor


def konvensi(bukti: set[str]) -> str | None:
    """"id" (decimal comma, dot thousands), "en" (the reverse) or ``None`` when the evidence found in a file does
    not decide: one full pattern ("1.234,5") or a thousands group with two separators together with a decimal of
    the same convention ("1.234.567" and "2,36")."""
    id_ = "id_penuh" in bukti or {"id_ribuan", "id_desimal"} <= bukti
    en = "en_penuh" in bukti or {"en_ribuan", "en_desimal"} <= bukti
    return "id" if id_ and not en else "en" if en and not id_ else None


def baca_berskala(kepala: str, pemisah: str, ekor: str, konv: str | None,
                  desimal_koma: bool) -> float | None:
    """The value of an ambiguous cell under a scaling header before scaling, or ``None`` when it stays
    ambiguous. The file's own convention decides; without one, only "14,461" in a decimal-comma file is read
    (as 14,461: its natural reading, BPS's Indonesian layout); "14.461" there would be read as thousands."""
    if konv is None:
        if desimal_koma and pemisah == ",":
            return float(f"{kepala}.{ekor}")
        return None
    desimal = pemisah == ("," if konv == "id" else ".")
    return float(f"{kepala}.{ekor}") if desimal else float(kepala + ekor)
