"""Drawing helpers of the pillar page: its tables, and the sections of its tabs below the headline strip."""

from __future__ import annotations

from datetime import date

import streamlit as st

from tkpk import SUMBER_CONTOH, katalog
from tkpk.charts.pilar import batang_anggaran, garis_tahunan, titik_opd
from tkpk.charts.rencana import rencana_vs_laporan
from tkpk.pilar import kartu as pilar_kartu
from tkpk.pilar import tabel
from tkpk.pilar.halaman import HalamanAntartahun, HalamanPilar
from tkpk.pilar.kartu import KartuSkor
from tkpk.pilar.tabel import Tabel
from tkpk.rakor import penghargaan as ph
from tkpk.rakor import rencana as rc
from tkpk.rakor.periode import BATAS_LAPOR_HARI
from tkpk.rakor.pilar import kandidat_penghargaan, rencana_pilar
from tkpk.ui import aman, chrome
from tkpk.ui.cache import baca
from tkpk.ui.gambar import tombol_gambar
from tkpk.ui.grafik import spek, tampil_grafik
from tkpk.ui.unduhan import tabel_angka, tombol_unduh
from tkpk.ui.widgets import kotak_malas, pilih_url

JUDUL_SKOR = "Grafik serapan anggaran dan capaian output per OPD"
KUNCI_SKOR = "buka_grafik_skor"
JUDUL_ANGGARAN = "Grafik pagu dan realisasi per OPD"
KUNCI_ANGGARAN = "buka_grafik_anggaran"
# under the projector's short scorecard: where the columns it leaves out are
KOLOM_LENGKAP = chrome.kolom_lengkap("laporan, program, realisasi, penerima, lokasi, nama lengkap dan kode OPD")
# numbers in a static table as in the grid: right-aligned (Streamlit writes "text-align: left" on every cell), never
# broken inside ("Rp22.157.000.000")
ANGKA_STATIS = {"text-align": "right !important", "white-space": "nowrap"}
# a narrower cell padding than Streamlit's, so the scorecard's 13 columns fit the page at 1600 px without a
# horizontal scroll region (one a keyboard cannot reach: axe ``scrollable-region-focusable``)
SEL_STATIS = {"padding": "0.375rem 0.4rem !important"}


def tampil(t: Tabel, kartu: KartuSkor, nama: str, key: str, tinggi: int | None = None,
           asal: str | None = None, sampel: bool | None = None) -> None:
    """A table whose status column is coloured, with its source caption and CSV/XLSX buttons beneath."""
    df = t.df
    konfigurasi = {tabel.PROFIL: st.column_config.LinkColumn(tabel.PROFIL, display_text="Buka profil →")}
    tabel_angka(df, t.format, css=(tabel.STATUS, tabel.css_status) if tabel.STATUS in df.columns
                else None, column_config=konfigurasi, placeholder="–", **({"height": tinggi} if tinggi else {}))
    asal = asal or pilar_kartu.teks_sumber(kartu)
    chrome.sumber(asal)
    tombol_unduh(df, nama, key=key, sampel=kartu.sampel if sampel is None else sampel, asal=asal)


def tabel_statis(t: Tabel, tautan: dict[str, list[str | None]] | None = None) -> None:
    """``t`` as a static HTML table: cells in their id-ID formats, every header and cell escaped (``st.table``
    reads cells as Markdown), a missing value "–", the status column with its band's colour
    (:func:`tkpk.pilar.tabel.css_status_statis`). ``tautan``: per column, a link for each row (None: none), the
    cell's text its label.

    Why not the grid (:func:`tampil`): the scorecard table is a handful of OPD rows under the first tab, and the
    grid cost every first visit about 1,2 MB of JavaScript (grid, Arrow formatting, JSON viewer) and a canvas
    before the page was complete (issue 17); a real table draws at once and a screen reader reads it cell by cell."""
    df = t.df
    gaya = aman.teks_tabel(df, t.format, tautan).style.set_properties(**SEL_STATIS)
    gaya = gaya.set_properties(subset=[aman.md(c) for c in t.format], **ANGKA_STATIS)
    gaya = gaya.set_table_styles([{"selector": "th", "props": list(SEL_STATIS.items())}])
    if tabel.STATUS in df.columns:
        gaya = gaya.map(tabel.css_status_statis, subset=[aman.md(tabel.STATUS)])
    st.table(gaya, hide_index=True)


def bagian_skor(h: HalamanPilar, berkas: str, besar: bool) -> None:
    """The OPD scorecard: serapan against capaian per OPD, its table, and the budget per OPD."""
    kartu = h.kartu
    st.subheader("Kartu skor OPD")
    # The scatter says what the table's Status, Serapan and Capaian columns say, against the threshold lines: on
    # the projector it is drawn at once (the room reads it), on a desk it is drawn when its box is opened, since it
    # was the page's costliest part at first sight (two panels of five layers, ~1.000 SVG nodes; issue 17)
    if besar:
        _grafik_skor(kartu, berkas, besar)
    elif (grafik := kotak_malas(JUDUL_SKOR, KUNCI_SKOR, icon=":material/scatter_plot:")) is not None:
        with grafik:
            _grafik_skor(kartu, berkas, besar)
    # the scorecard's numbers as a static table (tabel_statis: why), its source and downloads beneath. Each OPD's
    # name links to this page for that OPD: focusable content, so a keyboard reaches the table where it is wider
    # than the page (axe ``scrollable-region-focusable``)
    tautan = chrome.dengan_mode([tabel.tautan_opd(kartu.pilar.kode, kartu.tahun, kartu.triwulan, k)
                                 for k in h.opd.df["Kode OPD"]])
    tabel_statis(tabel.untuk_proyektor(h.opd) if besar else h.opd, {"OPD": tautan})
    asal = pilar_kartu.teks_sumber(kartu)
    chrome.sumber(asal)
    if besar:
        st.caption(KOLOM_LENGKAP)
    tombol_unduh(h.opd.df, f"{berkas}_opd", key="unduh_opd", sampel=kartu.sampel, asal=asal)
    # the budget bars repeat the table's Pagu and Realisasi columns: drawn only while opened, so the first sight
    # lays out one Vega view fewer
    if (anggaran := kotak_malas(JUDUL_ANGGARAN, KUNCI_ANGGARAN, icon=":material/bar_chart:")) is not None:
        with anggaran:
            tampil_grafik(spek(batang_anggaran, kartu.opd, besar=besar, sampel=kartu.sampel))


def _grafik_skor(kartu: KartuSkor, berkas: str, besar: bool) -> None:
    chart_opd = spek(titik_opd, kartu.opd, kartu.aturan, besar=besar, sampel=kartu.sampel)
    tampil_grafik(chart_opd, lebar="content")
    tombol_gambar(chart_opd, f"{berkas}_opd", pilar_kartu.teks_sumber(kartu), kartu.sampel, key="gambar_opd")


def bagian_program(h: HalamanPilar, berkas: str, judul_opd: str, kunci: str) -> None:
    """The programs, where the chosen one went, and the pockets the pillar has not reached."""
    kartu = h.kartu
    st.subheader(f"Program ({judul_opd})")
    tampil(h.program, kartu, f"{berkas}_program", key="unduh_program")
    program = h.pilihan_program
    if program:
        pilih = pilih_url("Lokasi program", list(program), "program", format_func=program.get,
                          key=f"url_program_{kunci}")
        lokasi = h.lokasi[pilih]
        st.markdown(tabel.teks_lokasi(program[pilih], lokasi.df))
        tampil(lokasi, kartu, f"{berkas}_lokasi", key="unduh_lokasi", tinggi=min(420, 38 + 35 * len(lokasi.df)))
    st.subheader(f"Kantong kemiskinan yang belum dijangkau pilar ini ({len(kartu.kantong_tanpa)})")
    if kartu.kantong_tanpa.empty:
        st.markdown("Semua kantong kemiskinan menerima sedikitnya satu intervensi pilar ini.")
    else:
        tampil(h.kantong_tanpa, kartu, f"pilar{kartu.pilar.kode}_kantong_belum_dijangkau_{kartu.tahun}",
               key="unduh_kantong", tinggi=300)


def bagian_antartahun(h: HalamanAntartahun, kartu: KartuSkor, judul_opd: str, besar: bool) -> None:
    """The pillar (or the chosen OPD) year by year."""
    a = h.antartahun
    st.subheader(f"Perbandingan antartahun ({judul_opd})")
    if a.perbandingan.empty:
        st.info("Belum ada laporan tahun lain untuk dibandingkan.")
        return
    tampil_grafik(spek(garis_tahunan, a.perbandingan, judul=f"Perbandingan antartahun: {judul_opd}",
                       besar=besar, sampel=a.sampel_perbandingan))
    nama = f"pilar{a.pilar}_antartahun" + (f"_{a.opd_fokus}" if a.opd_fokus else "")   # whose years the file holds
    tampil(h.tabel, kartu, nama, key="unduh_tahunan",
           asal=pilar_kartu.teks_sumber_perbandingan(a), sampel=a.sampel_perbandingan)


def bagian_rencana(pilar: int, tahun: int, opd: str | None, besar: bool) -> None:
    """Kinerja pilar's "Rencana aksi dan laporan": plans of the pillar against reports, per quarter, and for a
    chosen OPD the chart of plan against delivery."""
    r = baca(rencana_pilar, pilar, tahun, opd, hari_ini=date.today())
    st.subheader(f"Rencana aksi dan laporan {tahun}")
    st.markdown(f"**{r.teks()}** Sel triwulan: *capaian laporan / rencana*, kumulatif s.d. triwulan itu.")
    if not r.ada:
        st.caption("Rencana aksi diunggah analis dengan jenis data `rencana` (halaman Unggah data).")
        return
    t = r.layar
    tabel_angka(t.df, t.format, placeholder="–")
    st.caption(f"Sumber: {r.teks_sumber()} " + rencana_aturan())
    tombol_unduh(t.df, f"rencana_pilar{pilar}_{tahun}", key="unduh_rencana", sampel=r.sampel,
                 asal="rencana aksi dan laporan intervensi OPD")
    if opd:
        nama = katalog.OPD_BY_KODE[opd].nama_singkat
        tampil_grafik(spek(rencana_vs_laporan, r.tabel, judul=f"{nama}: rencana aksi dan laporan {tahun}",
                           besar=besar, sampel=r.sampel))


def rencana_aturan() -> str:
    return ("Status: tercapai = capaian ≥ rencana tahun; sesuai rencana / tertinggal = dibanding rencana s.d. "
            f"triwulan terakhir yang dilaporkan; {rc.LABEL_STATUS[rc.TERLAMBAT_LAPOR]} TWn = sesuai rencana s.d. "
            "laporan terakhir, tetapi batas lapor triwulan n sudah lewat tanpa laporan (tertinggal ditandai sama); "
            "tidak tercapai = laporan akhir tahun di bawah rencana, atau batas "
            f"lapor triwulan 4 ({BATAS_LAPOR_HARI} Januari tahun berikutnya) sudah lewat tanpa mencapai rencana "
            "(dengan triwulan terakhir yang dilaporkan bila OPD berhenti melapor); "
            f"{rc.LABEL_STATUS[rc.BELUM]} = belum ada laporan sama sekali; {rc.LABEL_STATUS[rc.TIDAK_MELAPOR]} = "
            "tanpa laporan sampai batas lapor triwulan 4 lewat. Triwulan sesudah laporan terakhir OPD untuk program "
            "itu ditulis \"–\" (belum dilaporkan, bukan nol).")


def bagian_penghargaan(pilar: int, tahun: int) -> None:
    """Kinerja pilar's "Kandidat penghargaan": the OPDs of the pillar ranked, the weights beside the table."""
    p = baca(kandidat_penghargaan, pilar, tahun, hari_ini=date.today())
    st.subheader(f"Kandidat penghargaan pilar {pilar}, {tahun}")
    if p.sampel:
        st.warning(f"⚠️ **{SUMBER_CONTOH}**: peringkat ini dihitung dari data contoh, bukan data resmi.")
    st.markdown(f"**Bobot:** {ph.teks_bobot(p.tanpa_kantong)}. Setiap komponen persen dibatasi 100. Komponen "
                "yang tidak ada angkanya tidak dinilai dan bobot komponen lain diperbesar; OPD yang belum melapor "
                "tidak diperingkat. Ketepatan lapor: bagian periode (triwulan) yang batas lapornya sudah lewat, yang "
                "laporannya masuk paling lambat "
                f"{ph.BATAS_LAPOR_HARI} hari setelah periode berakhir; waktu masuk = waktu unggah batch pertama "
                "yang memuat periode itu (bukan tanggal surat OPD). Periode yang tidak dilaporkan dihitung tidak "
                "tepat waktu; laporan tahunan dihitung sebagai triwulan 4.")
    st.markdown(f"**Target capaian output:** {ph.ACUAN_CAPAIAN}")
    if p.sekaligus:
        st.info("Laporan tahun ini dimuat sekaligus dalam satu batch, sehingga ketepatan lapor tidak dapat dinilai.")
    t = p.layar
    tabel_angka(t.df, t.format, placeholder="–")
    tombol_unduh(t.df, f"kandidat_penghargaan_pilar{pilar}_{tahun}", key="unduh_penghargaan",
                 sampel=p.sampel, asal="skor OPD halaman Kinerja pilar; bobot " + ph.teks_bobot(p.tanpa_kantong))
