"""The cell checker shared by the row rules and the column-wise checks: each check appends its own Indonesian
message (row, column, value, reason) and returns GAGAL, so a rule can drop the row and go on.

Not called ``periksa.py``: a submodule of that name would replace the package's ``tkpk.ingest.periksa``
function once imported.
"""

from __future__ import annotations

from datetime import date

from tkpk.ingest.angka import baca_angka, baca_bulat
from tkpk.ingest.pesan import Pesan, pesan_sel
from tkpk.ingest.reader import Sel
from tkpk.ingest.validasi import Konteks, _kosong
from tkpk.ingest.wilayah import Pencocok, kunci_nama

GAGAL = object()  # a cell that had an error (distinct from an empty cell, None)


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
              bulat: bool = False, wajib: bool = False, v: Sel | None = None) -> object:
        v = self.ktx.sel(row, nama) if v is None else v
        if _kosong(v):
            return self.galat(n, nama, v, "wajib diisi") if wajib else None
        hasil = (baca_bulat if bulat else baca_angka)(v, self.ktx.desimal_koma)
        if hasil.alasan is not None:
            return self.galat(n, nama, v, hasil.alasan)
        x = hasil.nilai
        if x is None:
            return self.galat(n, nama, v, "wajib diisi") if wajib else None
        if bawah is not None and x < bawah:
            return self.galat(n, nama, v, "tidak boleh negatif" if bawah == 0 else f"tidak boleh kurang dari {bawah:g}")
        if atas is not None and x > atas:
            return self.galat(n, nama, v, f"di atas batas {atas:g}")
        return x

    def tahun(self, row: list[Sel], n: int) -> object:
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

    def tempat(self, row: list[Sel], n: int, tingkat: frozenset[str], kode_kol: tuple[str, ...],
               nama_kol: tuple[str, ...]) -> object:
        """Code first; names otherwise, with a kecamatan column narrowing a desa name."""
        kode_nama = next((k for k in kode_kol if not _kosong(self.ktx.sel(row, k))), None)
        nama_nama = next((k for k in nama_kol if not _kosong(self.ktx.sel(row, k))), None)
        if kode_nama is not None:
            v = self.ktx.sel(row, kode_nama)
            cocok = self.pencocok.cari_kode(v, tingkat)
            if cocok.kode is None:
                return self.galat(n, kode_nama, v, cocok.alasan or "tidak dikenal")
            if nama_nama is not None and nama_nama != "kecamatan":
                nv = self.ktx.sel(row, nama_nama)
                t = self.pencocok.tempat[cocok.kode]
                alias = [a.kode for a in self.pencocok.alias.get(kunci_nama(nv), [])]
                if kunci_nama(nv) != kunci_nama(t.nama) and cocok.kode not in alias:
                    return self.galat(n, nama_nama, nv, f"tidak cocok dengan kode {cocok.kode} ({t.nama})")
            return cocok.kode
        if nama_nama is None:
            return None
        kode_kec = None
        if nama_nama == "desa" and not _kosong(self.ktx.sel(row, "kecamatan")):
            kv = self.ktx.sel(row, "kecamatan")
            kec = self.pencocok.cari_nama(kv, frozenset({"kecamatan"}))
            if kec.kode is None:
                return self.galat(n, "kecamatan", kv, kec.alasan or "tidak dikenal")
            kode_kec = kec.kode
        v = self.ktx.sel(row, nama_nama)
        utamakan = {"kecamatan": "kecamatan", "desa": "desa"}.get(nama_nama)
        batas = frozenset({"kecamatan"}) if nama_nama == "kecamatan" else tingkat
        if nama_nama == "desa":
            batas = frozenset({"desa", "kelurahan"})
        cocok = self.pencocok.cari_nama(v, batas, kode_kec=kode_kec, utamakan=utamakan)
        if cocok.kode is None:
            return self.galat(n, nama_nama, v, cocok.alasan or "tidak dikenal")
        if cocok.catatan:
            self.pesan.append(pesan_sel("info", n, self.ktx.judul(nama_nama), v, cocok.catatan))
        return cocok.kode
