"""Kinerja pilar: is each strategy delivering measurable output, spending its budget, and reaching the right places?"""

import streamlit as st

from tkpk import katalog
from tkpk.charts.pilar import batang_anggaran, garis_tahunan, titik_opd
from tkpk.pilar import kartu as pilar_kartu
from tkpk.pilar import tabel
from tkpk.pilar.halaman import halaman_pilar
from tkpk.ui import chrome
from tkpk.ui import rakor as ui_rakor
from tkpk.ui.cache import baca
from tkpk.ui.gambar import tombol_gambar
from tkpk.ui.grafik import spek, tampil_grafik
from tkpk.ui.pilar import tampil
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

# --- OPD scorecard ---
st.subheader("Kartu skor OPD")
chart_opd = spek(titik_opd, kartu.opd, kartu.aturan, besar=besar, sampel=kartu.sampel)
tampil_grafik(chart_opd, lebar="content")
tombol_gambar(chart_opd, f"{berkas}_opd", pilar_kartu.teks_sumber(kartu), kartu.sampel, key="gambar_opd")
tampil(h.opd, kartu, f"{berkas}_opd", key="unduh_opd")
tampil_grafik(spek(batang_anggaran, kartu.opd, besar=besar, sampel=kartu.sampel))

# --- plans against delivery (rencana aksi) ---
ui_rakor.bagian_rencana(pilar, tahun, opd, besar)

# --- programs and where they went ---
judul_opd = nama_opd[opd] if opd else "semua OPD"
st.subheader(f"Program ({judul_opd})")
tampil(h.program, kartu, f"{berkas}_program", key="unduh_program")
program = h.pilihan_program
if program:
    pilih = pilih_url("Lokasi program", list(program), "program", format_func=program.get,
                      key=f"url_program_{pilar}_{tahun}_{opd}")
    lokasi = h.lokasi[pilih]
    st.markdown(tabel.teks_lokasi(program[pilih], lokasi.df))
    tampil(lokasi, kartu, f"{berkas}_lokasi", key="unduh_lokasi", tinggi=min(420, 38 + 35 * len(lokasi.df)))

st.subheader(f"Kantong kemiskinan yang belum dijangkau pilar ini ({len(kartu.kantong_tanpa)})")
if kartu.kantong_tanpa.empty:
    st.markdown("Semua kantong kemiskinan menerima sedikitnya satu intervensi pilar ini.")
else:
    tampil(h.kantong_tanpa, kartu, f"pilar{pilar}_kantong_belum_dijangkau_{kartu.tahun}",
           key="unduh_kantong", tinggi=300)

# --- year over year ---
st.subheader(f"Perbandingan antartahun ({judul_opd})")
if kartu.perbandingan.empty:
    st.info("Belum ada laporan tahun lain untuk dibandingkan.")
else:
    tampil_grafik(spek(garis_tahunan, kartu.perbandingan, judul=f"Perbandingan antartahun: {judul_opd}",
                       besar=besar, sampel=kartu.sampel_perbandingan))
    tampil(h.perbandingan, kartu, f"pilar{pilar}_antartahun", key="unduh_tahunan",
           asal=pilar_kartu.teks_sumber_perbandingan(kartu), sampel=kartu.sampel_perbandingan)

# --- the rakor's view: award candidates of the pillar ---
ui_rakor.bagian_penghargaan(pilar, tahun)
