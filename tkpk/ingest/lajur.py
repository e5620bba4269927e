"""Column-wise checks for large files: a check runs once per distinct cell (or combination of cells) instead of
once per row, and says per row whether the row certainly passes. Rows that may carry a message are left to the
row path of :mod:`tkpk.ingest.aturan_intervensi`, so the messages are the same either way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tkpk.ingest.angka import AMBIGU_RE2
from tkpk.ingest.konteks import Konteks
from tkpk.ingest.pemeriksa import GAGAL, Periksa
from tkpk.ingest.reader import SPASI_PYTHON, Sel, Tabel
from tkpk.ingest.satuan import JENIS_NILAI, skala
from tkpk.ingest.wilayah import Pencocok


def senyap(ktx: Konteks, pencocok: Pencocok, fungsi: Callable[[Periksa, list[Sel]], object]) -> \
        Callable[[list[Sel]], object]:
    """``fungsi`` run on a scratch checker: its value, or GAGAL when it would have said anything at all."""
    def jalankan(row: list[Sel]) -> object:
        q = Periksa(ktx, pencocok)
        x = fungsi(q, row)
        return GAGAL if q.pesan or x is GAGAL or (isinstance(x, tuple) and GAGAL in x) else x
    return jalankan


@dataclass
class PerNilai:
    """A row check evaluated once per distinct combination of its cells: ``kode`` (combination of each row),
    ``hasil`` (value of each combination), ``bersih`` (row certainly passes the check)."""

    kode: np.ndarray
    hasil: list[object]
    bersih: np.ndarray

    def bulat(self, baris: np.ndarray, bagian: Callable[[object], object] = lambda x: x) -> np.ndarray:
        """Whole numbers of the given rows (for clean rows only)."""
        per = np.array([bagian(x) if x is not None else 0 for x in self.hasil], dtype=np.int64)
        return per[self.kode[baris]]

    def pecahan(self, baris: np.ndarray) -> np.ndarray:
        per = np.array([np.nan if x is None else x for x in self.hasil], dtype=float)
        return per[self.kode[baris]]

    def teks(self, baris: np.ndarray, bagian: Callable[[object], object] = lambda x: x) -> pd.Series:
        per = pa.array([bagian(x) if x is not None else None for x in self.hasil], pa.string())
        return per.take(pa.array(self.kode[baris])).to_pandas()


def per_nilai(tabel: Tabel, mulai: int, ktx: Konteks, nama: tuple[str, ...],
               fungsi: Callable[[list[Sel]], object]) -> PerNilai:
    """Run a row check once per distinct combination of the cells it reads instead of once per row.

    Why: year, quarter, pillar, OPD and place repeat across a large file, so a million rows hold a few hundred
    combinations. A row whose cell is not text (an XLSX number) or whose combination fails is not clean and is
    left to the row path.
    """
    n = tabel.jumlah - mulai
    bersih = np.ones(n, dtype=bool)
    kolom: list[tuple[int, np.ndarray, list[object]]] = []
    kode = np.zeros(n, dtype=np.int64)
    ruang = 1  # codes are < ruang
    for k in nama:
        j = ktx.peta.kolom.get(k)
        if j is None:
            continue
        enc = tabel.teks(j, mulai).dictionary_encode()
        idx = enc.indices
        if idx.null_count:
            bersih &= pc.is_valid(idx).to_numpy(zero_copy_only=False)
            idx = idx.fill_null(0)
        kamus = enc.dictionary.to_pylist() or [""]
        idx_np = idx.to_numpy(zero_copy_only=False).astype(np.int64)
        kolom.append((j, idx_np, kamus))
        kode, ruang = kode * len(kamus) + idx_np, ruang * len(kamus)
        if ruang > max(4 * n, 1 << 20):  # keep codes small: renumber the combinations seen so far
            _, kode = np.unique(kode, return_inverse=True)
            kode = kode.astype(np.int64)
            ruang = int(kode.max(initial=0)) + 1
    if not kolom or n == 0:
        x = fungsi([])
        return PerNilai(np.zeros(n, dtype=np.int64), [None if x is GAGAL else x], np.full(n, x is not GAGAL))
    # dense renumbering (codes are small); any row of a combination can stand for it, its cells are the same
    ada = np.zeros(ruang, dtype=bool)
    ada[kode] = True
    baru = np.cumsum(ada) - 1
    wakil = np.zeros(int(ada.sum()), dtype=np.int64)
    wakil[baru[kode]] = np.arange(n)
    kode = baru[kode]
    lebar = max(j for j, _, _ in kolom) + 1
    hasil: list[object] = []
    lolos = np.zeros(len(wakil), dtype=bool)
    for c, r in enumerate(wakil.tolist()):
        row: list[Sel] = [""] * lebar
        for j, idx_np, kamus in kolom:
            row[j] = kamus[idx_np[r]]  # type: ignore[assignment]
        x = fungsi(row)
        lolos[c] = x is not GAGAL
        hasil.append(None if x is GAGAL else x)
    return PerNilai(kode, hasil, bersih & lolos[kode])


# Cells that baca_angka reads to exactly what Arrow's cast gives: plain digits (up to 15) in any file, and in a
# file with a decimal comma also dot-grouped thousands and a decimal comma. Anything else is read one distinct
# cell at a time.
_ANGKA_RIBUAN_TITIK = r"^[1-9][0-9]{0,2}(\.[0-9]{3}){1,4}$"
_ANGKA_KOMA = r"^[0-9]{1,15},[0-9]{1,15}$"


def angka(tabel: Tabel, mulai: int, ktx: Konteks, pencocok: Pencocok, nama: str) -> tuple[np.ndarray,
                                                                                                   np.ndarray]:
    """(value per row as float, NaN = empty; clean per row) for an optional, non-negative number column."""
    n = tabel.jumlah - mulai
    nilai = np.full(n, np.nan)
    j = ktx.peta.kolom.get(nama)
    if j is None:
        return nilai, np.ones(n, dtype=bool)
    arr = tabel.teks(j, mulai)
    bersih = pc.is_valid(arr).to_numpy(zero_copy_only=False)
    panjang = pc.binary_length(arr).fill_null(0).to_numpy(zero_copy_only=False)
    sisa = bersih & (panjang > 0)
    # plain digits (ascii_is_decimal is a plain loop, several times faster than the equivalent regex)
    polos = sisa & (panjang <= 15) & pc.ascii_is_decimal(arr).fill_null(False).to_numpy(zero_copy_only=False)
    if polos.all():
        nilai = pc.cast(arr, pa.float64()).to_numpy(zero_copy_only=False)
        sisa[:] = False
    elif polos.any():
        cocok = np.flatnonzero(polos)
        nilai[cocok] = pc.cast(arr.take(pa.array(cocok)), pa.float64()).to_numpy(zero_copy_only=False)
        sisa &= ~polos
    if ktx.desimal_koma and sisa.any():
        for regex, (lama, baru) in ((_ANGKA_RIBUAN_TITIK, (".", "")), (_ANGKA_KOMA, (",", "."))):
            idx = np.flatnonzero(sisa)
            if len(idx) == 0:
                break
            sub = arr.take(pa.array(idx))
            m = pc.match_substring_regex(sub, regex).fill_null(False).to_numpy(zero_copy_only=False)
            if not m.any():
                continue
            teks = pc.replace_substring(sub.filter(pa.array(m)), lama, baru)
            nilai[idx[m]] = pc.cast(teks, pa.float64()).to_numpy(zero_copy_only=False)
            sisa[idx[m]] = False
    # the fast paths read plain numbers; the header's unit and the column's kind apply to them as in Periksa.angka
    jenis, faktor = JENIS_NILAI.get(nama), ktx.satuan(nama).faktor
    if faktor != 1 and jenis not in (None, "persen", "indeks"):  # "1.250" under "(juta rupiah)": the row path
        sisa |= bersih & pc.match_substring_regex(arr, AMBIGU_RE2).fill_null(False).to_numpy(zero_copy_only=False)
    cepat = bersih & (panjang > 0) & ~sisa
    if faktor != 1 and jenis not in (None, "persen", "indeks") and cepat.any():
        nilai = nilai.copy() if not nilai.flags.writeable else nilai
        nilai[cepat] = skala(nilai[cepat], faktor)
    if jenis == "jumlah":
        with np.errstate(invalid="ignore"):
            pecahan = cepat & (np.floor(nilai) != nilai)
        sisa |= pecahan  # a fraction where a count belongs: the row path words the error
    if sisa.any():
        nilai = nilai.copy() if not nilai.flags.writeable else nilai
        idx = np.flatnonzero(sisa)
        enc = arr.take(pa.array(idx)).dictionary_encode()
        baca = senyap(ktx, pencocok, lambda q, row: q.angka(row, 0, nama, v=row[0]))
        hasil = [baca([v]) for v in enc.dictionary.to_pylist()]
        per = np.array([np.nan if x is GAGAL or x is None else x for x in hasil], dtype=float)
        gagal = np.array([x is GAGAL for x in hasil], dtype=bool)
        kode = enc.indices.to_numpy(zero_copy_only=False)
        nilai[idx] = per[kode]
        bersih[idx[gagal[kode]]] = False
    return nilai, bersih


def teks(tabel: Tabel, mulai: int, ktx: Konteks, nama: str) -> tuple[pa.Array, np.ndarray]:
    """(trimmed text per row, null = empty; clean per row) as :meth:`Periksa.teks` reads text cells."""
    n = tabel.jumlah - mulai
    j = ktx.peta.kolom.get(nama)
    if j is None:
        return pa.nulls(n, pa.string()), np.ones(n, dtype=bool)
    arr = tabel.teks(j, mulai)
    bersih = pc.is_valid(arr).to_numpy(zero_copy_only=False)
    t = pc.utf8_trim(arr, characters=SPASI_PYTHON)
    kosong = pc.equal(pc.binary_length(t), 0)  # cheaper than comparing with ""
    return pc.if_else(kosong, pa.scalar(None, t.type), t), bersih
