"""Tren kemiskinan: is poverty in Banjar going down, how does it compare in Kalsel, and which kecamatan lag?"""


import streamlit as st

from tkpk import SUMBER_CONTOH, fmt
from tkpk.charts.kalsel import batang_peringkat, peta_kalsel
from tkpk.charts.kecil import grafik_kecil
from tkpk.charts.tren import grafik_tren
from tkpk.tren import data as tren
from tkpk.ui import chrome
from tkpk.ui.aman import md
from tkpk.ui.cache import baca
from tkpk.ui.gambar import tombol_gambar
from tkpk.ui.grafik import spek, tampil_grafik
from tkpk.ui.unduhan import tabel_angka, tombol_unduh
from tkpk.ui.widgets import pilih_banyak_url, pilih_url

chrome.halaman("Tren kemiskinan", "Apakah kemiskinan di Banjar turun, dan bagaimana dibanding provinsi dan "
                                  "kab/kota lain di Kalimantan Selatan?")
besar = chrome.mode_presentasi()

# --- widgets (state in the URL) ---
ind_bps = tren.pilihan_indikator_bps()
indikator = pilih_url("Indikator BPS", list(ind_bps), "indikator", format_func=ind_bps.get, where=st.sidebar)
# One section drawn at a time, its tab in the URL (?bagian=): the browser lays out one section's charts at first
# sight, not four (issue 17). A section's own choices are in the sidebar while it is open.
tab_tren, tab_kalsel, tab_kec = st.tabs(list(tren.BAGIAN), key="bagian", bind="query-params")

# --- 1. the BPS series ---
if tab_tren.open:
    kabkota = baca(tren.daftar_kabkota)
    nama_kab = dict(zip(kabkota["kode"], kabkota["nama"].map(tren.nama_pendek), strict=False))
    pembanding = pilih_banyak_url("Bandingkan dengan kab/kota", list(nama_kab), "kabkota",
                                  format_func=nama_kab.get, where=st.sidebar, max_selections=5)
    seri = baca(tren.seri_bps, indikator, pembanding)
    with tab_tren:
        st.header(f"{seri.nama_indikator}: Banjar dan Kalimantan Selatan")
        if seri.data.empty:
            st.info(f"Belum ada angka {fmt.awal_kecil(seri.nama_indikator)} tersimpan di basis data. Indikator ini "
                    "siap diunggah (halaman Unggah data, jenis berkas bps)."
                    + (f" {seri.teks_target}." if not seri.target.empty else ""))
        else:
            subjudul = "Tahun tanpa angka dibiarkan kosong (garis terputus), tidak diisi perkiraan."
            if not seri.target.empty:
                subjudul += " Tanda silang hijau: target."
            chart_tren = spek(grafik_tren, seri.data, judul=seri.nama_indikator, satuan=seri.satuan,
                              subjudul=subjudul, target=seri.target, besar=besar)
            tampil_grafik(chart_tren)
            chrome.sumber("angka kemiskinan Susenas Maret per tahun, masing-masing dengan jenis sumbernya (bentuk "
                          f"titik; arahkan kursor untuk sumbernya): {seri.legenda_sumber or 'BPS'}. "
                          f"{seri.teks_target}")
            with st.expander("Sumber lengkap tiap angka"):
                st.markdown("\n".join(f"- {md(s)}" for s in seri.sumber))
            tombol_unduh(seri.unduhan(), f"tren_{indikator}", key="unduh_tren")
            tombol_gambar(chart_tren, f"tren_{indikator}", "Susenas Maret, jenis sumber per titik"
                          + (f" ({seri.legenda_sumber})" if seri.legenda_sumber else ""), False, key="gambar_tren")

# --- 2. Kalsel map and ranking for one year ---
if tab_kalsel.open:
    seri = baca(tren.seri_bps, indikator, None)  # Banjar's series: its last year is the map's default year
    semua_tahun = baca(tren.tahun_bps)
    tahun = pilih_url("Tahun peta Kalsel", semua_tahun, "tahun", default=tren.tahun_bawaan(seri, semua_tahun),
                      parse=int, where=st.sidebar)
    peta = baca(tren.peta_kalsel, indikator, tahun)
    with tab_kalsel:
        st.header(f"Posisi Banjar di Kalimantan Selatan, {tahun}")
        n_ada = int(peta.wilayah["nilai"].notna().sum())
        sub = f"{n_ada} dari 13 kab/kota punya angka {tahun}; abu-abu = tidak ada data."
        judul_batang = "Peringkat (terendah di atas)" if peta.ada_peringkat else \
            f"Belum cukup pembanding ({n_ada} kab/kota): urutan nilai, bukan peringkat"
        kiri, kanan = st.columns([6, 5])
        chart_kalsel = spek(peta_kalsel, peta.wilayah, judul=f"{seri.nama_indikator} {tahun}", satuan=peta.satuan,
                            subjudul=sub, lebih_tinggi_lebih_buruk=peta.lebih_tinggi_lebih_buruk, besar=besar)
        tampil_grafik(chart_kalsel, where=kiri)
        tampil_grafik(spek(batang_peringkat, peta.tabel, judul=judul_batang, satuan=peta.satuan,
                           subjudul="Banjar berwarna oranye.", besar=besar), where=kanan)
        chrome.sumber(f"angka {tahun} per kab/kota, tiap angka dengan jenis sumbernya di tooltip. Peringkat hanya "
                      "bila sedikitnya 5 kab/kota punya angka. Batas wilayah: Kepmendagri 300.2.2-2430/2025 via "
                      "cahyadsn/wilayah_boundaries (MIT).")
        tombol_unduh(peta.unduhan(), f"kalsel_{indikator}_{tahun}", key="unduh_kalsel")
        tombol_gambar(chart_kalsel, f"peta_kalsel_{indikator}_{tahun}",
                      f"Angka {tahun} per kab/kota (jenis sumber di unduhan)", False, key="gambar_kalsel")

# --- 3. kecamatan small multiples ---
if tab_kec.open:
    ind_kec = tren.pilihan_indikator_kecamatan()
    ind = pilih_url("Indikator kecamatan", list(ind_kec), "ind_kec", default="persen_jiwa_desil_1_4",
                    format_func=ind_kec.get, where=st.sidebar)
    tk = baca(tren.tren_kecamatan, ind)
    kec = tren.daftar_kecamatan(tk) if not tk.data.empty else {}
    sorot = pilih_url("Sorot kecamatan", ["", *kec], "kecamatan", format_func=lambda k: kec.get(k, "(tidak ada)"),
                      where=st.sidebar) if kec else ""
    with tab_kec:
        st.header("Tren per kecamatan")
        chrome.label_contoh(tk.sampel)
        if tk.proksi:
            st.markdown("**Catatan:** BPS tidak menerbitkan angka kemiskinan per kecamatan. Angka ini adalah "
                        "**pangsa register DTSEN** (desil kesejahteraan untuk penargetan bantuan), bukan persentase "
                        "penduduk miskin (P0) BPS, dan tidak dapat dibandingkan langsung dengan angka kabupaten.")
        if tk.data.empty:
            st.info("Belum ada data kecamatan untuk indikator ini.")
        else:
            asal = SUMBER_CONTOH if tk.sampel else "; ".join(tren.sumber_ringkas(s) for s in tk.sumber)
            sub_kec = ["Skala sama untuk semua kecamatan; urut dari nilai terakhir tertinggi.", f"Sumber: {asal}."]
            if tk.proksi:
                sub_kec.append("Register DTSEN (penargetan bantuan), bukan angka BPS.")
            # full width, the table under the panels (beside them, the fixed-width facets ran under it)
            kecil = spek(grafik_kecil, tk.data, tk.urutan_panel, judul=tk.nama_indikator, satuan=tk.satuan,
                         subjudul=sub_kec, kolom=4, sorot=sorot or None, besar=besar)
            tampil_grafik(kecil, lebar="content")
            t = tren.tabel_kecamatan(tk)
            fmt_nilai, fmt_ubah = tren.format_nilai(tk.satuan), tren.format_perubahan(tk.satuan)
            st.markdown("**Nilai terakhir dan perubahan**  \nKlik judul kolom untuk mengurutkan.")
            tabel_angka(t, {t.columns[1]: fmt_nilai, t.columns[2]: fmt_ubah, t.columns[3]: fmt_ubah}, height=420)
            if tk.campuran:
                st.caption(tk.campuran)
            chrome.sumber(f"{asal}. Indikator: {tk.nama_indikator} ({tk.satuan}).")
            tombol_unduh(tk.unduhan(), f"kecamatan_{ind}", key="unduh_kecamatan")
            tombol_gambar(kecil, f"kecamatan_{ind}", asal, tk.sampel, key="gambar_kecamatan")
