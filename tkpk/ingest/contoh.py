"""Sample data arriving through the upload engine keeps its label.

A batch is sample or real as a whole (``batch.sampel``), and every page, download and slide labels figures from a
sample batch as DATA CONTOH. So a file whose rows say they are sample data (``jenis_sumber`` = ``contoh``, or a
``sumber`` like "DATA CONTOH (sintetis)", what the bundled sample files and their downloads carry) is stored as a
sample batch, and a file that mixes sample and real rows is refused: no batch could label both truthfully.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa

from tkpk.ingest.pesan import Pesan, pesan_berkas

__all__ = ["POLA_SUMBER", "periksa_contoh"]

POLA_SUMBER = r"(?i)\bdata\s+contoh\b|\bsintetis\b"


_POLA = re.compile(POLA_SUMBER)


def _cocok(kolom: pd.Series) -> np.ndarray:
    """``kolom.str.contains(POLA_SUMBER)`` with empty cells False, the pattern run once per distinct text (a
    large file gives one source on every row; pandas runs Python's re on each of a million cells)."""
    arr = pa.array(kolom.astype("string"), pa.string())
    enc = (arr.combine_chunks() if isinstance(arr, pa.ChunkedArray) else arr).dictionary_encode()
    per = np.array([_POLA.search(v) is not None for v in enc.dictionary.to_pylist()] + [False], dtype=bool)
    kode = enc.indices.fill_null(len(enc.dictionary)).to_numpy(zero_copy_only=False)
    return per[kode]


def _baris_contoh(data: pd.DataFrame) -> pd.Series:
    tanda = pd.Series(False, index=data.index)
    if "sumber" in data.columns:
        tanda |= _cocok(data["sumber"])
    if "jenis_sumber" in data.columns:
        tanda |= data["jenis_sumber"].astype("string").eq("contoh").fillna(False).astype(bool)
    return tanda


def periksa_contoh(data: pd.DataFrame, judul_sumber: str) -> tuple[bool, list[Pesan]]:
    """(is the file sample data, its message): a warning that says how it will be stored, or an error for a mix."""
    if data.empty:
        return False, []
    tanda = _baris_contoh(data)
    if not tanda.any():
        return False, []
    baris = data["_baris"]
    if tanda.all():
        return True, [pesan_berkas(
            "peringatan", f"Berkas ini DATA CONTOH (kolom \"{judul_sumber}\" baris {int(baris.iloc[0])}): disimpan "
                          "sebagai batch data contoh, dan setiap halaman, unduhan dan salindia menandai angkanya "
                          "DATA CONTOH. Bila ini data nyata, ganti isi kolom sumber lalu unggah ulang")]
    contoh, nyata = int(baris[tanda].iloc[0]), int(baris[~tanda].iloc[0])
    return False, [pesan_berkas(
        "galat", f"Berkas mencampur DATA CONTOH (mis. baris {contoh}) dengan data nyata (mis. baris {nyata}) di kolom "
                 f"\"{judul_sumber}\"; satu unggahan harus salah satunya saja agar labelnya benar. Pisahkan ke dua "
                 "berkas", kolom=judul_sumber)]
