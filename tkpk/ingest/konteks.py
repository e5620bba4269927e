"""What a row rule needs to read a file's cells: the header mapping and units, and what the file as a whole says.

Its own module so the row rules (:mod:`tkpk.ingest.aturan` and siblings), the cell checker
(:mod:`tkpk.ingest.pemeriksa`) and :mod:`tkpk.ingest.validasi`, which runs them, import it without a cycle.
"""

from __future__ import annotations

from tkpk.ingest import kolom as kol
from tkpk.ingest.reader import Sel
from tkpk.ingest.satuan import Satuan

__all__ = ["Konteks", "kosong"]


def kosong(v: Sel) -> bool:
    """An empty text cell (blank or spaces); an XLSX number is never empty."""
    return isinstance(v, str) and v.strip() == ""


class Konteks:
    """One row's cells by store column name, with the file's header text for messages, the unit each header
    states, and what the file as a whole says (a year in its title, a source in its footnote, how it names a
    place that is both a kecamatan and a desa in it)."""

    def __init__(self, peta: kol.Peta, desimal_koma: bool, *, tahun_judul: int | None = None,
                 sumber_catatan: str | None = None) -> None:
        self.peta = peta
        self.desimal_koma = desimal_koma
        self.tahun_judul = tahun_judul
        self.sumber_catatan = sumber_catatan
        self.nama_ganda: dict[str, str] = {}  # name key -> "kecamatan" | "desa", decided from the file
        self.konvensi: str | None = None  # "id" | "en" when the file's cells decide its decimal mark

    def satuan(self, nama: str) -> Satuan:
        return self.peta.satuan.get(nama, Satuan())

    def ada(self, nama: str) -> bool:
        return nama in self.peta.kolom

    def judul(self, nama: str) -> str:
        i = self.peta.kolom.get(nama, self.peta.lebar.get(nama))
        return self.peta.judul[i] if i is not None else nama

    def sel(self, row: list[Sel], nama: str) -> Sel:
        i = self.peta.kolom.get(nama)
        if i is None or i >= len(row):
            return ""
        return row[i]
