"""The cell checker shared by the row rules and the column-wise checks: each check appends its own Indonesian
message (row, column, value, reason) and returns GAGAL, so a rule can drop the row and go on.

Not called ``periksa.py``: a submodule of that name would replace the package's ``tkpk.ingest.periksa``
function once imported.
"""

from __future__ import annotations

from datetime import date

from tkpk.ingest.angka import baca_angka, baca_bulat
from tkpk.ingest.pesan import GAGAL, Pesan, pesan_sel
from tkpk.ingest.reader import Sel
from tkpk.ingest.satuan import JENIS_NILAI, galat_sel, skala
from tkpk.ingest.validasi import Konteks, _kosong
from tkpk.ingest.wilayah import Pencocok

__all__ = ["BUKAN_BULAT", "GAGAL", "Periksa", "tahun_maks"]
BUKAN_BULAT = ("bukan bilangan bulat, padahal kolom ini berisi jumlah (jiwa, KK, unit). Bila angkanya dalam ribuan, "
               "tulis satuannya di judul kolom, mis. \"Jumlah Penduduk Miskin (ribu jiwa)\"")


def tahun_maks() -> int:
    return date.today().year + 1


class Periksa:
    """Cell checks that append their own messages; returns GAGAL on error so the row can be dropped."""

    def __init__(self, ktx: Konteks, pencocok: Pencocok) -> None:
        self.ktx = ktx
        self.pencocok = pencocok
        self.pesan: list[Pesan] = []

    def galat(self, n: int, nama: str, nilai: Sel, alasan: str) -> object:
        self.pesan.append(pesan_sel("galat", n, self.ktx.judul(nama), nilai, alasan))
        return GAGAL

    def peringatan(self, n: int, nama: str, nilai: Sel, alasan: str) -> None:
        self.pesan.append(pesan_sel("peringatan", n, self.ktx.judul(nama), nilai, alasan))

    def angka(self, row: list[Sel], n: int, nama: str, *, bawah: float | None = 0, atas: float | None = None,
              bulat: bool = False, wajib: bool = False, v: Sel | None = None, jenis: str | None = None) -> object:
        """A number cell: read, checked against the column's kind (a "12%" cell where a count belongs is an
        error), scaled by the unit its header states (``ribu`` × 1.000), bounded, and whole where counts are."""
        v = self.ktx.sel(row, nama) if v is None else v
        if _kosong(v):
            return self.galat(n, nama, v, "wajib diisi") if wajib else None
        hasil = (baca_bulat if bulat else baca_angka)(v, self.ktx.desimal_koma)
        if hasil.alasan is not None:
            return self.galat(n, nama, v, hasil.alasan)
        x = hasil.nilai
        if x is None:
            return self.galat(n, nama, v, "wajib diisi") if wajib else None
        jenis = jenis or JENIS_NILAI.get(nama)
        if jenis is not None:
            alasan = galat_sel(hasil.persen, hasil.rupiah, jenis)
            if alasan is not None:
                return self.galat(n, nama, v, alasan)
            faktor = self.ktx.satuan(nama).faktor
            if faktor != 1 and jenis not in ("persen", "indeks"):
                x = float(skala(x, faktor))
        if bawah is not None and x < bawah:
            return self.galat(n, nama, v, "tidak boleh negatif" if bawah == 0 else f"tidak boleh kurang dari {bawah:g}")
        if atas is not None and x > atas:
            return self.galat(n, nama, v, f"di atas batas {atas:g}")
        if jenis == "jumlah" and not float(x).is_integer():
            return self.galat(n, nama, v, BUKAN_BULAT)
        return x

    def tahun(self, row: list[Sel], n: int) -> object:
        if not self.ktx.ada("tahun") and self.ktx.tahun_judul is not None:
            return self.ktx.tahun_judul
        v = self.ktx.sel(row, "tahun")
        x = self.angka(row, n, "tahun", bawah=None, bulat=True, wajib=True)
        if x is GAGAL or x is None:
            return GAGAL
        assert isinstance(x, float)
        if not 2000 <= x <= tahun_maks():
            return self.galat(n, "tahun", v, f"di luar rentang tahun 2000–{tahun_maks()}")
        return int(x)

    def teks(self, row: list[Sel], nama: str) -> str | None:
        v = self.ktx.sel(row, nama)
        if _kosong(v):
            return None
        s = str(int(v)) if isinstance(v, float) and v.is_integer() else str(v).strip()
        return s or None

    def tempat(self, row: list[Sel], n: int, tingkat: frozenset[str]) -> object:
        """The row's place from every place column it fills (:mod:`tkpk.ingest.tempat`)."""
        from tkpk.ingest.tempat import tempat_banjar, tempat_kabkota

        if "kecamatan" in tingkat:
            return tempat_banjar(self, row, n, tingkat)
        return tempat_kabkota(self, row, n, tingkat)
