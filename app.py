"""Entry point: page config, navigation, and the store fingerprint of the run. Each page is a thin view in
``pages/``."""

import streamlit as st

from tkpk.ui.cache import satu_versi

st.set_page_config(
    page_title="Dasbor TKPK Kabupaten Banjar",
    page_icon="📊",
    layout="wide",
    initial_sidebar_state="expanded",
)

PAGES = [
    st.Page("pages/ringkasan.py", title="Ringkasan", icon=":material/home:", default=True, url_path="ringkasan"),
    st.Page("pages/tren.py", title="Tren kemiskinan", icon=":material/show_chart:", url_path="tren"),
    st.Page("pages/peta.py", title="Peta kantong kemiskinan", icon=":material/map:", url_path="peta"),
    st.Page("pages/pilar.py", title="Kinerja pilar", icon=":material/task_alt:", url_path="pilar"),
    st.Page("pages/presentasi.py", title="Presentasi rakor", icon=":material/slideshow:", url_path="presentasi"),
    st.Page("pages/tindak_lanjut.py", title="Tindak lanjut rakor", icon=":material/fact_check:",
            url_path="tindak-lanjut"),
    st.Page("pages/unggah.py", title="Unggah data", icon=":material/upload_file:", url_path="unggah"),
    st.Page("pages/riwayat.py", title="Riwayat data", icon=":material/history:", url_path="riwayat"),
]

# This script runs on every full rerun: the one place the store fingerprint is read for the page's cached calls
# (tkpk/ui/cache.py); a part of a page that reruns alone reads it itself (tkpk.ui.cache.fragmen).
with satu_versi():
    st.navigation(PAGES).run()
