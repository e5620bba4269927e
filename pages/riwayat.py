"""Riwayat data: Siapa memuat data apa, kapan?"""

import streamlit as st

from tkpk.ui import chrome, koneksi, masuk
from tkpk.ui.riwayat import catatan_batal, daftar, form_batal, lihat_baris

chrome.halaman("Riwayat data", "Siapa memuat data apa, kapan?")
con = koneksi.conn()
catatan_batal(con)
df = daftar(con)
if df.empty:
    st.stop()
bid = lihat_baris(con, df)
if bid is None:
    st.stop()
if koneksi.hanya_baca():
    st.info(koneksi.PESAN_HANYA_BACA)
    st.stop()
oleh = masuk.pengguna()
if oleh is None:
    with st.expander("🔒 Pembatalan batch hanya untuk analis — masuk di sini"):
        oleh = masuk.gerbang("riwayat")
else:
    masuk.keluar_tombol("keluar_riwayat")
if oleh is not None:
    form_batal(con, df, bid, oleh)
