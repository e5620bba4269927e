"""Tindak lanjut rakor: what did the meetings decide, and what has become of it?"""

from datetime import date

import streamlit as st

from tkpk.rakor import keputusan as kp
from tkpk.rakor import saran, tabel
from tkpk.rakor.bahan import bahan_rakor, judul_rakor
from tkpk.ui import chrome, masuk
from tkpk.ui import rakor as ui
from tkpk.ui.aman import md
from tkpk.ui.cache import baca
from tkpk.ui.widgets import pilih_url

chrome.halaman("Tindak lanjut rakor", "Apa yang diputuskan rakor, dan sudah sejauh mana dijalankan?")
besar = chrome.mode_presentasi()
oleh = masuk.pengguna()
menulis = ui.bisa_menulis(oleh)

daftar = baca(kp.daftar_rakor)
if daftar.empty:
    st.info("Belum ada rakor tercatat. Analis yang masuk dapat mencatat rakor baru di bawah.")
else:
    nama = {int(r.rakor_id): judul_rakor(r._asdict()) for r in daftar.itertuples(index=False)}
    rakor_id = pilih_url("Rakor", list(nama), "rakor", format_func=nama.get, parse=int, where=st.sidebar)
    b = baca(bahan_rakor, rakor_id, hari_ini=date.today())
    chrome.label_contoh(b.sampel)
    ui.peringatan_tertunda()

    st.header(f"Tindak lanjut rakor sebelumnya: {md(judul_rakor(b.sebelumnya))}" if b.sebelumnya is not None
              else "Tindak lanjut rakor sebelumnya")
    if b.sebelumnya is None:
        st.info("Rakor ini adalah rakor pertama yang tercatat; belum ada keputusan sebelumnya untuk ditindaklanjuti.")
    else:
        st.markdown(f"**{tabel.ringkas(b.tindak_lanjut)}**")
        ui.daftar_keputusan(b.tindak_lanjut, dengan_saran=True, key="tindak_lanjut_rakor")
        st.caption(saran.ATURAN_SARAN)
        if menulis:
            with st.expander("Perbarui status keputusan rakor sebelumnya", expanded=False):
                ui.form_perbarui(b.tindak_lanjut, oleh, key="tl_sebelum", dengan_saran=True)
        ui.riwayat(b.tindak_lanjut, key="tl_sebelum")

    st.header(f"Keputusan {md(judul_rakor(b.sekarang))}")
    st.markdown(f"**{tabel.ringkas(b.keputusan)}**")
    ui.daftar_keputusan(b.keputusan, key="keputusan_rakor")
    if menulis:
        with st.expander("Catat keputusan baru", expanded=b.keputusan.empty):
            ui.form_keputusan(b.sekarang, oleh, key="kep_baru", besar=besar)
        if not b.keputusan.empty:
            with st.expander("Perbarui status keputusan"):
                ui.form_perbarui(b.keputusan, oleh, key="kep_ini")
    ui.riwayat(b.keputusan, key="kep_ini")
    if menulis:
        with st.expander("Koreksi: ubah atau tarik keputusan dan rakor", icon=":material/edit:"):
            ui.koreksi(b, oleh)

st.divider()
if menulis:
    with st.expander("Catat rakor baru"):
        ui.form_rakor_baru(oleh)
elif oleh is None:
    with st.expander("Mencatat rakor dan keputusan hanya untuk analis — masuk di sini", icon=":material/lock:"):
        masuk.gerbang("tindak_lanjut")
