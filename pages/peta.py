"""Peta kantong kemiskinan: where are the pockets, why, and are the programs reaching them?"""

import streamlit as st

from tkpk import katalog
from tkpk.charts import peta as cp
from tkpk.charts.peta_halaman import peta_siap, sasaran_siap
from tkpk.peta import data as peta
from tkpk.peta import pilihan as pl
from tkpk.peta import tabel as pt
from tkpk.peta import teks as tx
from tkpk.peta.kantong import AturanMoran, deskripsi_aturan
from tkpk.ui import chrome
from tkpk.ui import peta as ui
from tkpk.ui.aman import tabel as tabel_aman
from tkpk.ui.cache import baca, baca_bersama
from tkpk.ui.grafik import spek, tampil_grafik
from tkpk.ui.unduhan import tabel_angka, tombol_unduh
from tkpk.ui.widgets import pilih_url

chrome.halaman("Peta kantong kemiskinan", "Di mana kantong kemiskinan, mengapa, dan apakah program menjangkaunya?")
besar = chrome.mode_presentasi()

# --- widgets (state in the URL) ---
semua_tahun = baca(peta.tahun_tersedia)
if not semua_tahun:
    st.info("Belum ada data indikator kecamatan/desa di basis data. Unggah data di halaman Unggah data.")
    st.stop()
p = ui.pilihan(semua_tahun)
tingkat, tahun, aturan = p.tingkat, p.tahun, p.aturan
ind = katalog.INDIKATOR_BY_KODE[p.indikator]
m = baca(peta_siap, tingkat, tahun, p.indikator, p.skema, p.k, p.ambang, aturan, p.kolom_jumlah)
hasil = baca(peta.hitung_kantong, tingkat, tahun, aturan)
wil = baca(peta.wilayah)
tempat = ui.tempat_terpilih(set(wil["kode"]))
n_k = len(hasil.kode_kantong)
geo = baca_bersama(peta.geometri, tingkat)  # both maps' shapes, and the kecamatan names and outlines over desa
label_kec, garis_kec = ui.orientasi(tingkat)

# One section drawn at a time, its tab in the URL (?bagian=): at first sight the map and the profile (issue 17).
tab_peta, tab_kantong, tab_sasaran = st.tabs(list(tx.BAGIAN), key="bagian", bind="query-params")
# --- 1. the map, and the profile of the selected place ---
if tab_peta.open:
    with tab_peta:
        st.header(f"{ind.nama} per {tingkat}, {tahun}")
        chrome.label_contoh(m.sampel)
        ui.keterangan(tx.keterangan_indikator(p.indikator),
                      tx.TEKS_SEL_KECIL if m.nilai["samar"].ne("").any() else None, tx.keterangan_ukuran(p.indikator))
        if p.galat_ambang:
            st.error(tx.galat_ambang(p.galat_ambang))
        lapisan_idm, data_idm = ui.lapisan_idm(p.idm)
        grafik = spek(
            cp.peta_koroplet, geo.fitur_dengan(m.props), m.kelas, judul=f"{ind.nama}, {tahun}",
            judul_legenda=katalog.judul_legenda(p.indikator), subjudul=tx.subjudul_peta(n_k, data_idm),
            desa=tingkat == "desa", titik_label=label_kec, garis_kecamatan=garis_kec, idm=lapisan_idm,
            kode_terpilih=tempat or None, besar=besar, tinggi=700 if besar else 540,
            lebar=1100 if besar else "container", sampel=m.sampel)
        kiri, kanan = st.columns([3, 2]) if not besar else (st.container(), st.container())
        with kiri:
            tampil_grafik(grafik, key=ui.KEY_PETA, pilihan=[cp.PILIH])
            chrome.sumber(tx.sumber_peta(m.nilai, m.kelas))
            ui.keterangan(m.kelas.catatan, data_idm.keterangan if data_idm is not None else None)
        with kanan:
            ui.profil(p, hasil, wil, besar)

# --- 2. pockets ---
if tab_kantong.open:
    with tab_kantong:
        st.header(tx.judul_kantong(tahun, n_k, tingkat))
        chrome.label_contoh(m.sampel)
        if uji := tx.teks_uji(aturan, hasil, tingkat):
            st.markdown(uji)
        st.markdown(deskripsi_aturan(aturan, hasil))
        st.caption(tx.teks_bawaan(pl.jumlah_wilayah(wil["kode"])))
        ui.keterangan(hasil.catatan)
        if n_k == 0:
            st.info(tx.teks_tanpa_kantong(tingkat, tahun))
        tabel = baca(pt.tabel_kantong_halaman, tingkat, tahun, aturan)
        if n_k:
            tabel_angka(tabel.kantong.drop(columns=["Kode"]), pt.format_kantong())
        if isinstance(aturan, AturanMoran):
            with st.expander("Nilai p semua wilayah (Local Moran's I)", expanded=False):
                tabel_angka(tabel.semua.drop(columns=["Kode"]), pt.format_kantong())
        chrome.sumber(tx.ASAL_KANTONG, sampel=m.sampel)
        tombol_unduh(tabel.semua, f"kantong_{tingkat}_{tahun}", key="unduh_kantong", sampel=m.sampel,
                     asal=tx.ASAL_KANTONG)
        tampil_grafik(spek(cp.kuadran, m.kuadran,
                           ambang_persen=hasil.ambang_persen, ambang_jumlah=hasil.ambang_jumlah,
                           judul_x=katalog.INDIKATOR_BY_KODE[p.kolom_persen].nama + " (%)",
                           judul_y=katalog.INDIKATOR_BY_KODE[p.kolom_jumlah].nama, besar=besar, sampel=m.sampel,
                           satuan_jumlah=katalog.INDIKATOR_BY_KODE[p.kolom_jumlah].satuan))
        ui.perubahan(p, tabel)

# --- 3. tepat sasaran ---
if tab_sasaran.open:
    with tab_sasaran:
        st.header(f"Tepat sasaran {tahun}: apakah program menjangkau kantong?")
        chrome.label_contoh(m.sampel)
        satuan = pilih_url("Kebutuhan diukur dalam", list(ui.NAMA_SATUAN), "satuan", format_func=ui.NAMA_SATUAN.get)
        r = baca(sasaran_siap, tingkat, tahun, satuan, p.indikator, aturan)
        s = r.sasaran
        tabel_s = baca(pt.tabel_sasaran_halaman, tingkat, tahun, aturan, satuan)
        jenis, teks = tx.pesan_sasaran(s, peta.ada_laporan(s), n_k, len(tabel_s.tersentuh), tahun)
        ui.pesan(jenis, teks)
        if jenis == "error":
            tabel_aman(tabel_s.tersentuh.drop(columns=["Kode"]), hide_index=True)
        with st.expander("Cara menghitung", expanded=False):
            st.markdown(s.deskripsi())
        tampil_grafik(spek(
            cp.peta_koroplet, geo.fitur_dengan(r.props), r.kelas,
            judul=s.label_rasio, judul_legenda=s.label_rasio,
            subjudul="Lebih gelap = lebih sedikit intervensi per kebutuhan. Garis hitam: kantong.",
            desa=tingkat == "desa", titik_label=label_kec, garis_kecamatan=garis_kec, pilih=False, besar=besar,
            tinggi=560, sampel=m.sampel))
        ts = tabel_s.sasaran
        tabel_angka(ts.drop(columns=["Kode"]), pt.format_sasaran(ts))
        ui.keterangan(tx.teks_tidak_terpetakan(s))
        chrome.sumber(tx.ASAL_SASARAN, sampel=m.sampel)
        tombol_unduh(ts, f"tepat_sasaran_{tingkat}_{tahun}_{satuan}", key="unduh_sasaran", sampel=m.sampel,
                     asal=tx.ASAL_SASARAN_UNDUH)
