"""Unggah data: Unggah berkas CSV/XLSX dari OPD"""

import streamlit as st

from tkpk.ui import chrome, koneksi, masuk
from tkpk.ui.unggah import JENIS_LABEL, alur, templat

chrome.halaman("Unggah data", "Unggah berkas CSV/XLSX dari OPD")
if koneksi.hanya_baca():
    st.info(koneksi.PESAN_HANYA_BACA)
    st.stop()
oleh = masuk.gerbang("unggah")
if oleh is None:
    st.stop()

jenis = st.radio("Jenis data", list(JENIS_LABEL), format_func=JENIS_LABEL.__getitem__, key="jenis_unggah")
templat(jenis)
berkas = st.file_uploader(
    "Berkas CSV atau XLSX", type=["csv", "xlsx", "xls", "txt", "tsv"], key=f"berkas_{jenis}",
    help="Berkas dari Excel berbahasa Indonesia (pemisah ; dan desimal koma) diterima apa adanya.",
)
if berkas is None:
    st.caption("Belum ada berkas. Tidak ada yang disimpan sebelum Anda menekan **Simpan** setelah pratinjau.")
    st.stop()
alur(koneksi.conn(), oleh, jenis, berkas.getvalue(), berkas.name, f"{jenis}:{berkas.file_id}")
