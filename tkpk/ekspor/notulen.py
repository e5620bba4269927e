"""One-page PDF "Notulen dan tindak lanjut": the latest rakor's decisions and the follow-up of the one before.

Why one page from :class:`tkpk.rakor.bahan.BahanRakor`: the minutes go into the next meeting's folder and must list
the same decisions with the same statuses as the follow-up slide and the Tindak lanjut page.
"""

from __future__ import annotations

import pandas as pd

from tkpk.ekspor.pdf import BAWAH_ISI, Brief, latin1
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
           ukuran: float = 8) -> None:
    """A table whose cells wrap (a decision is a sentence and is never cut), stopping above ``batas_y``."""
    tinggi = ukuran * 0.5
    pdf.set_font("Helvetica", "B", ukuran)
    pdf.set_fill_color(225, 229, 238)
    for k, w in zip(kolom, lebar, strict=True):
        pdf.cell(w, tinggi + 1, latin1(k), border=1, fill=True)
    pdf.ln(tinggi + 1)
    pdf.set_font("Helvetica", "", ukuran)
    for n, r in enumerate(baris):
        baris_teks = [pdf.multi_cell(w, tinggi, latin1(v), dry_run=True, output="LINES", align="L")
                      for v, w in zip(r, lebar, strict=True)]
        h = tinggi * max(len(x) for x in baris_teks)
        if pdf.get_y() + h > batas_y - tinggi:
            pdf.set_font("Helvetica", "I", ukuran)
            pdf.cell(0, tinggi, latin1(f"... dan {len(baris) - n} keputusan lainnya (lihat dasbor atau buku kerja)"),
                     new_x="LMARGIN", new_y="NEXT")
            break
        y, x = pdf.get_y(), pdf.l_margin
        for v, w in zip(r, lebar, strict=True):
            pdf.set_xy(x, y)
            pdf.multi_cell(w, tinggi, latin1(v), border=0, align="L")
            x += w
        pdf.set_draw_color(160, 160, 160)
        pdf.line(pdf.l_margin, y + h, pdf.l_margin + sum(lebar), y + h)
        pdf.set_xy(pdf.l_margin, y + h)
    pdf.ln(2)


def notulen(b: BahanRakor, keadaan: str | None = None) -> bytes:
    """The minutes of ``b.sekarang`` with the follow-up of ``b.sebelumnya``, on one A4 page; ``keadaan`` names the
    store state the suggestions reflect (:func:`tkpk.data_tahun.keadaan_data`)."""
    if b.sekarang is None:
        raise ValueError("Belum ada rakor tercatat; notulen tidak dapat dibuat.")
    pdf = Brief("Notulen dan tindak lanjut rakor TKPK", judul_rakor(b.sekarang), b.sampel)
    pdf.subjudul(f"Keputusan rakor ini - {tabel.ringkas(b.keputusan)}")
    if b.keputusan.empty:
        pdf.paragraf("Belum ada keputusan tercatat untuk rakor ini.")
    else:
        _tabel(pdf, ["No", "Keputusan", "OPD", "Lokasi", "Tenggat", "Status"], [8, 78, 24, 32, 18, 26],
               _baris(b.keputusan, False), batas_y=BAWAH_ISI / 2 + 20)
    pdf.subjudul("Tindak lanjut rakor sebelumnya")
    if b.sebelumnya is None:
        pdf.paragraf("Belum ada rakor sebelumnya yang tercatat.")
    else:
        pdf.paragraf(f"{judul_rakor(b.sebelumnya)} - {tabel.ringkas(b.tindak_lanjut)}")
        if not b.tindak_lanjut.empty:
            _tabel(pdf, ["No", "Keputusan", "OPD", "Lokasi", "Tenggat", "Status", "Saran"],
                   [8, 64, 22, 30, 18, 26, 18], _baris(b.tindak_lanjut, True), batas_y=BAWAH_ISI - 14)
        pdf.paragraf(ATURAN_SARAN, ukuran=7, tinggi=3.2)
    pdf.kaki([*([keadaan] if keadaan else []),
              "keputusan dicatat analis TKPK (riwayat setiap perubahan di dasbor, halaman Tindak lanjut rakor); "
              f"status per {b.hari_ini:%d-%m-%Y}: terlambat = tenggat lewat dan belum selesai",
              "saran status dari laporan intervensi OPD (batch aktif terbaru)"])
    return pdf.ke_bytes()
