"""Ringkasan: is poverty in Banjar going down, and how do we compare?"""

import streamlit as st

from tkpk import fmt
from tkpk.ringkasan import bps_seri, headline, tahun_tersedia
from tkpk.ui import chrome
from tkpk.ui.koneksi import conn
from tkpk.ui.widgets import pilih_url

chrome.halaman("Kemiskinan Kabupaten Banjar", "Apakah kemiskinan di Banjar turun, dan bagaimana posisinya di Kalsel?")

seri = bps_seri(conn())
years = tahun_tersedia(seri)
tahun = pilih_url("Tahun", years, "tahun", parse=int, where=st.sidebar)
h = headline(seri, tahun)

c1, c2, c3 = st.columns(3)
c1.metric(
    f"Persentase penduduk miskin (P0) {h.tahun}",
    fmt.persen(h.p0),
    # Streamlit reads the direction from a leading ASCII "-", so the delta is formatted for it here.
    delta=fmt.poin(h.perubahan_poin).replace("−", "-") if h.perubahan_poin is not None else None,
    delta_color="inverse",
)
c2.metric(f"Jumlah penduduk miskin {h.tahun}", fmt.jiwa(h.penduduk_miskin))
c3.metric(f"Garis kemiskinan {h.tahun}", fmt.rupiah(h.garis_kemiskinan) if h.garis_kemiskinan else fmt.TIDAK_ADA)
if h.perubahan_poin is not None:
    st.markdown(
        f"Dibanding {h.tahun_sebelumnya} ({fmt.persen(h.p0_sebelumnya)}): "
        f"**{'turun' if h.perubahan_poin < 0 else 'naik'} {fmt.angka(abs(h.perubahan_poin), 2)} poin**."
    )
if h.peringkat is not None:
    urutan = "terendah" if h.peringkat == 1 else f"ke-{h.peringkat} terendah"
    st.markdown(f"**{urutan}** dari {h.jumlah_pembanding} kab/kota di Kalimantan Selatan yang datanya tersedia.")
chrome.sumber(f"{h.sumber} (Susenas Maret {h.tahun})")
