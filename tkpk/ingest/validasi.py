"""From a table of cells to typed rows for the store, plus every problem in words the analyst can act on.

The file is judged as a whole: one error refuses it (so the store never holds half a report), warnings are
shown and the file is accepted. Row-level rules per kind live in :mod:`tkpk.ingest.aturan`; this module finds
the header, guards against personal data and counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tkpk.ingest import kolom as kol
from tkpk.ingest.pesan import MAKS_PESAN, Pesan, ada_galat, pesan_baris, pesan_berkas
from tkpk.ingest.reader import Sel, Tabel, per_lajur
from tkpk.ingest.wilayah import Pencocok

# The header may sit below a title block ("LAPORAN ... TAHUN 2025", merged cells): look this far down for it.
BARIS_CARI_JUDUL = 10
_NIK = re.compile(r"^\d{16}$")

PESAN_PRIBADI = (
    "Data pribadi tidak boleh diunggah (UU 27/2022 tentang Pelindungan Data Pribadi). Data sasaran by name by "
    "address seperti DTSEN/P3KE harus dijumlahkan dulu per desa atau kecamatan (mis. jumlah KK desil 1 per desa), "
    "lalu unggah angka agregatnya saja"
)


@dataclass
class HasilValidasi:
    jenis: str
    data: pd.DataFrame  # store columns without batch_id, plus "_baris" (Excel row)
    pesan: list[Pesan]
    jumlah_baris: int = 0
    baris_bermasalah: int = 0
    keterangan_berkas: list[str] = field(default_factory=list)

    @property
    def diterima(self) -> bool:
        return not ada_galat(self.pesan)

    @property
    def galat(self) -> list[Pesan]:
        return [p for p in self.pesan if p.galat]

    @property
    def peringatan(self) -> list[Pesan]:
        return [p for p in self.pesan if p.tingkat == "peringatan"]

    def ringkasan(self) -> str:
        baik = self.jumlah_baris - self.baris_bermasalah
        teks = (f"{self.jumlah_baris} baris data: {baik} baik, {self.baris_bermasalah} bermasalah "
                f"({len(self.galat)} galat, {len(self.peringatan)} peringatan).")
        return teks + (" Berkas DITOLAK; tidak ada yang disimpan." if not self.diterima else "")


class Konteks:
    """One row's cells by store column name, with the file's header text for messages."""

    def __init__(self, peta: kol.Peta, desimal_koma: bool) -> None:
        self.peta = peta
        self.desimal_koma = desimal_koma

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


def _kosong(v: Sel) -> bool:
    return isinstance(v, str) and v.strip() == ""


def _baris_awal(tabel: Tabel) -> list[list[Sel]]:
    return [tabel.baris_ke(i) for i in range(min(BARIS_CARI_JUDUL, tabel.jumlah))]


def cari_judul(tabel: Tabel, jenis: str) -> int | None:
    for i, row in enumerate(_baris_awal(tabel)):
        if kol.skor_judul(list(row), jenis) >= 2:
            return i
    return None


def _tampak_nik(v: Sel) -> bool:
    if isinstance(v, float | int) and not isinstance(v, bool):
        return 1e15 <= abs(float(v)) < 1e16 and float(v).is_integer()
    s = re.sub(r"[\s'`]", "", str(v))
    return bool(_NIK.match(s))


def cek_pribadi(judul: list[str], data: list[list[Sel]], nomor: list[int]) -> Pesan | None:
    """First sign of personal data: a header like NIK/alamat, or a 16-digit number anywhere."""
    for j in judul:
        if kol.tampak_pribadi(j):
            return pesan_berkas("galat", f'Kolom "{j}" tampak berisi data pribadi. {PESAN_PRIBADI}', kolom=j)
    for row, n in zip(data, nomor, strict=True):
        for i, v in enumerate(row):
            if _tampak_nik(v):
                nama = judul[i] if i < len(judul) and judul[i] else f"ke-{i + 1}"
                return Pesan("galat", f'Baris {n}, kolom "{nama}": berisi angka 16 digit seperti NIK/nomor KK. '
                                      f"{PESAN_PRIBADI}.", n, nama, "(disamarkan)")
    return None


# An ASCII character that is neither a digit, whitespace nor ' or `: a cell holding one cannot be a NIK, so only
# the rest go through the exact Python check of _tampak_nik.
_BUKAN_NIK = r"[\x21-\x26\x28-\x2f\x3a-\x5f\x61-\x7e]"


def _calon_nik(arr: pa.Array) -> np.ndarray:
    """Rows whose cell may be a NIK: not text, or 16+ characters none of which rules it out."""
    # a NIK has 16 characters at least; most columns never get there, and the regex runs on the rest only
    panjang = pc.greater_equal(pc.utf8_length(arr), 16).fill_null(True).to_numpy(zero_copy_only=False)
    idx = np.flatnonzero(panjang)
    if len(idx) == 0:
        return idx
    sub = arr.take(pa.array(idx))
    bukan = pc.match_substring_regex(sub, _BUKAN_NIK).fill_null(False).to_numpy(zero_copy_only=False)
    return idx[~bukan]


def cek_pribadi_tabel(judul: list[str], tabel: Tabel, mulai: int) -> Pesan | None:
    """:func:`cek_pribadi` over the data rows of a table, column by column: Arrow rules out the cells that
    cannot be a 16-digit number and Python judges the rest, so a million-row file is checked in well under a
    second and the first hit (in row order, then column order) is the one :func:`cek_pribadi` would report."""
    if tabel.jumlah <= mulai:
        return None
    pertama: tuple[int, int] | None = None
    lajur = [tabel.teks(j, mulai) for j in range(tabel.lebar)]
    for j, (arr, idx) in enumerate(zip(lajur, per_lajur(_calon_nik, lajur, tabel.jumlah - mulai), strict=True)):
        for i in idx.tolist():
            if pertama is not None and i > pertama[0]:
                break
            v = arr[i].as_py()
            if v is None:  # not text: the original cell (an XLSX number)
                baris = tabel.baris_ke(mulai + i)
                v = baris[j] if j < len(baris) else ""
            if _tampak_nik(v):
                if pertama is None or (i, j) < pertama:
                    pertama = (i, j)
                break
    if pertama is None:
        return None
    i, j = pertama
    n = tabel.nomor[mulai + i]
    nama = judul[j] if j < len(judul) and judul[j] else f"ke-{j + 1}"
    return Pesan("galat", f'Baris {n}, kolom "{nama}": berisi angka 16 digit seperti NIK/nomor KK. '
                          f"{PESAN_PRIBADI}.", n, nama, "(disamarkan)")


def validasi(tabel: Tabel, jenis: str, pencocok: Pencocok, nama_file: str) -> HasilValidasi:
    from tkpk.ingest import aturan

    kosong = pd.DataFrame()
    if jenis not in kol.JENIS:
        return HasilValidasi(jenis, kosong, [pesan_berkas("galat", f"Jenis data tidak dikenal: {jenis}")])
    hasil = HasilValidasi(jenis, kosong, [])
    if tabel.format == "csv":
        nama_pemisah = {";": "titik koma", ",": "koma", "\t": "tab"}.get(tabel.pemisah or "", "?")
        hasil.keterangan_berkas.append(f"CSV, pengodean {tabel.encoding}, pemisah {nama_pemisah}")
    else:
        hasil.keterangan_berkas.append(f"XLSX, lembar \"{tabel.lembar}\"")
    i_judul = cari_judul(tabel, jenis)
    awal = _baris_awal(tabel)
    judul_awal = [str(v) for v in awal[i_judul or 0]] if awal else []
    calon_judul = [str(v) for row in awal for v in row]
    pribadi = cek_pribadi(calon_judul, [], []) or cek_pribadi_tabel(judul_awal, tabel, (i_judul or 0) + 1)
    if pribadi is not None:
        hasil.pesan.append(pribadi)
        hasil.jumlah_baris = hasil.baris_bermasalah = max(tabel.jumlah - 1 - (i_judul or 0), 0)
        return hasil
    if i_judul is None:
        wajib = ", ".join(k.nama for k in kol.KOLOM[jenis] if k.wajib)
        hasil.pesan.append(pesan_berkas(
            "galat", f"Judul kolom untuk jenis {jenis} tidak ditemukan di {BARIS_CARI_JUDUL} baris pertama. "
                     f"Kolom wajib: {wajib}. Unduh templat untuk contoh"))
        return hasil
    judul_sel = awal[i_judul]
    peta = kol.petakan(list(judul_sel), jenis)
    mulai = i_judul + 1
    hasil.jumlah_baris = tabel.jumlah - mulai
    if i_judul > 0:
        hasil.keterangan_berkas.append(f"judul kolom di baris {tabel.nomor[i_judul]}")
    for nama, judul in peta.ganda:
        hasil.pesan.append(pesan_berkas(
            "galat", f"Kolom {' dan '.join(repr(j) for j in judul)} sama-sama berarti \"{nama}\"; sisakan satu",
            kolom=judul[0]))
    for _, judul in peta.tak_dikenal:
        hasil.pesan.append(pesan_berkas(
            "peringatan", f'Kolom "{judul}" tidak dikenal untuk jenis {jenis} dan diabaikan', kolom=judul))
    for i in np.flatnonzero(tabel.panjang[mulai:] > len(peta.judul)).tolist():
        row, n = tabel.baris_ke(mulai + i), tabel.nomor[mulai + i]
        lebih = [v for v in row[len(peta.judul):] if not _kosong(v)]
        if lebih:
            hasil.pesan.append(pesan_baris(
                "galat", n, f"ada {len(row)} sel sedangkan judul kolom hanya {len(peta.judul)} (sel lebih: "
                            f"\"{lebih[0]}\"); mungkin angka berkoma tanpa tanda kutip di CSV berpemisah koma"))
    ktx = Konteks(peta, tabel.desimal_koma)
    frame, pesan = aturan.ATURAN[jenis](ktx, tabel, mulai, pencocok, nama_file)
    hasil.pesan.extend(pesan)
    bermasalah = {p.baris for p in hasil.pesan if p.baris is not None and p.tingkat != "info"}
    hasil.baris_bermasalah = len(bermasalah)
    if hasil.jumlah_baris == 0 and not ada_galat(hasil.pesan):
        hasil.pesan.append(pesan_berkas("galat", "Berkas hanya berisi judul kolom, tanpa baris data"))
    hasil.data = frame
    hasil.pesan = batasi(hasil.pesan)
    return hasil


def batasi(pesan: list[Pesan]) -> list[Pesan]:
    """Errors first; beyond MAKS_PESAN the rest are counted so the page stays readable."""
    urut = sorted(pesan, key=lambda p: (0 if p.galat else 1 if p.tingkat == "peringatan" else 2))
    if len(urut) <= MAKS_PESAN:
        return urut
    sisa = urut[MAKS_PESAN:]
    ringkas = pesan_berkas(
        "galat" if any(p.galat for p in sisa) else "peringatan",
        f"... dan {len(sisa)} pesan lain tidak ditampilkan; perbaiki yang di atas lalu unggah ulang")
    return [*urut[:MAKS_PESAN], ringkas]
