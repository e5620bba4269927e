"""Series that splice real and sample values must say so.

Why: a kecamatan's population line can hold real census years (2020, 2021) between sample years. Drawn as one
line it looks like one measure; an official reading it would take the sample years for real ones. So every chart
that can draw such a line marks each point's origin ("nyata" / "contoh") and states, under the chart, which
places and years are real and which are sample.
"""

from __future__ import annotations

import pandas as pd

from tkpk import SUMBER_CONTOH


def rentang_tahun(tahun: list[int]) -> str:
    """``[2018, 2019, 2022, 2023, 2024]`` → ``2018–2019, 2022–2024``."""
    t = sorted({int(x) for x in tahun})
    if not t:
        return ""
    bagian, awal, akhir = [], t[0], t[0]
    for x in t[1:]:
        if x == akhir + 1:
            akhir = x
            continue
        bagian.append(str(awal) if awal == akhir else f"{awal}–{akhir}")
        awal = akhir = x
    bagian.append(str(awal) if awal == akhir else f"{awal}–{akhir}")
    return ", ".join(bagian)


def keterangan_campuran(data: pd.DataFrame, kunci: str | None = None, maks: int = 4) -> str:
    """One sentence for the series in ``data`` (``tahun``, ``nilai``, ``sampel``; one series per ``kunci`` value,
    or one series when ``kunci`` is None) that hold both real and sample values; "" when none does."""
    d = data[data["nilai"].notna()]
    kelompok = [("", d)] if kunci is None else list(d.groupby(kunci, sort=True))
    bagian = []
    for nama, g in kelompok:
        contoh = g["sampel"].fillna(False).astype(bool)
        if contoh.all() or not contoh.any():
            continue
        nyata = rentang_tahun(g.loc[~contoh, "tahun"].tolist())
        sampel = rentang_tahun(g.loc[contoh, "tahun"].tolist())
        bagian.append(f"{nama + ': ' if nama else ''}angka nyata {nyata}, {SUMBER_CONTOH} {sampel}")
    if not bagian:
        return ""
    lebih = f" (dan {len(bagian) - maks} lainnya)" if len(bagian) > maks else ""
    return ("Garis ini menyambung angka nyata dan data contoh — " + "; ".join(bagian[:maks]) + lebih
            + ". Titik berisi = angka nyata, titik kosong = data contoh.")
