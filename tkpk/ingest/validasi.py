"""From a table of cells to typed rows for the store, plus every problem in words the analyst can act on.

The file is judged as a whole: one error refuses it (so the store never holds half a report), warnings are
shown and the file is accepted. Row-level rules per kind live in :mod:`tkpk.ingest.aturan`; this module finds
the header, guards against personal data (:mod:`tkpk.ingest.pribadi`), reads the units headers state
(:mod:`tkpk.ingest.satuan`), sets footnotes aside, refuses a file without a single data value, and counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tkpk import fmt
from tkpk.ingest import kolom as kol
from tkpk.ingest import pribadi
from tkpk.ingest.aturan import bps, indikator, target
from tkpk.ingest.aturan_intervensi import intervensi
from tkpk.ingest.aturan_rencana import rencana
from tkpk.ingest.contoh import periksa_contoh
from tkpk.ingest.konteks import Konteks, kosong
from tkpk.ingest.pesan import (
    MAKS_GALAT,
    MAKS_PESAN,
    CukupGalat,
    Hitungan,
    Pesan,
    ada_galat,
    pesan_baris,
    pesan_berhenti,
    pesan_berkas,
    ringkas_baris,
    tampil_nilai,
)
from tkpk.ingest.reader import Sel, Tabel
from tkpk.ingest.satuan import JENIS_NILAI, galat_judul
from tkpk.ingest.wilayah import Pencocok

# The row rules per kind: each returns store-shaped rows (with ``_baris``) and its messages.
Aturan = Callable[[Konteks, Tabel, int, Pencocok, str], tuple[pd.DataFrame, list[Pesan]]]
ATURAN: dict[str, Aturan] = {"indikator": indikator, "intervensi": intervensi, "bps": bps, "target": target,
                             "rencana": rencana}

# The header may sit below a title block ("LAPORAN ... TAHUN 2025", merged cells): look this far down for it.
BARIS_CARI_JUDUL = 10
# A footnote under a table ("Sumber: BPS, Susenas Maret 2024"): one filled cell that starts like this.
_CATATAN_KAKI = re.compile(r"^\s*(sumber|source|catatan|note|keterangan|ket\.|\*)", re.IGNORECASE)
_TAHUN_JUDUL = re.compile(r"(?<![0-9])(20[0-9]{2})(?![0-9])")


@dataclass
class HasilValidasi:
    jenis: str
    data: pd.DataFrame  # store columns without batch_id, plus "_baris" (Excel row)
    pesan: list[Pesan]
    jumlah_baris: int = 0
    baris_bermasalah: int = 0
    keterangan_berkas: list[str] = field(default_factory=list)
    judul: dict[str, str] = field(default_factory=dict)  # store column (or indicator code) -> header in the file
    sampel: bool = False  # every row says it is sample data (tkpk.ingest.contoh): stored as a sample batch
    hitungan: Hitungan | None = None  # counts of every message, before the list is cut (None: count the list)

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
        teks = ringkas_baris(self.jumlah_baris, self.hitungan or self.pesan)
        return teks + (" Berkas DITOLAK; tidak ada yang disimpan." if not self.diterima else "")


def _baris_awal(tabel: Tabel) -> list[list[Sel]]:
    return [tabel.baris_ke(i) for i in range(min(BARIS_CARI_JUDUL, tabel.jumlah))]


def cari_judul(tabel: Tabel, jenis: str) -> int | None:
    for i, row in enumerate(_baris_awal(tabel)):
        if kol.skor_judul(list(row), jenis) >= 2:
            return i
    return None


def _catatan_kaki(tabel: Tabel, mulai: int) -> tuple[int, list[str]]:
    """Trailing footnote rows (one filled cell starting with "Sumber:", "Catatan:", "*"): where the data ends,
    and their texts. Only at the end of the table, so a data row is never taken for a note."""
    akhir = tabel.jumlah
    teks: list[str] = []
    while akhir > mulai:
        isi = [v for v in tabel.baris_ke(akhir - 1) if not kosong(v)]
        if len(isi) != 1 or not isinstance(isi[0], str) or not _CATATAN_KAKI.match(isi[0]):
            break
        teks.insert(0, isi[0].strip())
        akhir -= 1
    return akhir, teks


def _sumber_catatan(teks: list[str]) -> str | None:
    for t in teks:
        m = re.match(r"^\s*(sumber|source)\s*[:/]?\s*(.+)$", t, re.IGNORECASE)
        if m and m.group(2).strip():
            return m.group(2).strip().removeprefix("/").strip()
    return None


def _tahun_judul(tabel: Tabel, i_judul: int) -> int | None:
    """The one year a title block above the header names ("..., 2024"), for tables without a year column."""
    tahun = {int(m) for i in range(i_judul) for v in tabel.baris_ke(i) if isinstance(v, str)
             for m in _TAHUN_JUDUL.findall(v)}
    return tahun.pop() if len(tahun) == 1 else None


def _cek_satuan(peta: kol.Peta, jenis: str) -> list[Pesan]:
    """Units in headers: a unit that cannot fit the column refuses the file; a scaled column gets a note."""
    pesan = []
    for nama, sat in peta.satuan.items():
        i = peta.kolom.get(nama, peta.lebar.get(nama))
        judul = peta.judul[i] if i is not None else nama
        jenis_nilai = JENIS_NILAI.get(nama)
        if nama == "nilai":
            jenis_nilai = "jumlah" if jenis == "indikator" else None  # a target's kind depends on its indicator
        if jenis_nilai is None:
            if nama != "nilai" and not sat.kosong and (sat.faktor != 1 or sat.persen):
                pesan.append(pesan_berkas("galat", f'Kolom "{judul}" menyebut satuan, padahal {nama} bukan angka',
                                          kolom=judul))
            elif sat.faktor != 1:
                pesan.append(pesan_berkas("info", sat.catatan(judul), kolom=judul))
            continue
        alasan = galat_judul(sat, jenis_nilai, nama)
        if alasan is not None:
            pesan.append(pesan_berkas("galat", f'Kolom "{judul}" {alasan}', kolom=judul))
        elif sat.faktor != 1:
            pesan.append(pesan_berkas("info", sat.catatan(judul), kolom=judul))
    return pesan


# Cells named one by one; beyond that they are counted.
MAKS_SEL_RUMUS = 10


def _cek_rumus(tabel: Tabel, peta: kol.Peta, baris_judul: int) -> list[Pesan]:
    """Formulas Excel never calculated refuse the file (their cells would read as "not reported"); values linked
    from another workbook are a warning (they are as old as that workbook's last opening)."""
    pesan = []
    for sel, tingkat, alasan in (
        (tabel.rumus_kosong, "galat", "berisi rumus tanpa nilai tersimpan: buka dan simpan ulang di Excel (agar "
                                      "rumusnya dihitung), lalu unggah lagi"),
        (tabel.tautan_luar, "peringatan", "berisi nilai dari tautan ke berkas Excel lain; angkanya hanya sebaru saat "
                                          "berkas itu terakhir dibuka, pastikan sudah mutakhir"),
    ):
        data = sorted((r, c) for r, c in sel if r > baris_judul)
        for r, c in data[:MAKS_SEL_RUMUS]:
            nama = peta.judul[c] if c < len(peta.judul) and peta.judul[c] else f"ke-{c + 1}"
            pesan.append(pesan_baris(tingkat, r, alasan, kolom=nama))  # type: ignore[arg-type]
        if len(data) > MAKS_SEL_RUMUS:
            pesan.append(pesan_berkas(tingkat, f"... dan {fmt.angka(len(data) - MAKS_SEL_RUMUS)} sel lain yang sama"))  # type: ignore[arg-type]
    return pesan


def _pesan_pribadi(tabel: Tabel, i_judul: int | None) -> list[Pesan]:
    """Personal data in the header row (the first row when no header is found) and in every cell below it, all
    reported at once so one upload shows every place to clean."""
    i = i_judul or 0
    judul = [str(v) for v in tabel.baris_ke(i)] if tabel.jumlah else []
    return [*pribadi.cek_judul(judul), *pribadi.cek_isi(judul, tabel, i + 1)]


def validasi(tabel: Tabel, jenis: str, pencocok: Pencocok, nama_file: str) -> HasilValidasi:
    from tkpk.ingest.tabel_bps import tahun_ke_baris

    kosong = pd.DataFrame()
    if jenis not in kol.JENIS:
        return HasilValidasi(jenis, kosong, [pesan_berkas("galat", f"Jenis data tidak dikenal: {jenis}")])
    hasil = HasilValidasi(jenis, kosong, list(tabel.pesan))
    if tabel.format == "csv":
        nama_pemisah = {";": "titik koma", ",": "koma", "\t": "tab"}.get(tabel.pemisah or "", "?")
        hasil.keterangan_berkas.append(f"CSV, pengodean {tabel.encoding}, pemisah {nama_pemisah}")
    else:
        hasil.keterangan_berkas.append(f"XLSX, lembar \"{tabel.lembar}\"")
    i_judul = cari_judul(tabel, jenis)
    pribadi_ = _pesan_pribadi(tabel, i_judul)
    if pribadi_:
        hasil.pesan = [*pribadi_, *hasil.pesan]
        hasil.jumlah_baris = hasil.baris_bermasalah = max(tabel.jumlah - 1 - (i_judul or 0), 0)
        return hasil
    if i_judul is None:
        wajib = ", ".join(k.nama for k in kol.KOLOM[jenis] if k.wajib)
        hasil.pesan.append(pesan_berkas(
            "galat", f"Judul kolom untuk jenis {jenis} tidak ditemukan di {BARIS_CARI_JUDUL} baris pertama. "
                     f"Kolom wajib: {wajib}. Unduh templat untuk contoh"))
        return hasil
    mulai = i_judul + 1
    akhir, kaki = _catatan_kaki(tabel, mulai)
    if kaki:
        tabel = tabel.potong(akhir)
        hasil.pesan.append(pesan_berkas("info", f"{len(kaki)} baris catatan di bawah tabel dilewati "
                                                f"(\"{tampil_nilai(kaki[0])}\")"))
    if jenis == "bps":  # BPS's own layout: one column per year under a merged indicator header
        bentuk = tahun_ke_baris(tabel, i_judul)
        if bentuk is not None:
            tabel, catatan = bentuk
            hasil.pesan.append(pesan_berkas("info", catatan))
    peta = kol.petakan(list(tabel.baris_ke(i_judul)), jenis)
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
    hasil.pesan.extend(_cek_satuan(peta, jenis))
    hasil.pesan.extend(_cek_rumus(tabel, peta, tabel.nomor[i_judul]))
    hasil.pesan.extend(_kolom_tanpa_judul(tabel, peta, mulai))
    hasil.pesan.extend(_sel_lebih(tabel, len(peta.judul), mulai))
    tahun_judul = None if "tahun" in peta.kolom else _tahun_judul(tabel, i_judul)
    if tahun_judul is not None:
        hasil.pesan.append(pesan_berkas("info", f"Tidak ada kolom tahun; tahun {tahun_judul} diambil dari judul "
                                                "tabel di atas judul kolom"))
    ktx = Konteks(peta, tabel.desimal_koma, tahun_judul=tahun_judul, sumber_catatan=_sumber_catatan(kaki))
    if any(s.faktor != 1 for s in peta.satuan.values()):
        ktx.konvensi = konvensi_berkas(tabel, mulai, peta)
    berhenti = False
    try:
        frame, pesan = ATURAN[jenis](ktx, tabel, mulai, pencocok, nama_file)
    except CukupGalat as cukup:
        frame, pesan, berhenti = pd.DataFrame(), [pesan_berhenti(cukup.baris), *cukup.pesan], True
    hasil.pesan.extend(pesan)
    hasil.data = frame
    hasil.judul = {nama: peta.judul[i] for nama, i in {**peta.kolom, **peta.lebar}.items()}
    hasil.sampel, pesan_contoh = periksa_contoh(frame, hasil.judul.get("sumber", hasil.judul.get("jenis_sumber",
                                                                                              "sumber")))
    hasil.pesan.extend(pesan_contoh)
    bermasalah = {p.baris for p in hasil.pesan if p.baris is not None and p.tingkat != "info"}
    hasil.baris_bermasalah = len(bermasalah)
    if not ada_galat(hasil.pesan):
        if hasil.jumlah_baris == 0:
            hasil.pesan.append(pesan_berkas("galat", "Berkas hanya berisi judul kolom, tanpa baris data"))
        elif not ada_nilai(jenis, hasil.data):
            hasil.pesan.append(pesan_berkas(
                "galat", f"Berkas tidak berisi satu pun nilai data: semua sel angka dan isian pada "
                         f"{hasil.jumlah_baris} baris kosong, jadi tidak ada yang dapat disimpan. Sel kosong berarti "
                         "\"tidak dilaporkan\", bukan nol; isi angkanya (0 bila memang nol)"))
    hasil.hitungan = Hitungan.dari(hasil.pesan, sebagian=berhenti)
    hasil.pesan = batasi(hasil.pesan)
    return hasil


def _berisi(arr: pa.Array) -> np.ndarray:
    """Cells that hold something: non-blank text, or a value that is not text at all (an XLSX number)."""
    kosong = pc.equal(pc.utf8_trim_whitespace(arr), "")
    return pc.invert(pc.fill_null(kosong, False)).to_numpy(zero_copy_only=False)


def _sel_lebih(tabel: Tabel, lebar_judul: int, mulai: int) -> list[Pesan]:
    """Rows with a value beyond the last header (a "1,234" split by the comma of a comma-separated file). Only
    rows whose extra cells hold something are counted, so trailing separators never use up the cap."""
    isi = np.zeros(tabel.jumlah - mulai, dtype=bool)
    for j in range(lebar_judul, tabel.lebar):
        isi |= _berisi(tabel.teks(j, mulai))
    pesan = []
    for i in np.flatnonzero(isi)[:MAKS_GALAT].tolist():
        row, n = tabel.baris_ke(mulai + i), tabel.nomor[mulai + i]
        lebih = [v for v in row[lebar_judul:] if not kosong(v)]
        pesan.append(pesan_baris(
            "galat", n, f"ada {len(row)} sel sedangkan judul kolom hanya {lebar_judul} (sel lebih: "
                        f"\"{tampil_nilai(lebih[0])}\"); mungkin angka berkoma tanpa tanda kutip di CSV "
                        "berpemisah koma"))
    return pesan


def _kolom_tanpa_judul(tabel: Tabel, peta: kol.Peta, mulai: int) -> list[Pesan]:
    """A column whose header cell is empty but whose cells hold values: those values would be dropped without a
    word (Excel pads a header with a separator; a header merged over two columns leaves the second one empty)."""
    pesan = []
    for j, judul in enumerate(peta.judul):
        if str(judul).strip():
            continue
        isi = np.flatnonzero(_berisi(tabel.teks(j, mulai)))
        if len(isi):
            i = int(isi[0])
            v = tabel.baris_ke(mulai + i)[j]
            pesan.append(pesan_berkas(
                "galat", f"Kolom ke-{j + 1} tidak berjudul tetapi berisi nilai di {len(isi)} baris (mis. baris "
                         f"{tabel.nomor[mulai + i]}: \"{tampil_nilai(v)}\"); nilai di kolom tanpa judul tidak dapat "
                         "disimpan. Beri judul kolomnya (lihat templat) atau hapus isinya; judul yang digabung (merge) "
                         "di Excel hanya berlaku untuk kolom pertamanya", kolom=f"ke-{j + 1}"))
    return pesan


def konvensi_berkas(tabel: Tabel, mulai: int, peta: kol.Peta) -> str | None:
    """The decimal convention the file's own cells show (:func:`tkpk.ingest.angka.konvensi`), for the cells
    of a scaled column that read two ways ("14.461" under "(ribu jiwa)"). Place codes ("63.03") and years are
    not numbers with a decimal mark and are left out."""
    import pyarrow.compute as pc

    from tkpk.ingest.angka import BUKTI, konvensi

    bukti: set[str] = set()
    bukan = {j for nama, j in peta.kolom.items() if nama.startswith("kode") or nama in ("tahun", "triwulan")}
    for j in range(tabel.lebar):
        if j in bukan:
            continue
        arr = tabel.teks(j, mulai)
        for nama, pola in BUKTI.items():
            if nama not in bukti and pc.any(pc.match_substring_regex(arr, pola)).as_py():
                bukti.add(nama)
    return konvensi(bukti)


def ada_nilai(jenis: str, data: pd.DataFrame) -> bool:
    """Does any row report at least one value cell (not only its key)?"""
    from tkpk.ingest.simpan import KOLOM_NILAI

    nilai = [k for k in KOLOM_NILAI[jenis] if k in data.columns and k != "pilar"]
    return bool(len(data)) and bool(data[nilai].notna().any(axis=None))


def batasi(pesan: list[Pesan]) -> list[Pesan]:
    """Errors first; beyond MAKS_PESAN the rest are counted so the page stays readable."""
    urut = sorted(pesan, key=lambda p: (0 if p.galat else 1 if p.tingkat == "peringatan" else 2))
    if len(urut) <= MAKS_PESAN:
        return urut
    sisa = urut[MAKS_PESAN:]
    ringkas = pesan_berkas(
        "galat" if any(p.galat for p in sisa) else "peringatan",
        f"... dan {fmt.angka(len(sisa))} pesan lain tidak ditampilkan; perbaiki yang di atas lalu unggah ulang")
    return [*urut[:MAKS_PESAN], ringkas]
