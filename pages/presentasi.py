"""Presentasi rakor: the agenda as full-screen slides for the projector (state in the URL, see tkpk.agenda)."""

from __future__ import annotations

import time
from datetime import date

import pandas as pd
import streamlit as st

from tkpk import agenda as ag
from tkpk import fmt, target, tren
from tkpk.charts.pilar import titik_opd
from tkpk.charts.tren import grafik_tren
from tkpk.data_tahun import keadaan_data
from tkpk.dua_angka import dua_angka
from tkpk.ekspor.data import BahanTahun, muat, tahun_program
from tkpk.ekspor.peta import peta_kantong
from tkpk.label import LABEL_SAMPEL
from tkpk.mutu_sumber import legenda, sebut
from tkpk.rakor import keputusan as kp
from tkpk.rakor.bahan import bahan_rakor, judul_rakor
from tkpk.ringkasan import NAMA_FIGUR, bps_seri, headline, tahun_tersedia
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
.daftar-slide td, .daftar-slide th { font-size: 22px !important; padding: 2px 10px !important; }
.daftar-slide th { text-align: left !important; }
.label-contoh { background: #fff3e0; border: 3px solid #a04000; padding: 2px 12px; margin-bottom: 0.5rem; }
.label-contoh p { font-size: 26px !important; font-weight: 800; color: #7a2e00 !important; margin: 0 !important;
  line-height: 1.3; }
</style>
"""
# A 1280×720 projector: the same slide with a smaller title and slimmer controls; numbers stay >= 64 px.
CSS_SLIDE_720 = """
<style>
.stApp h1 { font-size: 32px !important; }
.stApp button p { font-size: 19px !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] div,
[data-testid="stMetricValue"] p { font-size: 64px !important; }
[data-testid="stMetricLabel"] p { font-size: 22px !important; }
.daftar-slide td, .daftar-slide th { font-size: 19px !important; padding: 1px 8px !important; }
.kaki-slide, .kaki-slide p { font-size: 16px !important; }
.label-contoh p { font-size: 24px !important; }
</style>
"""

st.markdown(CSS_PRESENTASI + CSS_SLIDE, unsafe_allow_html=True)
TAHUN = baca(tahun_program)
if not TAHUN:
    st.info("Belum ada data program di basis data; agenda rakor belum dapat ditampilkan.")
    st.stop()


def _halaman_tl(a: ag.Agenda) -> int:
    """How many slides the follow-up of the agenda's rakor takes at its projector size."""
    if ag.TINDAK_LANJUT not in a.slide:
        return 1
    return ui_rakor.halaman_tindak_lanjut(baca(bahan_rakor, a.rakor, hari_ini=date.today()), a.layar)


def _agenda() -> ag.Agenda:
    if "agenda_rakor" not in st.session_state:
        q = st.query_params.to_dict()
        st.session_state["agenda_rakor"] = ag.dari_query(q, TAHUN, _halaman_tl(ag.dari_query(q, TAHUN)))
        st.session_state["agenda_ganti"] = time.monotonic()
    return st.session_state["agenda_rakor"]


def _simpan(a: ag.Agenda) -> None:
    st.session_state["agenda_rakor"] = a
    st.session_state["agenda_ganti"] = time.monotonic()
    for k, v in ag.ke_query(a).items():
        st.query_params[k] = v


def _maju() -> None:
    _simpan(_agenda().maju())


def _mundur() -> None:
    _simpan(_agenda().mundur())


def _kaki(teks: str, sampel: bool) -> None:
    """Source and store state; a sample slide already carries the label in its body (:func:`_label_contoh`), so
    the footer names it once, briefly."""
    label = " ⚠️ DATA CONTOH." if sampel else ""
    keadaan = baca(keadaan_data).teks
    st.markdown(f'<div class="kaki-slide"><p>Sumber: {html(teks)}; {html(keadaan)}.{label}</p></div>',
                unsafe_allow_html=True)


def _label_contoh(sampel: bool) -> None:
    """The sample label in the slide body, at projector size (24–26 px, bold, boxed), not only in the footer."""
    if sampel:
        st.markdown(f'<div class="label-contoh"><p>⚠ {LABEL_SAMPEL}</p></div>', unsafe_allow_html=True)


def _slide_headline(a: ag.Agenda) -> None:
    seri = baca(bps_seri)
    tahun_bps = [t for t in tahun_tersedia(seri) if t <= a.tahun] or tahun_tersedia(seri)
    h = headline(seri, tahun_bps[0])
    c = st.columns(4)
    # Streamlit reads the arrow's direction from a leading ASCII "-", not from "−".
    delta = fmt.poin(h.perubahan_poin).replace("−", "-") if h.perubahan_poin is not None else None
    c[0].metric(f"{h.penanda} P0 {h.tahun}".strip(), fmt.persen(h.p0), delta, delta_color="inverse")
    # each figure with its own marker: versioning is per cell, so the count may not share P0's source
    tm, tg = h.penanda_figur("penduduk_miskin"), h.penanda_figur("garis_kemiskinan")
    if a.layar >= 1080:
        c[1].metric(f"{tm} Penduduk miskin".strip(), fmt.jiwa(h.penduduk_miskin))
        c[2].metric(f"{tg} Garis kemiskinan".strip(), fmt.rupiah(h.garis_kemiskinan))
    else:  # a 1280×720 column holds ~7 characters at 64 px: the unit moves into the label
        c[1].metric(f"{tm} Penduduk miskin (jiwa)".strip(), fmt.angka(h.penduduk_miskin))
        c[2].metric(f"{tg} Garis kemiskinan (Rp)".strip(), fmt.angka(h.garis_kemiskinan),
                    help="Rupiah per kapita per bulan.")
    # A rank with fewer than 5 kab/kota to compare says nothing: the tile then says so instead of "1 dari 1".
    c[3].metric("Peringkat Kalsel", h.peringkat_singkat if h.peringkat is not None else "–",
                help="1 = P0 terendah di antara kab/kota yang datanya tersedia (minimal 5)")
    t_p0 = target.status_target(baca(target.target_semua), "p0", h.tahun, h.p0)
    st.markdown(f"**{h.peringkat_teks[:1].upper() + h.peringkat_teks[1:]}** di Kalimantan Selatan · "
                f"{t_p0.teks}")
    s = baca(tren.seri_bps, a.indikator)
    tampil_grafik(spek(grafik_tren, s.data, judul=f"{s.nama_indikator}: Banjar dan Kalimantan Selatan",
                       satuan=s.satuan, target=s.target, besar=True, tinggi=ag.tinggi_grafik(a, 0.45)))
    # markers of the tiles (each figure's own kind) and of the chart
    tanda = legenda({h.jenis(f) for f in ("p0", "penduduk_miskin", "garis_kemiskinan") if getattr(h, f) is not None}
                    | set(s.data.loc[s.data["nilai"].notna(), "jenis_sumber"].dropna()))
    tampil = ("penduduk_miskin", "garis_kemiskinan")  # the tiles beside P0; other figures are not on this slide
    lain = "".join(f"; {', '.join(NAMA_FIGUR[f] for f in fs if f in tampil)}: {sebut(sumber, jenis, 90)}"
                   for fs, sumber, jenis in h.sumber_lain if set(fs) & set(tampil))
    _kaki(f"{h.sumber_teks} ({h.tahun}){lain}; {tanda + '; ' if tanda else ''}sumber tiap tahun di halaman Tren",
          False)


def _slide_dua_angka(a: ag.Agenda) -> None:
    d = baca(dua_angka, a.tahun)
    panel_dua_angka(d, slide=True, ringkas=a.layar < 1080)
    _kaki(f"Susenas {d.tahun}: {d.sumber_bps_teks}; register: Satu Data Kabupaten Banjar dan SIKS-NG "
          f"(dikutip media); {legenda({*d.jenis_bps, 'register'})}", False)


def _slide_peta(a: ag.Agenda, b: BahanTahun) -> None:
    _label_contoh(b.sampel)
    kiri, kanan = st.columns([1.15, 1])
    k = b.kantong_desa.kantong()
    with kiri:
        tinggi = ag.tinggi_grafik(a, 0.68)
        tampil_grafik(spek(peta_kantong, b.batas_desa, b.batas_kec, k["kode"], judul=f"{len(k)} desa kantong "
                           f"kemiskinan, {b.tahun}", subjudul="Merah tua bergaris hitam = kantong",
                           lebar=round(tinggi * 1.05), tinggi=tinggi, besar=True), lebar="content")
    with kanan:
        n = 9 if a.layar >= 1080 else 5
        kec = b.desa.set_index("kode")["nama_kecamatan"]
        daftar = pd.DataFrame({"#": k["rank"].head(n).astype(int), "Desa": k["nama"].head(n),
                               "Kecamatan": k["kode"].head(n).map(kec),
                               "% desil 1–4": k["persen"].head(n).map(lambda x: fmt.persen(x, 1)),
                               "Jiwa desil 1–4": k["jumlah"].head(n).map(fmt.angka)})
        st.markdown('<div class="daftar-slide">' + daftar.to_html(index=False, border=0) + "</div>",
                    unsafe_allow_html=True)
        if len(k) > n:
            st.markdown(f"… dan {len(k) - n} desa lainnya (daftar lengkap di halaman Peta dan buku kerja).")
        st.markdown(f"**Aturan:** kelas teratas % penduduk desil 1–4 **dan** kelas teratas jumlah jiwa desil 1–4 "
                    f"(di atas {fmt.persen(b.kantong_desa.ambang_persen, 1)} dan "
                    f"{fmt.angka(b.kantong_desa.ambang_jumlah)} jiwa).")
    _kaki("indikator desa dari data sasaran (DTSEN/P3KE), proksi, bukan angka BPS", b.sampel)


def _slide_pilar(a: ag.Agenda, b: BahanTahun, pilar: int) -> None:
    r = b.skor_pilar[b.skor_pilar["pilar"] == pilar].iloc[0]
    opd = b.skor_opd[b.skor_opd["pilar"] == pilar]
    _label_contoh(b.sampel)
    st.markdown(f"**{r['nama_pilar']}** · status pilar: **{r['status_simbol']} {r['status_label']}**")
    c = st.columns(4)
    c[0].metric("Pagu", fmt.rupiah_ringkas(r["pagu"], pendek=a.layar < 1080))
    c[1].metric("Serapan anggaran", fmt.persen(r["serapan_pct"], 1))
    c[2].metric("Capaian output", fmt.persen(r["capaian_pct"], 1))
    c[3].metric("OPD melapor", f"{int(r['opd_melapor'])} dari {int(r['opd_diharapkan'])}")
    tampil_grafik(spek(titik_opd, opd, judul=f"Serapan dan capaian per OPD, {b.tahun}", besar=True,
                       tinggi_maks=ag.tinggi_grafik(a, (0.22 if b.sampel else 0.3) if a.layar < 1080 else 0.42),
                       lebar_panel=None if a.layar >= 1080 else 400), lebar="content")
    _kaki("laporan program/intervensi OPD" if b.sampel else b.sumber_program(), b.sampel)


def _slide_tersentuh(a: ag.Agenda, b: BahanTahun) -> None:
    s = b.sasaran
    t = s.belum_tersentuh()
    jumlah_kantong = len(b.kantong_desa.kode_kantong)
    _label_contoh(b.sampel)
    kiri, kanan = st.columns([1, 2])
    kiri.metric(f"Desa kantong {b.tahun} tanpa intervensi cukup", f"{len(t)} dari {jumlah_kantong}")
    kiri.markdown(f"Belum tersentuh = kantong tanpa intervensi, atau di bawah {fmt.angka(s.fraksi_median * 100)}% "
                  f"median ({fmt.angka(s.ambang_rasio, 2)} intervensi per 1.000 jiwa desil 1–4).")
    tabel = s.tabel[s.tabel["is_pocket"]].sort_values(["intervensi_per_1000", "kebutuhan"], ascending=[True, False])
    n = 10 if a.layar >= 1080 else 6
    kec = b.desa.set_index("kode")["nama_kecamatan"]
    daftar = pd.DataFrame({
        "Desa kantong": tabel["nama"].head(n), "Kecamatan": tabel["kode"].head(n).map(kec),
        "Jiwa desil 1–4": tabel["kebutuhan"].head(n).map(fmt.angka),
        "Intervensi": tabel["jumlah_intervensi"].head(n).map(fmt.angka),
        "Per 1.000 jiwa": tabel["intervensi_per_1000"].head(n).map(lambda x: fmt.angka(x, 1)),
        "Status": tabel["belum_tersentuh"].head(n).map(lambda x: "■ BELUM TERSENTUH" if x else "tersentuh"),
    })
    kanan.markdown("**Kantong dengan intervensi paling sedikit**")
    kanan.markdown('<div class="daftar-slide">' + daftar.to_html(index=False, border=0) + "</div>",
                   unsafe_allow_html=True)
    _kaki("intervensi OPD tahun " + str(b.tahun) + " dibanding jiwa desil 1–4 (register DTSEN, bukan BPS)", b.sampel)


def _atur(a: ag.Agenda) -> None:
    with st.popover("⚙️ Atur agenda", width="stretch"):
        slide = st.multiselect("Slide (urutan)", list(ag.SLIDE), default=list(a.slide),
                               format_func=ag.SLIDE.get, key="atur_slide")
        tahun = st.selectbox("Tahun", TAHUN, index=TAHUN.index(a.tahun), key="atur_tahun")
        ind = st.selectbox("Indikator tren", list(tren.pilihan_indikator_bps()),
                           index=list(tren.pilihan_indikator_bps()).index(a.indikator),
                           format_func=tren.pilihan_indikator_bps().get, key="atur_indikator")
        jeda = st.selectbox("Ganti slide otomatis", ag.JEDA, index=ag.JEDA.index(a.jeda),
                            format_func=lambda j: "tidak" if j == 0 else f"setiap {j} detik", key="atur_jeda")
        layar = st.selectbox("Layar proyektor", ag.LAYAR, index=ag.LAYAR.index(a.layar),
                             format_func=lambda h: f"{round(h * 16 / 9)}×{h}", key="atur_layar")
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
            _simpan(baru.ke(a.posisi))
            st.rerun()
        st.caption("Simpan agenda: salin alamat halaman ini (semua pilihan ada di tautannya).")
        st.code(ag.tautan(a), language=None)
        st.page_link("pages/ringkasan.py", label="Keluar dari presentasi", icon="↩️")


def _slide() -> None:
    a = _agenda()
    n_tl = _halaman_tl(a)  # decisions recorded, a rakor or screen size chosen: the follow-up's slides follow
    if n_tl != a.halaman_tl:
        a = a.dengan_halaman_tl(n_tl)
        _simpan(a)
    if a.jeda and time.monotonic() - st.session_state.get("agenda_ganti", 0.0) >= a.jeda - 0.5:
        a = a.maju(putar=True)
        _simpan(a)
    for k, v in ag.ke_query(a).items():
        if st.query_params.get(k) != v:
            st.query_params[k] = v
    if a.layar < 1080:
        st.markdown(CSS_SLIDE_720, unsafe_allow_html=True)
    lebar = [5.2, 1, 1, 0.9, 1.3] if a.layar >= 1080 else [5.0, 1.3, 1.3, 0.7, 1.5]
    c = st.columns(lebar, vertical_alignment="center")
    c[0].title(a.judul, anchor=False)
    c[1].button("◀ Sebelumnya", on_click=_mundur, disabled=a.pertama, key="slide_mundur", width="stretch")
    c[2].button("Berikutnya ▶", on_click=_maju, disabled=a.terakhir, key="slide_maju", width="stretch")
    c[3].markdown(f'<div class="nomor-slide"><p>{a.nomor}</p></div>', unsafe_allow_html=True)
    with c[4]:
        _atur(a)
    if a.sekarang == ag.HEADLINE:
        _slide_headline(a)
        return
    if a.sekarang in (ag.TINDAK_LANJUT, ag.KEPUTUSAN):
        bahan = baca(bahan_rakor, a.rakor, hari_ini=date.today())
        contoh = bahan.sampel_tindak_lanjut if a.sekarang == ag.TINDAK_LANJUT else bahan.sampel_keputusan
        _label_contoh(contoh)
        if a.sekarang == ag.TINDAK_LANJUT:
            ui_rakor.slide_tindak_lanjut(bahan, a.layar, masuk.pengguna(), halaman=(a.halaman, a.halaman_tl))
        else:
            ui_rakor.slide_keputusan(bahan, a.layar, masuk.pengguna())
        _kaki("keputusan rakor dicatat analis TKPK; saran status dari laporan intervensi OPD", contoh)
        return
    if a.sekarang == ag.DUA_ANGKA:
        _slide_dua_angka(a)
        return
    b = baca(muat, a.tahun)
    if a.sekarang == ag.PETA:
        _slide_peta(a, b)
    elif a.sekarang in ag.PILAR:
        _slide_pilar(a, b, int(a.sekarang[-1]))
    else:
        _slide_tersentuh(a, b)


_jeda = _agenda().jeda
st.fragment(_slide, run_every=_jeda if _jeda else None)()
