"""Kinerja pilar: is each strategy delivering measurable output, spending its budget, and reaching the right places?"""

import streamlit as st

from tkpk import katalog
from tkpk.pilar import kartu as pilar_kartu
from tkpk.pilar import tabel
from tkpk.pilar.halaman import halaman_antartahun, halaman_pilar
from tkpk.ui import chrome
from tkpk.ui import pilar as ui_pilar
from tkpk.ui.cache import baca
from tkpk.ui.widgets import pilih_url

chrome.halaman("Kinerja pilar", "Apakah setiap strategi menghasilkan output yang jelas, terukur dan tepat sasaran?")
besar = chrome.mode_presentasi()


# --- widgets (state in the URL) ---
periode = baca(pilar_kartu.pilihan_periode)
nama_pilar = {p.kode: f"{p.kode}. {p.nama}" for p in katalog.PILAR}
pilar = pilih_url("Pilar", list(nama_pilar), "pilar", format_func=nama_pilar.get, parse=int, where=st.sidebar)
if not periode:
    st.info("Belum ada laporan program/intervensi di basis data. Unggah data OPD di halaman Unggah data.")
    st.stop()
tahun = pilih_url("Tahun", sorted(periode, reverse=True), "tahun", parse=int, where=st.sidebar)
triwulan = None
if periode[tahun]:
    pilihan_tw = [0, *periode[tahun]]
    tw = pilih_url("Periode", pilihan_tw, "triwulan", parse=int, where=st.sidebar, key=f"url_triwulan_{tahun}",
                   format_func=tabel.nama_periode)
    triwulan = tw or None
opd_pilar = pilar_kartu.opd_pilar(pilar)
nama_opd = {"": "Semua OPD pilar ini", **{o.kode: o.nama_singkat for o in opd_pilar}}
opd = pilih_url("OPD (rincian dan perbandingan)", list(nama_opd), "opd", format_func=nama_opd.get,
                where=st.sidebar, key=f"url_opd_{pilar}") or None

h = baca(halaman_pilar, pilar, tahun, triwulan, opd)
kartu, t = h.kartu, h.teks
berkas = f"pilar{pilar}_{kartu.periode.replace(' ', '_')}"

# --- headline strip ---
st.header(f"Pilar {pilar}: {kartu.pilar.nama} — {kartu.periode}")
chrome.label_contoh(kartu.sampel)
st.markdown(f"### Status pilar: {t['status']} — {t['status_angka']}")
k1, k2, k3 = st.columns(3)
k1.metric("Pagu", t["pagu"], help="Jumlah pagu semua baris program pilar ini pada periode ini.")
k1.caption(t["pagu_penuh"])
k2.metric("Realisasi", t["realisasi"])
k2.caption(t["realisasi_penuh"])
k3.metric("Serapan anggaran", t["serapan"], help="Realisasi ÷ pagu.")
k4, k5, k6, k7 = st.columns(4)
k4.metric("Capaian output", t["capaian"], help="Rata-rata capaian program dibobot pagu (lihat aturan status).")
k5.markdown("**Penerima manfaat / target**")
k5.markdown(t["penerima"], help="Dijumlahkan per satuan (KK, jiwa, unit, dokumen …), tidak pernah antarsatuan; "
            "kegiatan se-kabupaten dihitung terpisah. Program tanpa satuan penerima tidak dijumlahkan.")
k6.metric("OPD melapor", t["opd"])
k7.metric("Tepat sasaran", t["tepat"], help="Bagian lokasi intervensi yang berada di kantong kemiskinan.")
k7.caption(t["tepat_keterangan"])

if not kartu.belum_melapor.empty:
    st.error(f"**Belum melapor untuk {kartu.periode}:** {tabel.teks_belum_melapor(kartu)}. Laporan yang tidak "
             "masuk adalah temuan tersendiri.")
st.caption("Penerima dan capaian output dalam satuan orang/KK sebesar 1–4 per desa/kecamatan ditulis \"< 5\"; "
           "sel pelengkap ditulis \"disamarkan\", agar total dikurangi bagian lain tidak membukanya.")
with st.expander("Aturan status (lampu) dan tepat sasaran", expanded=not besar):
    st.markdown(kartu.aturan.deskripsi())
    st.markdown(f"**Tepat sasaran** — kantong kemiskinan {kartu.tahun}: {kartu.kantong.aturan}.")
    st.markdown(kartu.kantong.deskripsi)

if not kartu.ada_data:
    st.info(f"Belum ada laporan program untuk pilar ini pada {kartu.periode}.")
    st.stop()

# --- the sections, one drawn at a time, its tab in the URL (?bagian=): at first sight the browser lays out the
# headline strip and the scorecard, not every grid and chart of the page (issue 17) ---
judul_opd = nama_opd[opd] if opd else "semua OPD"
skor, rencana, program, antartahun, penghargaan = st.tabs(list(tabel.BAGIAN), key="bagian", bind="query-params")
if skor.open:
    with skor:
        ui_pilar.bagian_skor(h, berkas, besar)
if rencana.open:
    with rencana:
        ui_pilar.bagian_rencana(pilar, tahun, opd, besar)
if program.open:
    with program:
        ui_pilar.bagian_program(h, berkas, judul_opd, kunci=f"{pilar}_{tahun}_{opd}")
if antartahun.open:
    with antartahun:
        ui_pilar.bagian_antartahun(baca(halaman_antartahun, pilar, opd), kartu, judul_opd, besar)
if penghargaan.open:
    with penghargaan:
        ui_pilar.bagian_penghargaan(pilar, tahun)
