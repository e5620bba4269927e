"""The map page's widgets and its place profile: the sidebar choices (state in the URL), the place selected by a
click or the list, and the profile panel. The rules behind the choices are in :mod:`tkpk.peta.pilihan`, the
sentences in :mod:`tkpk.peta.teks`."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from tkpk import fmt, katalog
from tkpk.charts import peta as cp
from tkpk.peta import data as peta
from tkpk.peta import idm
from tkpk.peta import pilihan as pl
from tkpk.peta import profil as pp
from tkpk.peta import tabel as pt
from tkpk.peta import teks as tx
from tkpk.peta.kantong import DEPRIVASI, AturanKantong, AturanMoran, HasilKantong
from tkpk.peta.klasifikasi import K_MAKS, K_MIN, SKEMA
from tkpk.peta.moran import KOREKSI, LAJU
from tkpk.tren.seri_campuran import keterangan_campuran
from tkpk.ui import chrome
from tkpk.ui.aman import tabel as tabel_aman
from tkpk.ui.cache import baca, baca_bersama
from tkpk.ui.grafik import spek, tampil_grafik
from tkpk.ui.unduhan import tabel_angka
from tkpk.ui.widgets import pilih_url

KEY_PETA, KEY_TEMPAT, KEY_KLIK = "peta_utama", "pilih_tempat", "_peta_klik_terakhir"
NAMA_ATURAN = {"jp": "Jumlah × persentase (bawaan)", "moran": "Klaster spasial (Local Moran's I)"}
NAMA_UKURAN = {"jiwa": "Penduduk desil 1–4 (jiwa)", "KK": "KK desil 1"}
NAMA_SATUAN = {"jiwa": "jiwa desil 1–4 (per 1.000 jiwa desil 1–4)", "KK": "KK desil 1 (per 1.000 KK desil 1)"}


@dataclass(frozen=True)
class Pilihan:
    """The sidebar's choices and what they decide."""

    tingkat: str
    indikator: str
    tahun: int
    skema: str
    idm: bool
    ambang: list[float] | None
    galat_ambang: str | None
    k: int                      # classes of the map (0: typed thresholds)
    kolom_jumlah: str           # the measure's count column (quadrant chart)
    kolom_persen: str
    aturan: AturanKantong | AturanMoran


def _alpha(a: float) -> str:
    return fmt.angka(a, 2)


def _toggle_url(label: str, param: str, key: str) -> bool:
    """A toggle kept in the link as ``param=1``."""
    aktif = st.sidebar.toggle(label, value=st.query_params.get(param) == "1", key=key)
    if aktif:
        st.query_params[param] = "1"
    elif param in st.query_params:
        del st.query_params[param]
    return aktif


def pilihan(semua_tahun: list[int]) -> Pilihan:
    """Read the sidebar (every choice in the URL). The level's data is read here for the fixed-threshold default."""
    sb = st.sidebar
    tingkat = pilih_url("Tingkat wilayah", list(peta.TINGKAT), "tingkat", format_func=peta.NAMA_TINGKAT.get, where=sb)
    nama_ind = {i.kode: f"{i.nama} ({i.satuan})" for i in katalog.INDIKATOR}
    indikator = pilih_url("Indikator", list(nama_ind), "indikator", default=peta.INDIKATOR_BAWAAN,
                          format_func=nama_ind.get, where=sb)
    tahun = pilih_url("Tahun", semua_tahun, "tahun", parse=int, where=sb)
    skema = pilih_url("Klasifikasi peta", list(SKEMA), "skema", format_func=SKEMA.get, where=sb)
    # Real village status over any indicator; kept in the link like every other choice.
    idm_aktif = _toggle_url(f"Tandai desa Tertinggal IDM {idm.TAHUN_DESA} (data nyata, Dinas PMD)", "idm", "toggle_idm")
    ambang, galat = None, None
    if skema == "fixed":
        nilai = peta.nilai_peta(baca(peta.data_tingkat, tingkat, tahun), indikator)
        awal = st.query_params.get("ambang") or pt.ambang_awal(nilai["nilai"])
        teks = sb.text_input("Ambang kelas (pisahkan dengan ;)", value=awal, key=f"ambang_{tingkat}_{indikator}",
                             help="Koma untuk desimal, mis. 2; 4,5; 7 → ≤ 2, 2–4,5, 4,5–7, > 7. 2–6 angka.")
        st.query_params["ambang"] = teks
        ambang, galat = pl.ambang_dari_teks(teks)
    k = pilih_url("Jumlah kelas", list(range(K_MIN, K_MAKS + 1)), "k", default=peta.K_BAWAAN[tingkat], parse=int,
                  where=sb, key=f"url_k_{tingkat}") if skema != "fixed" else 0

    sb.markdown("**Aturan kantong kemiskinan**")
    jenis = pilih_url("Aturan", list(NAMA_ATURAN), "aturan", where=sb, format_func=NAMA_ATURAN.get)
    ukuran = pilih_url("Ukuran kemiskinan", list(NAMA_UKURAN), "ukuran", where=sb, format_func=NAMA_UKURAN.get)
    kolom_p, kolom_j = pl.KOLOM_UKURAN[ukuran]
    if jenis == "moran":
        alpha = pilih_url("Ambang nilai p (α)", [0.01, 0.05, 0.1], "alpha", default=0.05, parse=float, where=sb,
                          format_func=_alpha)
        koreksi = pilih_url("Koreksi uji berganda", list(KOREKSI), "koreksi", where=sb, format_func=KOREKSI.get)
        laju = pilih_url("Nilai yang diuji", list(LAJU), "laju", where=sb, format_func=LAJU.get)
        aturan: AturanKantong | AturanMoran = AturanMoran(kolom_persen=kolom_p, alpha=alpha, koreksi=koreksi,
                                                          laju=laju)
    else:
        k_kantong = pilih_url("Kelas untuk aturan kantong", list(range(K_MIN, K_MAKS + 1)), "kk",
                              default=peta.K_BAWAAN[tingkat], parse=int, where=sb, key=f"url_kk_{tingkat}")
        with sb.expander("Bobot deprivasi (opsional)"):
            bobot = {c: st.slider(katalog.INDIKATOR_BY_KODE[c].nama, 0.0, 3.0, 0.0, 0.5, key=f"bobot_{c}")
                     for c in DEPRIVASI}
            skor_min = st.slider("Skor minimum agar juga dihitung kantong (0 = tidak dipakai)", 0, 100, 0, 5,
                                 key="ambang_skor")
        aturan = AturanKantong(kolom_persen=kolom_p, kolom_jumlah=kolom_j, k=k_kantong,
                               bobot={c: w for c, w in bobot.items() if w > 0}, ambang_skor=skor_min or None)
    return Pilihan(tingkat, indikator, tahun, skema, idm_aktif, ambang, galat, k, kolom_j, kolom_p, aturan)


def tempat_terpilih(kode_wilayah: set[str]) -> str:
    """The selected place: a click on the map (read before drawing, so its outline shows at once) or the list;
    on the first run the link's ``tempat``."""
    if KEY_TEMPAT not in st.session_state:
        dari_url = st.query_params.get("tempat")
        st.session_state[KEY_TEMPAT] = dari_url if dari_url in kode_wilayah else ""
    acara = st.session_state.get(KEY_PETA) or {}
    klik = ((acara.get("selection") or {}).get(cp.PILIH) or [{}])[0].get("kode")
    if not klik:
        # nothing selected on the map (drawn anew after another tab, or clicked off): the next click on any
        # place, the one clicked before included, is a new click
        st.session_state.pop(KEY_KLIK, None)
    elif klik != st.session_state.get(KEY_KLIK):
        st.session_state[KEY_KLIK] = klik
        st.session_state[KEY_TEMPAT] = klik
    return st.session_state[KEY_TEMPAT]


def profil(p: Pilihan, hasil: HasilKantong, wil: pd.DataFrame, besar: bool) -> None:
    """The profile panel of the selected place: picker, status, trend, its desa, interventions."""
    label_wil = dict(zip(wil["kode"], wil["label"], strict=True))
    st.subheader("Profil wilayah")
    st.selectbox("Pilih wilayah (atau klik di peta)", ["", *wil["kode"]], key=KEY_TEMPAT,
                 format_func=lambda c: label_wil.get(c, "— pilih —"))
    tempat = st.session_state[KEY_TEMPAT]
    if tempat:
        st.query_params["tempat"] = tempat
    elif "tempat" in st.query_params:
        del st.query_params["tempat"]
    if not tempat:
        st.caption("Klik satu wilayah di peta atau pilih dari daftar untuk melihat tren, desa, intervensi dan "
                   "alasan status kantongnya.")
        return
    ind = katalog.INDIKATOR_BY_KODE[p.indikator]
    tk = peta.tingkat_kode(tempat)
    h_tempat = hasil if tk == p.tingkat else baca(peta.hitung_kantong, tk, p.tahun, pl.aturan_lain(tk, p.aturan))
    prof = baca(pp.profil, tempat, p.tahun, p.indikator, h_tempat)
    st.markdown(f"### {prof.judul}")
    for baris in baca(idm.status_tempat, tempat):
        st.markdown(f"**{baris}**")
    (st.error if prof.termasuk_kantong else st.info)(pp.teks_status(prof))
    tampil_grafik(spek(cp.tren_tempat, prof.tren, judul=f"Tren {prof.nama}", subjudul=ind.nama,
                       satuan=ind.satuan, besar=besar))
    campuran = keterangan_campuran(prof.tren)
    if campuran:
        st.caption(campuran)
    if prof.desa is not None:
        st.markdown(f"**Desa/kelurahan di {prof.nama}** ({ind.nama}, {p.tahun}; terburuk di atas)")
        tabel_aman(pt.tabel_desa(prof.desa), hide_index=True, height=min(420, 40 + 36 * len(prof.desa)))
    st.markdown(f"**Intervensi OPD {p.tahun} di sini**, per pilar dan OPD")
    tabel_angka(prof.intervensi, pt.FORMAT_INTERVENSI)
    st.caption(tx.TEKS_PILAR)
    st.caption(tx.teks_intervensi(prof))
    chrome.sumber(tx.ASAL_PROFIL, sampel=prof.sampel)


def pesan(jenis: str, teks: str) -> None:
    """A notice of the kind a core function chose ("info", "success", "error")."""
    {"info": st.info, "success": st.success, "error": st.error}[jenis](teks)


def orientasi(tingkat: str) -> tuple[object, object]:
    """(label points, kecamatan borders) of a map: names only at kecamatan level (290 desa names would be noise;
    tooltips name each desa), kecamatan borders at desa level for orientation."""
    kec_geo = baca_bersama(peta.geometri, "kecamatan")
    return (kec_geo.titik if tingkat == "kecamatan" else None, kec_geo.fitur if tingkat == "desa" else None)


def lapisan_idm(aktif: bool) -> tuple[object, idm.IdmTertinggal | None]:
    """The IDM overlay of the desa Tertinggal and its data, when the toggle is on."""
    if not aktif:
        return None, None
    data_idm = baca(idm.desa_tertinggal)
    desa_geo = baca_bersama(peta.geometri, "desa")
    return idm.overlay(desa_geo.fitur, desa_geo.titik, data_idm), data_idm


def perubahan(p: Pilihan, tabel: pt.TabelKantong) -> None:
    """Pockets that entered or left the list against the year before."""
    st.subheader(f"Masuk dan keluar daftar dibanding {p.tahun - 1}")
    ubah = baca(peta.perubahan, p.tingkat, p.tahun, p.aturan)
    if ubah is None:
        st.caption(f"Tidak ada data {p.tahun - 1} untuk dibandingkan.")
        return
    st.markdown(ubah.ringkasan())
    berubah = pt.hanya_berubah(tabel.perubahan)
    if berubah.empty:
        st.caption("Daftar kantong sama dengan tahun sebelumnya.")
    else:
        tabel_aman(berubah, hide_index=True)


def keterangan(*teks: str | None) -> None:
    """Captions, skipping the ones a core function left out (None)."""
    for t in teks:
        if t:
            st.caption(t)
