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
# The batch list is public; a batch's raw rows are not: they hold desa counts before small-cell protection
# (tkpk.sel_kecil), so only a logged-in analyst sees them (and may roll a batch back).
oleh = masuk.pengguna()
if oleh is None:
    st.info("🔒 Baris data mentah setiap batch dan pembatalan batch hanya untuk analis yang masuk: baris mentah "
            "memuat jumlah kecil per desa yang di halaman lain ditulis \"< 5\".")
    with st.expander("Analis: masuk di sini"):
        oleh = masuk.gerbang("riwayat")
    if oleh is None:
        st.stop()
else:
    masuk.keluar_tombol("keluar_riwayat")
bid = lihat_baris(con, df)
if bid is None:
    st.stop()
if koneksi.hanya_baca():
    st.info(koneksi.PESAN_HANYA_BACA)
    st.stop()
form_batal(con, df, bid, oleh)
