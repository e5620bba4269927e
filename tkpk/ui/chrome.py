"""Page chrome: header, projector mode, the sample-data banner, source captions. Every page uses these."""

from __future__ import annotations

import altair as alt
import streamlit as st

from tkpk import SUMBER_CONTOH
from tkpk.label import akhiran_contoh
from tkpk.teks_aman import md

# Altair's debug mode validates every chart object again at each construction step (each .configure_*, each
# layer): about 2 s per map rerun for 290 desa outlines. Streamlit still validates the finished spec once when it
# draws it, and the chart builders' unit tests validate every spec, so the app skips only the repeats.
alt.utils.schemapi.disable_debug_mode()

LABEL_CONTOH = (
    f"⚠️ **{SUMBER_CONTOH}**: angka tingkat kecamatan/desa dan data program di halaman ini adalah data contoh "
    "buatan untuk uji coba, bukan data resmi. Angka BPS tingkat kabupaten adalah data nyata dengan sumbernya."
)
PARAM_MODE = "mode"
MODE_PRESENTASI = "presentasi"

# A headline number is never cut: Streamlit ellipsizes a metric wider than its column, and a projector at 1280×720
# showed "14.461…" for the poor on the Ringkasan page and "Rp8,6 mi…" for a pillar's budget. The value (and its
# label) wraps at its spaces instead, never inside a number, and its size follows the column's width (19 % of it:
# "Rp589.164" fits a quarter of a 1024 px projector) up to the mode's size. `min()` below is this width cap.
CSS_METRIK = """
[data-testid="stMetric"] { container-type: inline-size; }
[data-testid="stMetricValue"] *, [data-testid="stMetricLabel"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
  overflow-wrap: normal !important; word-break: normal !important; }
"""

CSS_DASAR = """
<style>
""" + CSS_METRIK + """
[data-testid="stMetricValue"] p { font-size: min(2.6rem, 19cqi); font-weight: 700; }
[data-testid="stMetricLabel"] p { font-size: 1.05rem; }
/* a page's sections (tabs) read as its table of contents, not as fine print */
[data-testid="stTabs"] button[role="tab"] p { font-size: 1.1rem; }
/* Streamlit draws captions at opacity 0.6: #333 came out as #858585 on white (3.7:1, under WCAG AA's 4.5:1).
   Opaque #555555 keeps captions a step lighter than body text at 7.5:1. */
[data-testid="stCaptionContainer"] { opacity: 1; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { color: #555555; }
/* A laptop screen (1280 px with the sidebar open) left the page 760 px between Streamlit's 5rem side margins: the
   ten columns of the rakor decisions were wider than that, and their box scrolled sideways with nothing focusable
   in it, out of a keyboard's reach (axe scrollable-region-focusable, serious); at 1600 px the OPD scorecard's last
   columns were cut the same way (pillar 2's up to 1760 px). Narrower margins up to there give the tables and
   charts that room back. */
@media (max-width: 1799px) {
  .block-container { padding-left: 1.5rem; padding-right: 1.5rem; }
}
</style>
"""

# Projector: no sidebar or toolbar, body type >= 24 px, headline numbers 72 px where their column has room (at
# least 64 px in a column of 340 px or more; see CSS_METRIK), black on white.
CSS_PRESENTASI = """
<style>
""" + CSS_METRIK + """
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stToolbar"],
[data-testid="stHeader"], [data-testid="stDecoration"] { display: none !important; }
.stApp, .stApp p, .stApp li, .stApp label, .stApp td, .stApp th { font-size: 24px !important; color: #000000; }
.stApp h1 { font-size: 52px !important; }
.stApp h2 { font-size: 40px !important; }
.stApp h3 { font-size: 32px !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] div,
[data-testid="stMetricValue"] p { font-size: min(72px, 19cqi) !important; font-weight: 800; line-height: 1.1; }
[data-testid="stMetricLabel"] p { font-size: 26px !important; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p,
[data-testid="stCaptionContainer"] a { font-size: 20px !important; color: #111111 !important; }
[data-testid="stCaptionContainer"] { opacity: 1 !important; }
.block-container { padding-top: 1.2rem !important; max-width: 100% !important; }
/* a 1024 or 1280 px projector: the page's width for its numbers and charts, not 5rem margins (as CSS_DASAR) */
@media (max-width: 1799px) {
  .block-container { padding-left: 1.5rem !important; padding-right: 1.5rem !important; }
}
</style>
"""


def mode_presentasi() -> bool:
    """Projector mode is a URL state (``?mode=presentasi``) so a link opens straight into it."""
    return st.query_params.get(PARAM_MODE) == MODE_PRESENTASI


def kolom_lengkap(lain: str) -> str:
    """The caption under a table cut for the projector, naming the columns it leaves out (``lain``): the desk view
    and the download keep them, and the room should know the table is not all there is."""
    return (f"Di layar proyektor tabel ini memuat kolom utama saja. Kolom lengkap ({lain}) ada di mode biasa dan di "
            "berkas unduhan.")


def dengan_mode(tautan: list[str | None]) -> list[str | None]:
    """Links within the app, kept in projector mode when the page is in it: a link followed at a rakor must not
    open the next page with the sidebar and desk-sized type."""
    if not mode_presentasi():
        return tautan
    return [f"{u}{'&' if '?' in u else '?'}{PARAM_MODE}={MODE_PRESENTASI}" if u else u for u in tautan]


def halaman(judul: str, pertanyaan: str) -> None:
    """Title, the one question the page answers, and the projector-mode switch."""
    presentasi = mode_presentasi()
    st.markdown(CSS_PRESENTASI if presentasi else CSS_DASAR, unsafe_allow_html=True)
    if not presentasi:
        aktif = st.sidebar.toggle("Mode presentasi (proyektor)", value=False, key="toggle_presentasi",
                                  help="Huruf besar, tanpa menu samping. Keluar: hapus ?mode=presentasi dari alamat.")
        if aktif:
            st.query_params[PARAM_MODE] = MODE_PRESENTASI
            st.rerun()
    else:
        if st.button("✕ Keluar dari mode presentasi", key="keluar_presentasi", type="tertiary"):
            del st.query_params[PARAM_MODE]
            st.rerun()
    st.title(judul)
    st.markdown(f"*{pertanyaan}*")
    keadaan_data()


def keadaan_data() -> None:
    """Which state of the store the page reflects (newest batch and its date), under every page title."""
    from tkpk.toko.tahun import keadaan_data as baca_keadaan
    from tkpk.ui.cache import baca

    try:
        teks = baca(baca_keadaan).teks
    except Exception:  # a page that cannot read the store says so itself; the header never breaks it
        return
    st.caption(f"Keadaan data: {teks}.")


def label_contoh(ada_contoh: bool = True) -> None:
    """The visible sample-data label, shown wherever sample rows are on screen."""
    if ada_contoh:
        st.warning(LABEL_CONTOH)


def sumber(teks: str, sampel: bool = False) -> None:
    """The source caption; ``sampel`` appends the sample label (:func:`tkpk.label.akhiran_contoh`)."""
    st.caption(f"Sumber: {md(teks + akhiran_contoh(sampel))}")  # sources may come from uploaded files: text only


def belum_tersedia(fitur: str) -> None:
    st.info(f"Halaman ini belum dibangun: {fitur}. Isinya akan menyusul pada rilis berikutnya.")
