"""The unit a row's beneficiaries are counted in: "jiwa" for people, "KK" for households, else the stated unit.

Why apart from :mod:`tkpk.intervensi.penerima`: the rakor's follow-up suggestions need only the unit
rules, not the totals and their small-count protection.
"""

from __future__ import annotations

import math

import pandas as pd

JIWA, KK, TANPA, CAMPURAN = "jiwa", "KK", "tanpa satuan", "satuan campuran"
_ORANG = {"jiwa", "orang", "org", "siswa", "pelajar", "mahasiswa", "balita", "bayi", "anak", "lansia", "peserta",
          "pasien", "mustahik", "penduduk", "warga", "individu", "ibu hamil", "bumil", "penyandang disabilitas"}
_RUMAH_TANGGA = {"kk", "keluarga", "rumah tangga", "rt", "rts", "rtm", "kpm", "keluarga penerima manfaat",
                 "rumah tangga sasaran"}
TIDAK_DIJUMLAH = {TANPA, CAMPURAN}


def bersih(x: object) -> str:
    """A cell as text with its runs of spaces made one; "" for a missing value (None, NaN, NA)."""
    return "" if x is None or (isinstance(x, float) and math.isnan(x)) or pd.isna(x) else " ".join(str(x).split())


def _baku(satuan: str) -> str | None:
    """"jiwa" or "KK" for a unit of people or households, else None."""
    s = satuan.lower()
    if s in _ORANG:
        return JIWA
    if s in _RUMAH_TANGGA:
        return KK
    return None


def satuan_efektif(satuan_penerima: object, satuan_output: object) -> str:
    """The unit a row's beneficiaries are counted in: the stated one, else the output's when it counts people or
    households, else "tanpa satuan"."""
    dinyatakan = bersih(satuan_penerima)
    if dinyatakan:
        return _baku(dinyatakan) or dinyatakan
    return _baku(bersih(satuan_output)) or TANPA


def satuan_orang(satuan_output: object) -> bool:
    """True when an output is counted in people or households (then a small output is a small count too)."""
    return _baku(bersih(satuan_output)) is not None
