"""PDF "Notulen dan tindak lanjut": the latest rakor's decisions and the follow-up of the one before.

Why every decision, in smaller type before a second page: the minutes are the record, so an overdue decision must
never be cut; one page is kept as long as 6 pt type can hold it.

Why from :class:`tkpk.rakor.bahan.BahanRakor`: the minutes go into the next meeting's folder and must list
the same decisions with the same statuses as the follow-up slide and the Tindak lanjut page.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from tkpk import SUMBER_CONTOH
from tkpk.ekspor.pdf import BAWAH_ISI, TEPI, Brief, latin1
from tkpk.rakor import tabel
from tkpk.rakor.bahan import BahanRakor, judul_rakor
from tkpk.rakor.saran import ATURAN_SARAN

# The PDF draws no symbols (core font): the status word says it, "TERLAMBAT" in capitals where overdue.
_STATUS_PDF = {"baru": "Baru", "berjalan": "Berjalan", "selesai": "Selesai"}


def _status(status: object, terlambat: object) -> str:
    s = _STATUS_PDF.get(str(status), str(status))
    return f"{s} - TERLAMBAT" if bool(terlambat) else s


def _baris(k: pd.DataFrame, dengan_saran: bool) -> list[list[str]]:
    t = tabel.tabel_keputusan(k, dengan_saran=dengan_saran)
    baris = []
    for i, (_, r) in enumerate(k.iterrows()):
        tenggat = f"{pd.Timestamp(r['tenggat']):%d-%m-%Y}" if pd.notna(r["tenggat"]) else "-"
        isi = [str(t.iloc[i]["No"]), str(r["teks"]), str(t.iloc[i]["OPD"]), str(t.iloc[i]["Lokasi"]), tenggat,
               _status(r["status"], r["terlambat"])]
        if dengan_saran:
            isi.append(_STATUS_PDF.get(str(r["saran"]), "-") if isinstance(r["saran"], str) else "-")
        baris.append(isi)
    return baris


def _tabel(pdf: Brief, kolom: list[str], lebar: list[float], baris: list[list[str]], batas_y: float,
           ukuran: float = 8, halaman_baru: Callable[[], None] | None = None) -> bool:
    """A table whose cells wrap (a decision is a sentence and is never cut), above ``batas_y``. A row that does not
    fit goes on a new page (``halaman_baru``, the header repeated) or, without one, the table stops: False, and the
    caller tries a smaller type. No row is ever left out silently."""
    tinggi = ukuran * 0.5

    def kepala() -> None:
        pdf.set_font("Helvetica", "B", ukuran)
        pdf.set_fill_color(225, 229, 238)
        for k, w in zip(kolom, lebar, strict=True):
            pdf.cell(w, tinggi + 1, latin1(k), border=1, fill=True)
        pdf.ln(tinggi + 1)
        pdf.set_font("Helvetica", "", ukuran)

    kepala()
    for r in baris:
        baris_teks = [pdf.multi_cell(w, tinggi, latin1(v), dry_run=True, output="LINES", align="L")
                      for v, w in zip(r, lebar, strict=True)]
        h = tinggi * max(len(x) for x in baris_teks)
        if pdf.get_y() + h > batas_y:
            if halaman_baru is None:
                return False
            halaman_baru()
            kepala()
        y, x = pdf.get_y(), pdf.l_margin
        for v, w in zip(r, lebar, strict=True):
            pdf.set_xy(x, y)
            pdf.multi_cell(w, tinggi, latin1(v), border=0, align="L")
            x += w
        pdf.set_draw_color(160, 160, 160)
        pdf.line(pdf.l_margin, y + h, pdf.l_margin + sum(lebar), y + h)
        pdf.set_xy(pdf.l_margin, y + h)
    pdf.ln(2)
    return True


# Type sizes tried in turn until every decision fits on one page; below the last, the minutes take more pages.
UKURAN = (8.0, 7.5, 7.0, 6.5, 6.0)
_BATAS = BAWAH_ISI - 2


def _isi(b: BahanRakor, keadaan: str | None, ukuran: float, bersambung: bool) -> Brief | None:
    """The minutes at one type size; None when they do not fit one page and ``bersambung`` is False."""
    judul = "Notulen dan tindak lanjut rakor TKPK"
    pdf = Brief(judul, judul_rakor(b.sekarang), b.sampel)

    def halaman_baru() -> None:
        pdf.add_page()
        pdf.set_xy(TEPI, TEPI)
        pdf.set_font("Helvetica", "I", 8)
        label = f" - {SUMBER_CONTOH}, bukan data resmi" if b.sampel else ""
        pdf.cell(0, 5, latin1(f"{judul}: {judul_rakor(b.sekarang)} (lanjutan){label}"), new_x="LMARGIN",
                 new_y="NEXT")
        pdf.ln(1)

    lanjut = halaman_baru if bersambung else None
    pdf.subjudul(f"Keputusan rakor ini - {tabel.ringkas(b.keputusan)}")
    if b.keputusan.empty:
        pdf.paragraf("Belum ada keputusan tercatat untuk rakor ini.")
    elif not _tabel(pdf, ["No", "Keputusan", "OPD", "Lokasi", "Tenggat", "Status"], [8, 78, 24, 32, 18, 26],
                    _baris(b.keputusan, False), _BATAS, ukuran, lanjut):
        return None
    pdf.subjudul("Tindak lanjut rakor sebelumnya")
    if b.sebelumnya is None:
        pdf.paragraf("Belum ada rakor sebelumnya yang tercatat.")
    else:
        pdf.paragraf(f"{judul_rakor(b.sebelumnya)} - {tabel.ringkas(b.tindak_lanjut)}", ukuran=min(9.0, ukuran + 1))
        if not b.tindak_lanjut.empty and not _tabel(
                pdf, ["No", "Keputusan", "OPD", "Lokasi", "Tenggat", "Status", "Saran"], [8, 64, 22, 30, 18, 26, 18],
                _baris(b.tindak_lanjut, True), _BATAS, ukuran, lanjut):
            return None
        aturan = latin1(ATURAN_SARAN)
        pdf.set_font("Helvetica", "", 7)
        tinggi = 3.2 * len(pdf.multi_cell(0, 3.2, aturan, dry_run=True, output="LINES"))
        if pdf.get_y() + tinggi > _BATAS:
            if not bersambung:
                return None
            halaman_baru()
        pdf.paragraf(ATURAN_SARAN, ukuran=7, tinggi=3.2)
    if pdf.get_y() > _BATAS:
        return None
    pdf.kaki([*([keadaan] if keadaan else []),
              "keputusan dicatat analis TKPK (riwayat setiap perubahan di dasbor, halaman Tindak lanjut rakor); "
              f"status per {b.hari_ini:%d-%m-%Y}: terlambat = tenggat lewat dan belum selesai",
              "saran status dari laporan intervensi OPD (batch aktif terbaru)"], legenda=False)
    return pdf


def notulen(b: BahanRakor, keadaan: str | None = None) -> bytes:
    """The minutes of ``b.sekarang`` with the follow-up of ``b.sebelumnya``; ``keadaan`` names the store state the
    suggestions reflect (:func:`tkpk.toko.tahun.keadaan_data`). One A4 page, in smaller type (down to 6 pt) when the
    decisions need it; only when even that cannot hold them, further pages: every decision is listed."""
    if b.sekarang is None:
        raise ValueError("Belum ada rakor tercatat; notulen tidak dapat dibuat.")
    for ukuran in UKURAN:
        pdf = _isi(b, keadaan, ukuran, bersambung=False)
        if pdf is not None:
            return pdf.ke_bytes()
    pdf = _isi(b, keadaan, UKURAN[-2], bersambung=True)
    assert pdf is not None
    return pdf.ke_bytes(halaman_maks=None)
