"""The rakor slides for the projector: the slide CSS, the agenda kept in the session and the URL, the control
row, and one drawing function per slide. What each slide shows comes from :mod:`tkpk.rakor.slide`."""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import date

import pandas as pd
import streamlit as st

from tkpk.charts.peta_cetak import peta_kantong
from tkpk.charts.pilar import titik_opd
from tkpk.charts.tren import grafik_tren
from tkpk.label import LABEL_SAMPEL, akhiran_contoh
from tkpk.rakor import agenda as ag
from tkpk.rakor import keputusan as kp
from tkpk.rakor import slide as sl
from tkpk.rakor.bahan import bahan_rakor, judul_rakor
from tkpk.rakor.tahun import BahanTahun
from tkpk.toko.tahun import keadaan_data
from tkpk.tren import data as tren
from tkpk.tren import target
from tkpk.tren.dua_angka import dua_angka
from tkpk.tren.ringkasan import angka_utama, bps_seri
from tkpk.ui import masuk
from tkpk.ui import rakor as ui_rakor
from tkpk.ui.aman import html
from tkpk.ui.cache import baca
from tkpk.ui.chrome import CSS_PRESENTASI
from tkpk.ui.dua_angka import panel as panel_dua_angka
from tkpk.ui.grafik import spek, tampil_grafik

# On top of the shared projector CSS: tighter page, a slim control row, no gaps that push the footer down.
CSS_SLIDE = """
<style>
.block-container { padding: 0.6rem 2.2rem 0 2.2rem !important; }
[data-testid="stVerticalBlock"] { gap: 0.45rem; }
.stApp h1 { font-size: 46px !important; margin: 0 !important; padding: 0 !important; line-height: 1.15 !important; }
/* Streamlit pulls the heading's block up by a negative margin: a title on two lines would then run into the next
   element (the DATA CONTOH box at 1280×720). The heading keeps its own height. */
.stApp [data-testid="stHeading"] [data-testid="stMarkdownContainer"] { margin-bottom: 0 !important; }
.kaki-slide, .kaki-slide p { font-size: 18px !important; color: #111111; border-top: 2px solid #333;
  padding-top: 4px; margin-top: 4px; }
.nomor-slide p { font-size: 26px !important; font-weight: 700; text-align: right; }
/* The control row: buttons and the slide number as wide as their labels, the title takes the rest (and wraps).
   In fixed shares of the row the labels were cut ("◀ Sebe…", "Atur a…") on a screen narrower than the slide's
   1920 px, e.g. a 1280 or 1366 px laptop showing the 1920×1080 agenda. */
[data-testid="stHorizontalBlock"]:has(.st-key-slide_mundur) > [data-testid="stColumn"] {
  flex: 0 0 auto !important; width: auto !important; min-width: 0 !important; }
[data-testid="stHorizontalBlock"]:has(.st-key-slide_mundur) > [data-testid="stColumn"]:first-child {
  flex: 1 1 0 !important; }
.daftar-slide td, .daftar-slide th { font-size: 22px !important; padding: 2px 10px !important; }
.daftar-slide th { text-align: left !important; }
.label-contoh { background: #fff3e0; border: 3px solid #a04000; padding: 2px 12px; margin-bottom: 0.5rem; }
.label-contoh p { font-size: 26px !important; font-weight: 800; color: #7a2e00 !important; margin: 0 !important;
  line-height: 1.3; }
</style>
"""
# A 1280×720 projector: the same slide with a smaller title and slimmer controls; numbers 64 px, smaller only in a
# column narrower than a quarter of a 1280 px slide (22 % of it: "1 dari 12" stays on one line at 1024 px, where
# a fixed 64 px broke it into "1 dari" / "12" once metrics wrapped; review finding).
CSS_SLIDE_720 = """
<style>
.stApp h1 { font-size: 32px !important; }
.stApp button p { font-size: 19px !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] div,
[data-testid="stMetricValue"] p { font-size: min(64px, 22cqi) !important; }
[data-testid="stMetricLabel"] p { font-size: 22px !important; }
.daftar-slide td, .daftar-slide th { font-size: 19px !important; padding: 1px 8px !important; }
.kaki-slide, .kaki-slide p { font-size: 16px !important; }
.label-contoh p { font-size: 24px !important; }
</style>
"""
KEY_AGENDA, KEY_GANTI = "agenda_rakor", "agenda_ganti"


def gaya() -> None:
    st.markdown(CSS_PRESENTASI + CSS_SLIDE, unsafe_allow_html=True)


def halaman_tl(a: ag.Agenda) -> int:
    """How many slides the follow-up of the agenda's rakor takes at its projector size."""
    if ag.TINDAK_LANJUT not in a.slide:
        return 1
    return ui_rakor.halaman_tindak_lanjut(baca(bahan_rakor, a.rakor, hari_ini=date.today()), a.layar)


def agenda(tahun: Sequence[int]) -> ag.Agenda:
    """The agenda of this session, read from the link on the first run."""
    if KEY_AGENDA not in st.session_state:
        q = st.query_params.to_dict()
        st.session_state[KEY_AGENDA] = ag.dari_query(q, tahun, halaman_tl(ag.dari_query(q, tahun)))
        st.session_state[KEY_GANTI] = time.monotonic()
    return st.session_state[KEY_AGENDA]


def simpan(a: ag.Agenda) -> None:
    st.session_state[KEY_AGENDA] = a
    st.session_state[KEY_GANTI] = time.monotonic()
    for k, v in ag.ke_query(a).items():
        st.query_params[k] = v


def _maju() -> None:
    simpan(st.session_state[KEY_AGENDA].maju())


def _mundur() -> None:
    simpan(st.session_state[KEY_AGENDA].mundur())


def perbarui(a: ag.Agenda) -> ag.Agenda:
    """The agenda for this run: the follow-up's slide count (decisions recorded, a rakor or screen size chosen),
    the auto-advance step, and the link kept in step."""
    n_tl = halaman_tl(a)
    if n_tl != a.halaman_tl:
        a = a.dengan_halaman_tl(n_tl)
        simpan(a)
    if a.jeda and time.monotonic() - st.session_state.get(KEY_GANTI, 0.0) >= a.jeda - 0.5:
        a = a.maju(putar=True)
        simpan(a)
    for k, v in ag.ke_query(a).items():
        if st.query_params.get(k) != v:
            st.query_params[k] = v
    return a


def kaki(teks: str, sampel: bool) -> None:
    """Source and store state; a sample slide already carries the label in its body (:func:`label_contoh`), so
    the footer names it once, briefly."""
    keadaan = baca(keadaan_data).teks
    st.markdown(f'<div class="kaki-slide"><p>Sumber: {html(teks)}; {html(keadaan)}.'
                f'{akhiran_contoh(sampel, singkat=True)}</p></div>', unsafe_allow_html=True)


def label_contoh(sampel: bool) -> None:
    """The sample label in the slide body, at projector size (24–26 px, bold, boxed), not only in the footer."""
    if sampel:
        st.markdown(f'<div class="label-contoh"><p>⚠ {LABEL_SAMPEL}</p></div>', unsafe_allow_html=True)


def _ubin(tempat: Sequence, ubin: list[sl.Ubin], **kw: object) -> None:
    for c, u in zip(tempat, ubin, strict=False):
        c.metric(u.label, u.nilai, u.delta, help=u.bantuan, **kw)


def _daftar(tempat: object, daftar: pd.DataFrame) -> None:
    tempat.markdown('<div class="daftar-slide">' + daftar.to_html(index=False, border=0) + "</div>",
                    unsafe_allow_html=True)


def slide_angka_utama(a: ag.Agenda) -> None:
    seri = baca(bps_seri)
    h = angka_utama(seri, sl.tahun_bps(seri, a.tahun))
    c, ubin = st.columns(4), sl.ubin_angka_utama(h, a)
    _ubin(c[:1], ubin[:1], delta_color="inverse")
    _ubin(c[1:], ubin[1:])
    t_p0 = target.status_target(baca(target.target_semua), "p0", h.tahun, h.p0)
    st.markdown(f"**{h.peringkat_teks[:1].upper() + h.peringkat_teks[1:]}** di Kalimantan Selatan · {t_p0.teks}")
    s = baca(tren.seri_bps, a.indikator)
    tampil_grafik(spek(grafik_tren, s.data, judul=f"{s.nama_indikator}: Banjar dan Kalimantan Selatan",
                       satuan=s.satuan, target=s.target, besar=True, tinggi=ag.tinggi_grafik(a, 0.45)), tabel=False)
    kaki(sl.kaki_angka_utama(h, s), False)


def slide_dua_angka(a: ag.Agenda) -> None:
    d = baca(dua_angka, a.tahun)
    panel_dua_angka(d, slide=True, ringkas=not sl.besar(a))
    kaki(sl.kaki_dua_angka(d), False)


def slide_peta(a: ag.Agenda, b: BahanTahun) -> None:
    label_contoh(b.sampel)
    kiri, kanan = st.columns([1.15, 1])
    k = b.kantong_desa.kantong()
    with kiri:
        tinggi = ag.tinggi_grafik(a, 0.68)
        tampil_grafik(spek(peta_kantong, b.batas_desa, b.batas_kec, k["kode"], judul=f"{len(k)} desa kantong "
                           f"kemiskinan, {b.tahun}", subjudul="Merah tua bergaris hitam = kantong",
                           lebar=round(tinggi * 1.05), tinggi=tinggi, besar=True, sampel=b.sampel, tahun=b.tahun),
                     lebar="content", tabel=False)
    with kanan:
        daftar, sisa = sl.daftar_kantong(b, a)
        _daftar(st, daftar)
        if sisa:
            st.markdown(f"… dan {sisa} desa lainnya (daftar lengkap di halaman Peta dan buku kerja).")
        st.markdown(sl.teks_aturan_kantong(b))
    kaki(sl.KAKI_PETA, b.sampel)


def slide_pilar(a: ag.Agenda, b: BahanTahun, pilar: int) -> None:
    r = b.skor_pilar[b.skor_pilar["pilar"] == pilar].iloc[0]
    label_contoh(b.sampel)
    st.markdown(f"**{r['nama_pilar']}** · status pilar: **{r['status_simbol']} {r['status_label']}**")
    _ubin(st.columns(4), sl.ubin_pilar(r, a))
    tampil_grafik(spek(titik_opd, b.skor_opd[b.skor_opd["pilar"] == pilar],
                       judul=f"Serapan dan capaian per OPD, {b.tahun}", besar=True,
                       tinggi_maks=sl.tinggi_titik_opd(a, b.sampel),
                       lebar_panel=None if sl.besar(a) else 400, sampel=b.sampel), lebar="content", tabel=False)
    kaki(sl.KAKI_PROGRAM_CONTOH if b.sampel else b.sumber_program(), b.sampel)


def slide_tersentuh(a: ag.Agenda, b: BahanTahun) -> None:
    label_contoh(b.sampel)
    kiri, kanan = st.columns([1, 2])
    kiri.metric(f"Desa kantong {b.tahun} tanpa intervensi cukup",
                f"{len(b.sasaran.belum_tersentuh())} dari {len(b.kantong_desa.kode_kantong)}")
    kiri.markdown(sl.teks_belum_tersentuh(b.sasaran))
    kanan.markdown("**Kantong dengan intervensi paling sedikit**")
    _daftar(kanan, sl.daftar_tersentuh(b, a))
    kaki(sl.kaki_tersentuh(b), b.sampel)


def slide_rakor(a: ag.Agenda) -> None:
    """The follow-up of the last rakor's decisions, or this rakor's decisions."""
    bahan = baca(bahan_rakor, a.rakor, hari_ini=date.today())
    contoh = bahan.sampel_tindak_lanjut if a.sekarang == ag.TINDAK_LANJUT else bahan.sampel_keputusan
    label_contoh(contoh)
    if a.sekarang == ag.TINDAK_LANJUT:
        ui_rakor.slide_tindak_lanjut(bahan, a.layar, masuk.pengguna(), halaman_ke=(a.halaman, a.halaman_tl))
    else:
        ui_rakor.slide_keputusan(bahan, a.layar, masuk.pengguna())
    kaki(sl.KAKI_RAKOR, contoh)


def atur(a: ag.Agenda, tahun_ada: list[int]) -> None:
    """The agenda settings: slides, year, indicator, auto-advance, projector, rakor; the link to share."""
    with st.popover("⚙️ Atur agenda", width="stretch"):
        slide = st.multiselect("Slide (urutan)", list(ag.SLIDE), default=list(a.slide),
                               format_func=ag.SLIDE.get, key="atur_slide")
        tahun = st.selectbox("Tahun", tahun_ada, index=tahun_ada.index(a.tahun), key="atur_tahun")
        indikator = tren.pilihan_indikator_bps()
        ind = st.selectbox("Indikator tren", list(indikator), index=list(indikator).index(a.indikator),
                           format_func=indikator.get, key="atur_indikator")
        jeda = st.selectbox("Ganti slide otomatis", ag.JEDA, index=ag.JEDA.index(a.jeda),
                            format_func=ag.nama_jeda, key="atur_jeda")
        layar = st.selectbox("Layar proyektor", ag.LAYAR, index=ag.LAYAR.index(a.layar),
                             format_func=ag.nama_layar, key="atur_layar")
        daftar = baca(kp.daftar_rakor)
        nama_rakor = {0: "Rakor terbaru", **{int(r.rakor_id): judul_rakor(r._asdict())
                                             for r in daftar.itertuples(index=False)}}
        rakor = st.selectbox("Rakor ini (tindak lanjut: rakor sebelumnya)", list(nama_rakor),
                             index=list(nama_rakor).index(a.rakor) if a.rakor in nama_rakor else 0,
                             format_func=nama_rakor.get, key="atur_rakor")
        baru = ag.Agenda(tuple(slide) or ag.BAWAAN, int(tahun), str(ind), int(jeda), int(layar), 0,
                         rakor=int(rakor) or None, halaman_tl=a.halaman_tl)
        if (baru.slide, baru.tahun, baru.indikator, baru.jeda, baru.layar, baru.rakor) != \
                (a.slide, a.tahun, a.indikator, a.jeda, a.layar, a.rakor):
            simpan(baru.ke(a.posisi))
            st.rerun()
        st.caption("Simpan agenda: salin alamat halaman ini (semua pilihan ada di tautannya).")
        st.code(ag.tautan(a), language=None)
        st.page_link("pages/ringkasan.py", label="Keluar dari presentasi", icon="↩️")


def kendali(a: ag.Agenda, tahun_ada: list[int]) -> None:
    """The control row: title, previous/next, slide number, settings."""
    if a.layar < 1080:
        st.markdown(CSS_SLIDE_720, unsafe_allow_html=True)
    lebar = [5.2, 1, 1, 0.9, 1.3] if sl.besar(a) else [5.0, 1.3, 1.3, 0.7, 1.5]
    c = st.columns(lebar, vertical_alignment="center")
    c[0].title(a.judul, anchor=False)
    c[1].button("◀ Sebelumnya", on_click=_mundur, disabled=a.pertama, key="slide_mundur", width="stretch")
    c[2].button("Berikutnya ▶", on_click=_maju, disabled=a.terakhir, key="slide_maju", width="stretch")
    c[3].markdown(f'<div class="nomor-slide"><p>{a.nomor}</p></div>', unsafe_allow_html=True)
    with c[4]:
        atur(a, tahun_ada)
