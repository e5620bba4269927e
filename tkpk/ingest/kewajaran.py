"""Plausibility: a part cannot exceed its whole, for the same place and year.

The same pairs are checked within the file (:func:`cek_berkas`, during validation) and on the combination of the
file with what the store holds for the same place and year (:mod:`tkpk.ingest.kewajaran_tersimpan`, before the
preview), because a file that only brings penduduk_miskin can still put 170 % on the map when the stored penduduk
is smaller.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from tkpk import katalog
from tkpk.ingest.pesan import Pesan, Tingkat, pesan_sel


@dataclass(frozen=True)
class Pasangan:
    bagian: str
    keseluruhan: str
    tingkat: Tingkat = "galat"


def _pasangan_indikator() -> tuple[Pasangan, ...]:
    out = [Pasangan(i.pembilang, i.penyebut, "peringatan" if i.pembilang == "rtlh" else "galat")
           for i in katalog.INDIKATOR if i.pembilang is not None and i.penyebut is not None]
    # desil 1 is inside desil 1–4, desil 1–4 inside all households or persons; a household has at least one member
    out += [Pasangan("kk_desil_1", "kk_desil_1_4"), Pasangan("kk_desil_1_4", "kk"),
            Pasangan("jiwa_desil_1", "jiwa_desil_1_4"), Pasangan("jiwa_desil_1_4", "penduduk"),
            Pasangan("kk", "penduduk")]
    unik: dict[tuple[str, str], Pasangan] = {}
    for p in out:
        unik.setdefault((p.bagian, p.keseluruhan), p)  # a share's pair may repeat a nesting pair
    return tuple(unik.values())


PASANGAN: dict[str, tuple[Pasangan, ...]] = {
    "indikator": _pasangan_indikator(),
    # penduduk of the same place and year is never in a BPS file: only the check against the store sees it
    "bps": (Pasangan("p0_ekstrem", "p0"), Pasangan("penduduk_miskin_ekstrem", "penduduk_miskin"),
            Pasangan("penduduk_miskin", "penduduk")),
}


def angka_teks(x: float) -> str:
    """A figure as the analyst reads it: 100.000, 2,5."""
    if float(x).is_integer():
        return f"{int(x):,}".replace(",", ".")
    return f"{x:,.4f}".rstrip("0").replace(",", "_").replace(".", ",").replace("_", ".")


def lebar(frame: pd.DataFrame, jenis: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(values, Excel rows) per (tahun, kode_wilayah) and column: indicator rows pivoted, BPS rows as they are."""
    kunci = ["tahun", "kode_wilayah"]
    if jenis == "indikator":
        nilai = frame.pivot_table(index=kunci, columns="indikator", values="nilai", aggfunc="last")
        baris = frame.pivot_table(index=kunci, columns="indikator", values="_baris", aggfunc="last")
        return nilai, baris
    kolom = sorted({c for p in PASANGAN[jenis] for c in (p.bagian, p.keseluruhan)} & set(frame.columns))
    nilai = frame.set_index(kunci)[kolom].astype("float64")
    baris = pd.DataFrame({c: frame["_baris"].to_numpy() for c in kolom}, index=nilai.index)
    return nilai, baris


def cek_berkas(frame: pd.DataFrame, jenis: str, judul: Callable[[str], str]) -> list[Pesan]:
    """Pairs whose both sides are in the file."""
    if frame.empty or jenis not in PASANGAN:
        return []
    nilai, baris = lebar(frame, jenis)
    pesan = []
    for p in PASANGAN[jenis]:
        if p.bagian not in nilai or p.keseluruhan not in nilai:
            continue
        salah = nilai[nilai[p.bagian] > nilai[p.keseluruhan]]
        for key, r in salah.iterrows():
            n = int(baris.loc[key, p.bagian])
            pesan.append(pesan_sel(p.tingkat, n, judul(p.bagian), r[p.bagian],
                                   f"lebih besar dari {p.keseluruhan} ({angka_teks(r[p.keseluruhan])}) untuk tahun "
                                   f"{key[0]} wilayah {key[1]}"))
    return pesan
