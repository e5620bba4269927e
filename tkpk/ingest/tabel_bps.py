"""BPS's own table layout, read as it is downloaded.

A BPS table of kab/kota figures puts the indicator in a merged header with its unit and the years in the row
below it, one column per year:

    Kabupaten/Kota | Jumlah Penduduk Miskin (Ribu Jiwa) |       |       | Persentase Penduduk Miskin (%) | ...
                   | 2022                               | 2023  | 2024* | 2022                           | ...
    Banjar         | 14,68                              | 14,45 | 14,46 | 2,40                           | ...
    Sumber: BPS, Survei Sosial Ekonomi Nasional (Susenas) Maret

:func:`tahun_ke_baris` turns it into the template's shape (one row per place and year, a ``tahun`` column), so
the same checks and messages apply; Excel row numbers stay those of the original rows. Units in the headers are
then read as for any file (ribu jiwa × 1.000), and the footnote becomes the source.

A year heading may carry BPS's marks: ``2024*`` / ``2024**`` (angka sementara / sangat sementara: read as 2024,
with a warning) and a month, ``Maret 2024``. Nothing is dropped or overwritten silently: a year written twice under
one indicator is refused (two values for one cell), unless the two are March and another month of the same year:
kab/kota poverty figures are March figures (Susenas Maret), so the March column is read and the other is left out
with a warning. A column with values but neither a heading nor a year, and an indicator column without a year,
are refused naming the column. The reshaped table carries these messages (:attr:`TabelBps.pesan_bentuk`); the
BPS row rules report them first and, when one is an error, stop there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tkpk.ingest.kolom import petakan
from tkpk.ingest.pesan import Pesan, pesan_baris, pesan_berkas
from tkpk.ingest.reader import Sel, Tabel

# Columns of the BPS kind that are not figures: they may stand without a year (the place, the source).
_BUKAN_ANGKA = frozenset({"tahun", "kode_kab", "kabupaten", "sumber", "jenis_sumber"})
_BULAN = {
    "januari": 1, "jan": 1, "january": 1, "februari": 2, "feb": 2, "february": 2, "maret": 3, "mar": 3,
    "march": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "jun": 6, "june": 6, "juli": 7, "jul": 7,
    "july": 7, "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8, "september": 9, "sep": 9,
    "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "october": 10, "november": 11, "nov": 11, "nopember": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}
_JUDUL_TAHUN = re.compile(r"^(?:(?P<bulan>[A-Za-z]+)\.?\s+)?(?P<tahun>\d{4})\s*(?P<tanda>\*{1,3})?$")
MARET = 3


@dataclass(frozen=True)
class JudulTahun:
    """A year heading: ``2024``, ``2024*`` (provisional), ``Maret 2024``."""

    tahun: int
    bulan: int | None
    tanda: str
    teks: str


class TabelBps(Tabel):
    """The reshaped table, with what reshaping found (errors refuse the file)."""

    pesan_bentuk: list[Pesan]


def baca_judul_tahun(v: Sel) -> JudulTahun | None:
    s = str(int(v)) if isinstance(v, float) and v.is_integer() else str(v).strip()
    m = _JUDUL_TAHUN.match(s)
    if m is None or not 2000 <= int(m["tahun"]) <= 2100:
        return None
    bulan = None
    if m["bulan"]:
        bulan = _BULAN.get(m["bulan"].lower())
        if bulan is None:
            return None
    return JudulTahun(int(m["tahun"]), bulan, m["tanda"] or "", s)


def huruf_kolom(j: int) -> str:
    """0 -> "A", 27 -> "AB": the column as Excel names it."""
    s = ""
    j += 1
    while j:
        j, r = divmod(j - 1, 26)
        s = chr(65 + r) + s
    return s


def _kosong(v: Sel) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def tahun_ke_baris(tabel: Tabel, i_judul: int) -> tuple[TabelBps, str] | None:
    """The table with one row per place and year, and a note saying so; ``None`` when it has no year row."""
    if i_judul + 1 >= tabel.jumlah:
        return None
    judul = [str(v).strip() for v in tabel.baris_ke(i_judul)]
    bawah = tabel.baris_ke(i_judul + 1)
    kepala = {j: t for j, v in enumerate(bawah) if (t := baca_judul_tahun(v)) is not None}
    if not kepala or any(not _kosong(v) and j not in kepala for j, v in enumerate(bawah)):
        return None  # the row below the header is data (or something else), not a row of years
    # the indicator of each year column: its own header, or the merged header to its left
    indikator: dict[int, str] = {}
    for j in sorted(kepala):
        k = j
        while k >= 0 and (k >= len(judul) or not judul[k]):
            k -= 1
        if k < 0:
            return None
        indikator[j] = judul[k]
    peta = petakan(list(indikator.values()), "bps")
    if not peta.kolom:
        return None
    n_judul, n_tahun = tabel.nomor[i_judul], tabel.nomor[i_judul + 1]
    data = [tabel.baris_ke(i) for i in range(i_judul + 2, tabel.jumlah)]
    nomor_data = tabel.nomor[i_judul + 2:]
    pesan: list[Pesan] = []

    def isi_pertama(j: int) -> tuple[int, Sel] | None:
        return next(((n, row[j]) for row, n in zip(data, nomor_data, strict=True)
                     if j < len(row) and not _kosong(row[j])), None)

    # a year under a heading that is not a figure (the place column): nothing says which figure it is
    bukan_indikator: set[int] = set()
    for j in sorted(kepala):
        nama = petakan([indikator[j]], "bps").kolom
        if nama and not (nama.keys() - _BUKAN_ANGKA):
            bukan_indikator.add(j)
            pesan.append(pesan_berkas("galat", (
                f"Judul tahun di baris {n_tahun}: tahun \"{kepala[j].teks}\" di kolom {huruf_kolom(j)} tidak berada "
                f"di bawah judul indikator (judul di atas atau di kirinya, \"{indikator[j]}\", bukan angka "
                f"kemiskinan). Tulis judul indikator di baris {n_judul} di atas kolom tahun pertamanya")))
    # columns that are not read as a year: a fixed column (place, source) is kept; anything else with a value
    # would be dropped or copied to every year, so it is refused
    tetap: list[int] = []
    lebar = max([len(judul), len(bawah), *(len(r) for r in data)])
    for j in range(lebar):
        if j in kepala:
            continue
        isi = isi_pertama(j)
        nama_kolom = petakan([judul[j]], "bps").kolom if j < len(judul) and judul[j] else {}
        if j < len(judul) and judul[j] and not (nama_kolom.keys() - _BUKAN_ANGKA):
            tetap.append(j)
        elif isi is None:
            continue  # an empty column without a year: nothing to read, nothing lost
        elif j < len(judul) and judul[j]:
            pesan.append(pesan_berkas("galat", (
                f"Kolom {huruf_kolom(j)} \"{judul[j]}\" tidak punya tahun di baris judul tahun (baris {n_tahun}), "
                f"padahal berisi nilai (baris {isi[0]}: \"{isi[1]}\"). Di tabel BPS satu kolom per tahun, setiap "
                "kolom angka perlu tahunnya di bawah judul; isi tahunnya atau hapus kolom itu"), kolom=judul[j]))
        else:
            pesan.append(pesan_baris("galat", isi[0], (
                f"kolom {huruf_kolom(j)} tanpa judul berisi nilai \"{isi[1]}\": kolom itu tidak punya judul "
                f"indikator (baris {n_judul}) maupun tahun (baris {n_tahun}), jadi nilainya tidak dapat dibaca. Beri "
                "judul dan tahun, atau hapus kolomnya")))
    # two columns of one year under one indicator: refused, unless one is March (the kab/kota figures)
    pakai: dict[int, int] = {}  # year column -> year read
    kelompok: dict[tuple[str, int], list[int]] = {}
    for j in sorted(kepala.keys() - bukan_indikator):
        kelompok.setdefault((indikator[j], kepala[j].tahun), []).append(j)
    for (ind, t), kol in kelompok.items():
        if len(kol) == 1:
            pakai[kol[0]] = t
            continue
        maret = [j for j in kol if kepala[j].bulan == MARET]
        lain = [j for j in kol if kepala[j].bulan not in (None, MARET)]
        daftar = " dan ".join(f"kolom {huruf_kolom(j)} \"{kepala[j].teks}\"" for j in kol)
        if len(maret) == 1 and len(lain) == len(kol) - 1 and len({kepala[j].bulan for j in lain}) == len(lain):
            pakai[maret[0]] = t
            buang = ", ".join(f"\"{kepala[j].teks}\" (kolom {huruf_kolom(j)})" for j in lain)
            pesan.append(pesan_berkas("peringatan", (
                f"Di bawah judul \"{ind}\" ada dua angka tahun {t} ({daftar}). Angka kabupaten/kota BPS adalah angka "
                f"Maret (Susenas Maret), jadi kolom Maret dibaca sebagai tahun {t} dan {buang} diabaikan"),
                kolom=ind))
            continue
        pakai.update((j, t) for j in kol)  # the file is refused; its rows are still counted
        pesan.append(pesan_berkas("galat", (
            f"Judul tahun di baris {n_tahun}: tahun {t} muncul {len(kol)} kali di bawah judul \"{ind}\" ({daftar}), "
            "jadi satu sel punya dua nilai (kunci ganda dalam berkas) dan yang satu akan menimpa yang lain. Sisakan "
            "satu kolom per tahun untuk setiap indikator"), kolom=ind))
    bulan_lain = [j for j in pakai if kepala[j].bulan not in (None, MARET)]
    if bulan_lain:
        daftar = ", ".join(f"\"{kepala[j].teks}\" (kolom {huruf_kolom(j)})" for j in bulan_lain)
        pesan.append(pesan_berkas("peringatan", (
            f"Judul tahun {daftar} menyebut bulan selain Maret dan dibaca sebagai tahun itu; angka kabupaten/kota "
            "BPS yang lain adalah angka Maret (Susenas Maret), pastikan angka ini memang yang dimaksud")))
    sementara = [j for j in pakai if kepala[j].tanda]
    if sementara:
        daftar = ", ".join(f"\"{kepala[j].teks}\" (kolom {huruf_kolom(j)})" for j in sementara)
        pesan.append(pesan_berkas("peringatan", (
            f"Judul tahun {daftar} bertanda bintang: menurut kebiasaan BPS, * = angka sementara dan ** = angka sangat "
            "sementara. Angkanya dibaca sebagai angka tahun itu dan dapat berubah saat BPS merilis angka tetap; "
            "unggah angka tetapnya nanti")))

    nama_ind = list(dict.fromkeys(indikator[j] for j in pakai))
    daftar_tahun = sorted(set(pakai.values()))
    baris: list[list[Sel]] = [list(tabel.baris_ke(i)) for i in range(i_judul)]
    baris.append([judul[j] for j in tetap] + ["tahun"] + nama_ind)
    nomor = list(tabel.nomor[:i_judul + 1])
    for row, n in zip(data, nomor_data, strict=True):
        sel = [row[j] if j < len(row) else "" for j in tetap]
        for t in daftar_tahun:
            nilai: dict[str, Sel] = {indikator[j]: row[j] if j < len(row) else ""
                                     for j, tj in pakai.items() if tj == t}
            if all(_kosong(v) for v in nilai.values()):
                continue  # no figure for this year: BPS leaves the cell empty, nothing to report
            baris.append([*sel, t, *[nilai.get(nm, "") for nm in nama_ind]])
            nomor.append(n)
    out = TabelBps(baris, nomor, tabel.format, tabel.pemisah, tabel.encoding, tabel.lembar, tabel.catatan)
    out.pesan, out.rumus_kosong, out.tautan_luar = tabel.pesan, tabel.rumus_kosong, tabel.tautan_luar
    out.pesan_bentuk = pesan
    teks_tahun = ", ".join(str(t) for t in daftar_tahun)
    return out, (f"Tabel BPS dengan satu kolom per tahun ({teks_tahun}) di bawah judul indikator dibaca sebagai satu "
                 "baris per wilayah dan tahun; nomor baris tetap nomor baris di Excel")
