"""One-page brief "Dua angka kemiskinan": BPS's estimate beside the welfare register, for the rakor folder.

Why a brief of its own: the two numbers travel on paper too (LP2KD annex, press questions), and on paper they
must carry the same explanation as on screen: what each is for, why they differ, the register's conflicts, the
kind of source of every figure and the rank only where at least five kab/kota compare. Everything here is real
data (no sample rows), so the page carries no sample label.
"""

from __future__ import annotations

from tkpk import fmt, mutu_sumber
from tkpk.ekspor.pdf import BAWAH_ISI, Brief
from tkpk.tren import dua_angka as da
from tkpk.tren.target import StatusTarget


def _sumber(jenis: object, sumber: str) -> str:
    teks = mutu_sumber.sebut(sumber, jenis, 150, dengan_penanda=False)
    notes = mutu_sumber.catatan(sumber)
    return teks + (f" (catatan: {' '.join(notes)})" if notes else "")


def _sumber_figur(d: da.DuaAngka) -> str:
    """The survey figures' source in words: one when all figures in the boxes share it, else each figure with
    its own (versioning is per cell: the count may come from a speech while P0 comes from BPS)."""
    b = d.bps
    figur = [(f, n) for f, n in (("p0", "P0"), ("penduduk_miskin", "penduduk miskin"),
                                 ("garis_kemiskinan", "garis kemiskinan")) if getattr(b, f) is not None]
    asal = {(b.sumber_dari(f), b.jenis(f)) for f, _ in figur}
    if len(asal) <= 1:
        return _sumber(b.jenis_sumber, b.sumber)
    return "; ".join(f"{n}: {_sumber(b.jenis(f), b.sumber_dari(f))}" for f, n in figur)


def brief_dua_angka(d: da.DuaAngka, target_p0: StatusTarget | None = None,
                    target_ekstrem: StatusTarget | None = None, keadaan: str | None = None) -> bytes:
    """The one-page brief; ``keadaan`` names the store state it reflects (:func:`tkpk.toko.tahun.keadaan_data`)."""
    b = d.bps
    pdf = Brief("Dua angka kemiskinan Kabupaten Banjar",
                f"{d.judul_angka_bps} dan register kesejahteraan sosial: beda ukuran, beda guna",
                sampel=False)
    pdf.subjudul(f"1. {d.judul_angka_bps} - kemiskinan kabupaten")
    pdf.kotak_angka([(f"P0 {d.tahun}", fmt.persen(b.p0)), ("Penduduk miskin", fmt.jiwa(b.penduduk_miskin)),
                     ("Garis kemiskinan (per kapita/bulan)", fmt.rupiah(b.garis_kemiskinan)),
                     ("Posisi di Kalimantan Selatan", b.peringkat_singkat if b.peringkat else b.peringkat_teks)])
    pdf.paragraf(f"{da.BPS_APA} {da.BPS_UNTUK}", 8.8, 4.2)
    pdf.paragraf(f"Jenis sumber: {_sumber_figur(d)}.", 8.2, 3.9)
    for t in (target_p0, target_ekstrem):
        if t is not None:
            pdf.paragraf(("Kemiskinan ekstrem: " if t.indikator == "p0_ekstrem" else "P0: ") + t.teks
                         + (f". {t.catatan_sumber}" if t.ada else "."), 8.6, 4.1)
    pdf.ln(1)
    pdf.subjudul("2. Register kesejahteraan sosial - sasaran bantuan (SIKS-NG: dikutip Kabid Dinsos)")
    utama = d.register_utama
    kotak = []
    if utama is not None:
        kotak.append((f"Satu Data {utama.tahun}", utama.teks))
    kotak += [(f"Satu Data {r.tahun}", r.teks) for r in d.register if r.kode == da.SATU_DATA and r is not utama]
    kotak += [(f"SIKS-NG {r.tahun} (Dinsos)", r.teks) for r in d.register if r.kode == da.SIKS_NG]
    kotak += [(f"P3KE {r.tahun}", r.teks) for r in d.register if r.kode == "p3ke_jiwa"]
    if kotak:
        pdf.kotak_angka(kotak[:5])
    else:
        pdf.paragraf("Belum ada angka register tingkat kabupaten di basis data.")
    pdf.paragraf(f"{da.REGISTER_APA} {da.REGISTER_UNTUK}", 8.8, 4.2)
    pdf.ln(1)
    pdf.subjudul("3. Mengapa berbeda")
    pdf.paragraf(d.mengapa_beda, 9, 4.4)
    if d.konflik:
        pdf.ln(1)
        pdf.subjudul("4. Konflik di angka register (apa adanya, belum diselesaikan sumbernya)")
        for k in d.konflik:
            if pdf.get_y() > BAWAH_ISI - 10:
                break
            pdf.paragraf(f"- {k}", 8.6, 4.1)
    sumber = ([keadaan] if keadaan else []) + [f"Susenas {d.tahun}: {_sumber_figur(d)}"]
    sumber += sorted({f"{r.nama}: {mutu_sumber.inti(r.sumber, 110)}" for r in d.register})
    pdf.kaki(sumber)
    return pdf.ke_bytes()
