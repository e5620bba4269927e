"""Ringkasan: is poverty in Banjar going down, how do we compare, and is every pillar delivering?"""

import streamlit as st

from tkpk import SUMBER_CONTOH, fmt
from tkpk.peta import data as peta
from tkpk.tren import beranda, target
from tkpk.tren.dua_angka import dua_angka
from tkpk.tren.ringkasan import MIN_PEMBANDING, NAMA_FIGUR, angka_utama, bps_seri, tahun_tersedia
from tkpk.ui import chrome
from tkpk.ui.aman import md, tabel_kecil
from tkpk.ui.cache import baca
from tkpk.ui.dua_angka import panel as panel_dua_angka
from tkpk.ui.widgets import pilih_url

chrome.halaman("Kemiskinan Kabupaten Banjar", "Apakah kemiskinan di Banjar turun, dan bagaimana posisinya di Kalsel?")

seri = baca(bps_seri)
years = tahun_tersedia(seri)
tahun = pilih_url("Tahun", years, "tahun", parse=int, where=st.sidebar)
h = angka_utama(seri, tahun)

# --- headline: Banjar's poverty rate, with the kind of its source, its rank and its target ---
c1, c2, c3 = st.columns(3)
c1.metric(
    # the marker first: a narrow column cuts the end of a label, never the start
    f"{h.penanda} P0 {h.tahun} · persentase penduduk miskin".strip(),
    fmt.persen(h.p0),
    delta=fmt.delta_metrik(h.perubahan_poin),
    delta_color="inverse",
)
# every figure carries its own marker: versioning is per cell, so its source may not be P0's
c2.metric(f"{h.penanda_figur('penduduk_miskin')} Jumlah penduduk miskin {h.tahun}".strip(),
          fmt.jiwa(h.penduduk_miskin), help=h.sumber_teks_figur("penduduk_miskin"))
c3.metric(f"{h.penanda_figur('garis_kemiskinan')} Garis kemiskinan {h.tahun} (per kapita per bulan)".strip(),
          fmt.rupiah(h.garis_kemiskinan) if h.garis_kemiskinan else fmt.TIDAK_ADA,
          help="Rupiah per kapita per bulan. " + h.sumber_teks_figur("garis_kemiskinan"))
if h.p1 is not None or h.p2 is not None:
    d1, d2, _ = st.columns(3)
    d1.metric(f"{h.penanda_figur('p1')} Indeks kedalaman (P1) {h.tahun}".strip(),
              fmt.angka(h.p1, 3) if h.p1 is not None else fmt.TIDAK_ADA)
    d2.metric(f"{h.penanda_figur('p2')} Indeks keparahan (P2) {h.tahun}".strip(),
              fmt.angka(h.p2, 3) if h.p2 is not None else fmt.TIDAK_ADA)
if h.perubahan_poin is not None:
    st.markdown(
        f"Dibanding {h.pembanding_teks}: "
        f"**{'turun' if h.perubahan_poin < 0 else 'naik'} {fmt.angka(abs(h.perubahan_poin), 2)} poin**."
    )
if h.peringkat is not None:
    st.markdown(f"Posisi di Kalimantan Selatan: **{h.peringkat_teks}** yang datanya tersedia.")
else:
    st.markdown(f"Posisi di Kalimantan Selatan: **belum ada peringkat** — baru {h.jumlah_pembanding} kab/kota "
                f"yang punya angka {h.tahun}; peringkat baru berarti bila sedikitnya {MIN_PEMBANDING} kab/kota "
                "punya angka.")
targets = baca(target.target_semua)
t_p0 = target.status_target(targets, "p0", h.tahun, h.p0)
st.markdown(f"**{t_p0.teks[:1].upper() + t_p0.teks[1:]}**" + (f"  \n{md(t_p0.catatan_sumber)}" if t_p0.ada else ""))
t_ekstrem = target.status_target(targets, "p0_ekstrem", h.tahun, h.p0_ekstrem)
ekstrem = (f"{h.penanda_figur('p0_ekstrem')} {fmt.persen(h.p0_ekstrem)}".strip() if h.p0_ekstrem is not None
           else "belum ada angka Susenas tersimpan")
st.markdown(f"Kemiskinan ekstrem {h.tahun}: **{ekstrem}** · {t_ekstrem.teks}"
            + ("" if t_ekstrem.ada else " (target nasional 0% pada 2024, Inpres 4/2022)"))
chrome.sumber(h.keterangan_sumber_lengkap or "tidak ada data")
with st.expander("Sumber lengkap dan tautan"):
    st.markdown(md(h.sumber))
    for fs, s, _ in h.sumber_lain:
        st.markdown(md(f"{', '.join(NAMA_FIGUR[f] for f in fs)}: {s}"))
st.page_link("pages/tren.py", label="Lihat tren, target dan perbandingan kab/kota →",
             query_params={"tahun": str(tahun)})

# --- two numbers: BPS's estimate beside the welfare register ---
st.header("Dua angka kemiskinan: BPS dan register")
panel_dua_angka(baca(dua_angka, tahun))

# --- per-pillar strip ---
st.header(f"Kinerja pilar {tahun}")
pilar = baca(beranda.strip_pilar, tahun)
chrome.label_contoh(any(p.sampel for p in pilar))
kolom = st.columns(len(pilar)) if pilar else []
for kol, p in zip(kolom, pilar, strict=False):
    t = beranda.teks_pilar(p)
    with kol.container(border=True):
        st.markdown(f"**Pilar {p.pilar}: {p.nama_singkat}**")
        if not p.ada_data:
            st.markdown(f"Belum ada laporan program untuk {tahun}.")
            continue
        st.metric("Serapan anggaran", t["serapan"], help="Realisasi dibagi pagu.")
        st.markdown(beranda.kartu_pilar_md(p, t))
        if p.sampel:
            st.caption(SUMBER_CONTOH)
chrome.sumber("Laporan program/intervensi OPD (batch aktif terbaru); capaian dan status menurut aturan halaman "
              "Kinerja pilar.")

# --- poverty pockets ---
kantong = baca(peta.ringkasan_kantong, tahun)
if kantong.ada_data:
    st.metric(f"Kantong kemiskinan {tahun}", fmt.angka(kantong.jumlah),
              help=kantong.aturan or "Menurut aturan di halaman peta.")
    if kantong.aturan:
        st.caption(f"Aturan: {kantong.aturan}")
else:
    st.markdown("Jumlah kantong kemiskinan dihitung di halaman peta.")
st.page_link("pages/peta.py", label="Buka peta kantong kemiskinan →", query_params={"tahun": str(tahun)})

# --- data freshness ---
st.subheader("Data terakhir diperbarui")
tabel_kecil(baca(beranda.pembaruan))
