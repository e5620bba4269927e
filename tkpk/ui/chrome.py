"""Page chrome: header, the sample-data banner, source captions. Every page uses these so they look alike."""

from __future__ import annotations

import streamlit as st

from tkpk import SAMPLE_SOURCE

LABEL_CONTOH = (
    f"⚠️ **{SAMPLE_SOURCE}**: angka tingkat kecamatan/desa dan data program di halaman ini adalah data contoh "
    "buatan untuk uji coba, bukan data resmi. Angka BPS tingkat kabupaten adalah data nyata dengan sumbernya."
)

CSS = """
<style>
/* Larger type for meeting rooms; high contrast. */
[data-testid="stMetricValue"] { font-size: 2.6rem; font-weight: 700; }
[data-testid="stMetricLabel"] p { font-size: 1.05rem; }
[data-testid="stCaptionContainer"] { color: #333333; }
</style>
"""


def halaman(judul: str, pertanyaan: str) -> None:
    """Title and the one question the page answers."""
    st.markdown(CSS, unsafe_allow_html=True)
    st.title(judul)
    st.markdown(f"*{pertanyaan}*")


def label_contoh(ada_contoh: bool = True) -> None:
    """The visible sample-data label, shown wherever sample rows are on screen."""
    if ada_contoh:
        st.warning(LABEL_CONTOH)


def sumber(teks: str) -> None:
    st.caption(f"Sumber: {teks}")


def belum_tersedia(fitur: str) -> None:
    st.info(f"Halaman ini belum dibangun: {fitur}. Isinya akan menyusul pada rilis berikutnya.")
