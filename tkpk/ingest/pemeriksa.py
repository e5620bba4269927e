"""The cell checker shared by the row rules and the column-wise checks: each check appends its own Indonesian
message (row, column, value, reason) and returns GAGAL, so a rule can drop the row and go on.

Not called ``periksa.py``: a submodule of that name would replace the package's ``tkpk.ingest.periksa``
function once imported.
"""

from __future__ import annotations

import re
from datetime import date

from tkpk.ingest.angka import baca_angka, baca_berskala, baca_bulat, bentuk_ambigu
from tkpk.ingest.kewajaran import angka_teks
from tkpk.ingest.konteks import Konteks, kosong
from tkpk.ingest.pesan import GAGAL, MAKS_GALAT, CukupGalat, Pesan, pesan_sel
from tkpk.ingest.reader import Sel
from tkpk.ingest.satuan import JENIS_NILAI, NAMA_SKALA, SKALA, galat_sel, skala
from tkpk.ingest.wilayah import Pencocok

__all__ = ["BUKAN_BULAT", "GAGAL", "Periksa", "tahun_maks"]
BUKAN_BULAT = ("bukan bilangan bulat, padahal kolom ini berisi jumlah (jiwa, KK, unit). Bila angkanya dalam ribuan, "
               "tulis satuannya di judul kolom, mis. \"Jumlah Penduduk Miskin (ribu jiwa)\"")


_RP = re.compile(r"\s*rp(?![a-z])", re.IGNORECASE)


def tahun_maks() -> int:
    return date.today().year + 1


class Periksa:
    """Cell checks that append their own messages; returns GAGAL on error so the row can be dropped."""

    def __init__(self, ktx: Konteks, pencocok: Pencocok) -> None:
        self.ktx = ktx
        self.pencocok = pencocok
        self.pesan: list[Pesan] = []
        self.jumlah_galat = 0

    def galat(self, n: int, nama: str, nilai: Sel, alasan: str) -> object:
        """Append the error; the MAKS_GALAT-th one stops the whole check (:class:`CukupGalat`)."""
        self.pesan.append(pesan_sel("galat", n, self.ktx.judul(nama), nilai, alasan))
        self.jumlah_galat += 1
        if self.jumlah_galat >= MAKS_GALAT:
            raise CukupGalat(self.pesan, n)
        return GAGAL

    def peringatan(self, n: int, nama: str, nilai: Sel, alasan: str) -> None:
        self.pesan.append(pesan_sel("peringatan", n, self.ktx.judul(nama), nilai, alasan))

    def angka(self, row: list[Sel], n: int, nama: str, *, bawah: float | None = 0, atas: float | None = None,
              bulat: bool = False, wajib: bool = False, v: Sel | None = None, jenis: str | None = None) -> object:
        """A number cell: read, checked against the column's kind (a "12%" cell where a count belongs is an
        error), scaled by the unit its header states (``ribu`` × 1.000), bounded, and whole where counts are."""
        v = self.ktx.sel(row, nama) if v is None else v
        if kosong(v):
            return self.galat(n, nama, v, "wajib diisi") if wajib else None
        jenis = jenis or JENIS_NILAI.get(nama)
        faktor = self.ktx.satuan(nama).faktor
        if faktor != 1 and isinstance(v, str) and _RP.match(v):
            teks = self.ktx.satuan(nama).teks or NAMA_SKALA[faktor]
            return self.galat(n, nama, v, (
                f'ditulis dengan "Rp" (rupiah penuh), padahal judul kolom menyatakan {teks}, sehingga angkanya akan '
                f'dikali {angka_teks(faktor)} lagi. Tulis angkanya dalam {teks} tanpa "Rp", atau hapus "{teks}" dari '
                "judul kolom"))
        if faktor != 1 and jenis not in (None, "persen", "indeks") and (bentuk := bentuk_ambigu(v)) is not None:
            return self._berskala(n, nama, v, bentuk, faktor, bawah, atas, jenis)
        hasil = (baca_bulat if bulat else baca_angka)(v, self.ktx.desimal_koma)
        if hasil.alasan is not None:
            return self.galat(n, nama, v, hasil.alasan)
        x = hasil.nilai
        if x is None:
            return self.galat(n, nama, v, "wajib diisi") if wajib else None
        if jenis is not None:
            alasan = galat_sel(hasil.persen, hasil.rupiah, jenis)
            if alasan is not None:
                return self.galat(n, nama, v, alasan)
            if faktor != 1 and jenis not in ("persen", "indeks"):
                x = float(skala(x, faktor))
        return self._batas(n, nama, v, x, bawah, atas, jenis)

    def _batas(self, n: int, nama: str, v: Sel, x: float, bawah: float | None, atas: float | None,
               jenis: str | None) -> object:
        if bawah is not None and x < bawah:
            return self.galat(n, nama, v, "tidak boleh negatif" if bawah == 0 else f"tidak boleh kurang dari {bawah:g}")
        if atas is not None and x > atas:
            return self.galat(n, nama, v, f"di atas batas {atas:g}")
        if jenis == "jumlah" and not float(x).is_integer():
            return self.galat(n, nama, v, BUKAN_BULAT)
        return x

    def _berskala(self, n: int, nama: str, v: Sel, bentuk: tuple[str, str, str], faktor: int,
                  bawah: float | None, atas: float | None, jenis: str) -> object:
        """"14.461" under "(ribu jiwa)": read only when the file decides the convention (or in BPS's own
        Indonesian layout, "14,461"); otherwise refused with both readings spelled out."""
        kepala, pemisah, ekor = bentuk
        x = baca_berskala(kepala, pemisah, ekor, self.ktx.konvensi, self.ktx.desimal_koma)
        if x is not None:
            return self._batas(n, nama, v, float(skala(x, faktor)), bawah, atas, jenis)
        sat = self.ktx.satuan(nama)
        teks = sat.teks or NAMA_SKALA[faktor]
        dasar = " ".join(k for k in teks.split() if k not in SKALA)
        dasar = f" {dasar}" if dasar else ""
        ribuan, desimal = int(kepala + ekor) * faktor, float(f"{kepala}.{ekor}") * faktor
        lain = "," if pemisah == "." else "."
        return self.galat(n, nama, v, (
            f'ambigu: di kolom berskala "{teks}", "{kepala}{pemisah}{ekor}" bisa berarti {kepala}{ekor} {teks} '
            f'(= {angka_teks(ribuan)}{dasar}; tanda "{pemisah}" sebagai pemisah ribuan) atau {kepala}{lain}{ekor} '
            f'{teks} (= {angka_teks(desimal)}{dasar}; tanda "{pemisah}" sebagai desimal, cara BPS menulis angka '
            "ribuan dengan tiga desimal). Sel lain di berkas ini tidak memastikan tanda desimalnya. Tulis angka "
            f"dalam satuan dasar tanpa pemisah ribuan (mis. {round(desimal)} bila maksudnya {kepala}{lain}{ekor} "
            f"{teks}) dan hapus satuan \"{teks}\" dari judul kolom, atau pakai koma desimal dan titik ribuan secara "
            "konsisten di seluruh berkas"))

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
        if kosong(v):
            return None
        s = str(int(v)) if isinstance(v, float) and v.is_integer() else str(v).strip()
        return s or None

    def tempat(self, row: list[Sel], n: int, tingkat: frozenset[str]) -> object:
        """The row's place from every place column it fills (:mod:`tkpk.ingest.tempat`)."""
        from tkpk.ingest.tempat import tempat_banjar, tempat_kabkota

        if "kecamatan" in tingkat:
            return tempat_banjar(self, row, n, tingkat)
        return tempat_kabkota(self, row, n, tingkat)
