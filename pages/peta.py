"""Peta kantong kemiskinan: where are the pockets, why, and are the programs reaching them?"""

import streamlit as st

from tkpk import bawaan, fmt, idm, katalog, peta, sel_kecil
from tkpk import peta_profil as pp
from tkpk import peta_tabel as pt
from tkpk.charts import peta as cp
from tkpk.charts.idm import LABEL_IDM
from tkpk.kantong import DEPRIVASI, AturanKantong, AturanMoran, deskripsi_aturan
from tkpk.kantong_moran import KOREKSI, LAJU
from tkpk.klasifikasi import K_MAKS, K_MIN, SKEMA, klasifikasi
from tkpk.seri_campuran import keterangan_campuran
from tkpk.ui import chrome
from tkpk.ui.aman import tabel as tabel_aman
from tkpk.ui.cache import baca, baca_bersama
from tkpk.ui.grafik import spek, tampil_grafik
from tkpk.ui.unduhan import tabel_angka, tombol_unduh
from tkpk.ui.widgets import pilih_url

chrome.halaman("Peta kantong kemiskinan", "Di mana kantong kemiskinan, mengapa, dan apakah program menjangkaunya?")
besar = chrome.mode_presentasi()
KEY_PETA, KEY_TEMPAT, KEY_KLIK = "peta_utama", "pilih_tempat", "_peta_klik_terakhir"
sb = st.sidebar

# --- widgets (state in the URL) ---
semua_tahun = baca(peta.tahun_tersedia)
if not semua_tahun:
    st.info("Belum ada data indikator kecamatan/desa di basis data. Unggah data di halaman Unggah data.")
    st.stop()
tingkat = pilih_url("Tingkat wilayah", list(peta.TINGKAT), "tingkat", format_func=peta.NAMA_TINGKAT.get, where=sb)
nama_ind = {i.kode: f"{i.nama} ({i.satuan})" for i in katalog.INDIKATOR}
indikator = pilih_url("Indikator", list(nama_ind), "indikator", default=peta.INDIKATOR_BAWAAN,
                      format_func=nama_ind.get, where=sb)
tahun = pilih_url("Tahun", semua_tahun, "tahun", parse=int, where=sb)
skema = pilih_url("Klasifikasi peta", list(SKEMA), "skema", format_func=SKEMA.get, where=sb)
# Real village status over any indicator; kept in the link like every other choice.
idm_aktif = sb.toggle(f"Tandai desa Tertinggal IDM {idm.TAHUN_DESA} (data nyata, Dinas PMD)",
                      value=st.query_params.get("idm") == "1", key="toggle_idm")
if idm_aktif:
    st.query_params["idm"] = "1"
elif "idm" in st.query_params:
    del st.query_params["idm"]
data = baca(peta.data_tingkat, tingkat, tahun)
nilai = peta.nilai_peta(data, indikator)
ind = katalog.INDIKATOR_BY_KODE[indikator]
ambang, galat_ambang = None, None
if skema == "fixed":
    awal = st.query_params.get("ambang") or pt.ambang_awal(nilai["nilai"])
    teks = sb.text_input("Ambang kelas (pisahkan dengan ;)", value=awal, key=f"ambang_{tingkat}_{indikator}",
                         help="Koma untuk desimal, mis. 2; 4,5; 7 → ≤ 2, 2–4,5, 4,5–7, > 7. 2–6 angka.")
    st.query_params["ambang"] = teks
    try:
        ambang = pt.baca_ambang(teks)
        if not K_MIN - 1 <= len(ambang) <= K_MAKS - 1:
            raise ValueError(f"Butuh {K_MIN - 1}–{K_MAKS - 1} ambang berbeda, bukan {len(ambang)}.")
    except ValueError as e:
        galat_ambang, ambang = str(e), None
k = pilih_url("Jumlah kelas", list(range(K_MIN, K_MAKS + 1)), "k", default=peta.K_BAWAAN[tingkat], parse=int,
              where=sb, key=f"url_k_{tingkat}") if skema != "fixed" else 0

sb.markdown("**Aturan kantong kemiskinan**")
jenis_aturan = pilih_url("Aturan", ["jp", "moran"], "aturan", where=sb, format_func={
    "jp": "Jumlah × persentase (bawaan)", "moran": "Klaster spasial (Local Moran's I)"}.get)
ukuran = pilih_url("Ukuran kemiskinan", ["jiwa", "KK"], "ukuran", where=sb,
                   format_func={"jiwa": "Penduduk desil 1–4 (jiwa)", "KK": "KK desil 1"}.get)
kolom_p, kolom_j = (("persen_jiwa_desil_1_4", "jiwa_desil_1_4") if ukuran == "jiwa"
                    else ("persen_kk_desil_1", "kk_desil_1"))
if jenis_aturan == "moran":
    alpha = pilih_url("Ambang nilai p (α)", [0.01, 0.05, 0.1], "alpha", default=0.05, parse=float, where=sb,
                      format_func=lambda a: fmt.angka(a, 2))
    koreksi = pilih_url("Koreksi uji berganda", list(KOREKSI), "koreksi", where=sb, format_func=KOREKSI.get)
    laju = pilih_url("Nilai yang diuji", list(LAJU), "laju", where=sb, format_func=LAJU.get)
    aturan = AturanMoran(kolom_persen=kolom_p, alpha=alpha, koreksi=koreksi, laju=laju)
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

hasil = baca(peta.hitung_kantong, tingkat, tahun, aturan)
kelas = klasifikasi(nilai["nilai"], "fixed" if ambang else ("quantile" if skema == "fixed" else skema),
                    k or peta.K_BAWAAN[tingkat], ambang, lebih_tinggi_lebih_buruk=ind.lebih_tinggi_lebih_buruk)

# --- selected place: a click on the map (read before drawing, so its outline shows at once) or the list ---
wil = baca(peta.wilayah)
label_wil = dict(zip(wil["kode"], wil["label"], strict=True))
if KEY_TEMPAT not in st.session_state:
    st.session_state[KEY_TEMPAT] = st.query_params.get("tempat", "") if st.query_params.get("tempat") in \
        label_wil else ""
acara = st.session_state.get(KEY_PETA) or {}
klik = ((acara.get("selection") or {}).get(cp.PILIH) or [{}])[0].get("kode")
if klik and klik != st.session_state.get(KEY_KLIK):
    st.session_state[KEY_KLIK] = klik
    st.session_state[KEY_TEMPAT] = klik
tempat = st.session_state[KEY_TEMPAT]

# --- 1. the map ---
st.header(f"{ind.nama} per {tingkat}, {tahun}")
chrome.label_contoh(data.sampel)
if indikator in katalog.KODE_REGISTER:
    st.caption(f"**{ind.nama}**: {ind.deskripsi}" + ("" if "BPS" in ind.deskripsi else
                                                        f" {katalog.DEFINISI_REGISTER}."))
if nilai["samar"].ne("").any():
    st.caption(f"Sel kecil dilindungi: jumlah rumah tangga atau orang 1–4 ditulis \"< {sel_kecil.AMBANG}\"; sel "
               f"pelengkap (agar total kecamatan tidak membukanya) dan persentase dari sel tersembunyi ditulis "
               f"\"{sel_kecil.TEKS_SAMAR}\" dan diberi warna abu-abu tua di peta.")
if indikator in peta.TANPA_PERINGKAT:
    st.caption(f"{ind.nama} adalah ukuran wilayah, bukan kebutuhan: tidak diberi peringkat.")
if galat_ambang:
    st.error(f"Ambang tidak dapat dipakai: {galat_ambang} Peta memakai kuantil sampai ambang diperbaiki.")
geo = baca_bersama(peta.geometri, tingkat)
props = cp.props_peta(nilai, kelas, hasil.kode_kantong, dict(zip(hasil.tabel["kode"], hasil.tabel["jenis"],
                                                                 strict=True)))
kec_geo = baca_bersama(peta.geometri, "kecamatan")
# Names only at kecamatan level (at desa level 290 names would be noise; tooltips name each desa, kecamatan
# borders are drawn for orientation).
label_kec = kec_geo.titik if tingkat == "kecamatan" else None
garis_kec = kec_geo.fitur if tingkat == "desa" else None
n_k = len(hasil.kode_kantong)
lapisan_idm, data_idm = None, None
if idm_aktif:
    data_idm = baca(idm.desa_tertinggal)
    desa_geo = baca_bersama(peta.geometri, "desa")
    lapisan_idm = idm.overlay(desa_geo.fitur, desa_geo.titik, data_idm)
grafik = spek(
    cp.peta_koroplet, geo.fitur_dengan(props), kelas, judul=f"{ind.nama}, {tahun}",
    judul_legenda=katalog.judul_legenda(indikator),
    subjudul=[f"Lebih gelap = lebih buruk. Garis hitam tebal: {n_k} kantong. Klik wilayah untuk profilnya.",
              "Celah kosong di barat = Kota Banjarbaru (bukan bagian Kabupaten Banjar)."]
    + ([f"{LABEL_IDM} {idm.TAHUN_DESA} ({data_idm.jumlah_dikenal} dari {data_idm.jumlah_sumber} bernama)"]
       if data_idm is not None else []),
    desa=tingkat == "desa", titik_label=label_kec, garis_kecamatan=garis_kec, idm=lapisan_idm,
    kode_terpilih=tempat or None, besar=besar, tinggi=700 if besar else 540, lebar=1100 if besar else "container")
kiri, kanan = st.columns([3, 2]) if not besar else (st.container(), st.container())
with kiri:
    tampil_grafik(grafik, key=KEY_PETA, pilihan=[cp.PILIH])
    chrome.sumber(f"{'; '.join(sorted(set(nilai['sumber']) - {fmt.TIDAK_ADA})) or 'tidak ada data'}. "
                  f"Klasifikasi: {SKEMA[kelas.skema]}, {kelas.k} kelas. Batas wilayah: Kepmendagri 2025.")
    if kelas.catatan:
        st.caption(kelas.catatan)
    if data_idm is not None:
        st.caption(data_idm.keterangan)

# --- 2. profile of the selected place ---
with kanan:
    st.subheader("Profil wilayah")
    st.selectbox("Pilih wilayah (atau klik di peta)", ["", *wil["kode"]], key=KEY_TEMPAT,
                 format_func=lambda c: label_wil.get(c, "— pilih —"))
    tempat = st.session_state[KEY_TEMPAT]
    if tempat:
        st.query_params["tempat"] = tempat
    elif "tempat" in st.query_params:
        del st.query_params["tempat"]
    if tempat:
        tk = peta.tingkat_kode(tempat)
        h_tempat = hasil if tk == tingkat else baca(
            peta.hitung_kantong, tk, tahun, aturan if isinstance(aturan, AturanMoran) else peta.aturan_bawaan(tk))
        prof = baca(pp.profil, tempat, tahun, indikator, h_tempat)
        st.markdown(f"### {prof.judul}")
        for baris in baca(idm.status_tempat, tempat):
            st.markdown(f"**{baris}**")
        (st.error if prof.is_pocket else st.info)(pp.teks_status(prof))
        tampil_grafik(spek(cp.tren_tempat, prof.tren, judul=f"Tren {prof.nama}", subjudul=ind.nama,
                           satuan=ind.satuan, besar=besar))
        campuran = keterangan_campuran(prof.tren)
        if campuran:
            st.caption(campuran)
        if prof.desa is not None:
            st.markdown(f"**Desa/kelurahan di {prof.nama}** ({ind.nama}, {tahun}; terburuk di atas)")
            tabel_aman(prof.desa[["nama", "nilai_teks", "peringkat_teks"]].rename(columns={
                "nama": "Desa", "nilai_teks": "Nilai", "peringkat_teks": "Peringkat di kabupaten"}),
                hide_index=True, height=min(420, 40 + 36 * len(prof.desa)))
        st.markdown(f"**Intervensi OPD {tahun} di sini**, per pilar dan OPD")
        tabel_angka(prof.intervensi, {"Pagu (Rp)": fmt.rupiah_ringkas, "Realisasi (Rp)": fmt.rupiah_ringkas})
        st.caption("Pilar: " + "; ".join(f"{p.kode} = {p.nama_singkat}" for p in katalog.PILAR))
        st.caption(pp.ringkas_intervensi(prof) + (f" Ditambah {prof.intervensi_kec} kegiatan untuk kecamatannya "
                                                  "secara keseluruhan." if prof.intervensi_kec else ""))
        chrome.sumber("laporan program OPD dan register sosial per wilayah" + (" (DATA CONTOH (sintetis))"
                                                                                if prof.sampel else ""))
    else:
        st.caption("Klik satu wilayah di peta atau pilih dari daftar untuk melihat tren, desa, intervensi dan "
                   "alasan status kantongnya.")

# --- 3. pockets ---
st.header(f"Kantong kemiskinan {tahun}: {n_k} {fmt.awal_kecil(peta.NAMA_TINGKAT[tingkat])}")
if isinstance(aturan, AturanMoran) and hasil.uji is not None:
    u = hasil.uji
    st.markdown(f"**Signifikan sebelum koreksi: {u.signifikan_mentah} dari {u.jumlah_diuji} "
                f"{fmt.awal_kecil(peta.NAMA_TINGKAT[tingkat])}; "
                + (f"setelah koreksi {KOREKSI['fdr']}: {u.signifikan}.**" if u.koreksi == "fdr" else
                   "tanpa koreksi uji berganda.**"))
st.markdown(deskripsi_aturan(aturan, hasil))
st.caption(f"Bawaan: jumlah × persentase, kuantil, {bawaan.K_KELAS['kecamatan']} kelas di tingkat kecamatan "
           f"(20 wilayah) dan {bawaan.K_KELAS['desa']} kelas di tingkat desa (290 wilayah); halaman lain, slide "
           "rakor, buku kerja dan PDF memakai aturan bawaan yang sama.")
if hasil.catatan:
    st.caption(hasil.catatan)
if n_k == 0:
    st.info(f"**Tidak ada {tingkat} yang memenuhi aturan ini pada {tahun}.** Tidak ada wilayah yang sekaligus "
            "berada di kelas teratas kedua ukuran. Coba kurangi jumlah kelas, pakai aturan Moran, atau lihat "
            "tingkat desa.")
tabel = baca(pt.tabel_kantong_halaman, tingkat, tahun, aturan)
format_kantong = pt.format_kantong()
if n_k:
    tabel_angka(tabel.kantong.drop(columns=["Kode"]), format_kantong)
semua = tabel.semua
if isinstance(aturan, AturanMoran):
    with st.expander("Nilai p semua wilayah (Local Moran's I)", expanded=False):
        tabel_angka(semua.drop(columns=["Kode"]), format_kantong)
chrome.sumber("register DTSEN per wilayah (pangsa register, bukan BPS)" + (" — DATA CONTOH (sintetis)" if data.sampel
                                                                      else ""))
tombol_unduh(semua, f"kantong_{tingkat}_{tahun}", key="unduh_kantong", sampel=data.sampel,
             asal="register DTSEN per wilayah (pangsa register, bukan BPS)")
tampil_grafik(spek(cp.kuadran, hasil.tabel if "jumlah" in hasil.tabel.columns else hasil.tabel.merge(
    data.lebar[["kode", kolom_j]].rename(columns={kolom_j: "jumlah"}), on="kode", how="left"),
    ambang_persen=hasil.ambang_persen, ambang_jumlah=hasil.ambang_jumlah,
    judul_x=katalog.INDIKATOR_BY_KODE[kolom_p].nama + " (%)", judul_y=katalog.INDIKATOR_BY_KODE[kolom_j].nama,
    besar=besar))

ubah = baca(peta.perubahan, tingkat, tahun, aturan)
st.subheader(f"Masuk dan keluar daftar dibanding {tahun - 1}")
if ubah is None:
    st.caption(f"Tidak ada data {tahun - 1} untuk dibandingkan.")
else:
    st.markdown(ubah.ringkasan())
    tp = tabel.perubahan
    berubah = tp[~tp["Perubahan"].str.startswith("tetap")]
    if berubah.empty:
        st.caption("Daftar kantong sama dengan tahun sebelumnya.")
    else:
        tabel_aman(berubah.drop(columns=["Kode"]), hide_index=True)

# --- 4. tepat sasaran ---
st.header(f"Tepat sasaran {tahun}: apakah program menjangkau kantong?")
satuan = pilih_url("Kebutuhan diukur dalam", ["jiwa", "KK"], "satuan", format_func={
    "jiwa": "jiwa desil 1–4 (per 1.000 jiwa desil 1–4)", "KK": "KK desil 1 (per 1.000 KK desil 1)"}.get)
s = baca(peta.sasaran, tingkat, tahun, satuan, hasil.kode_kantong)
tabel_s = baca(pt.tabel_sasaran_halaman, tingkat, tahun, aturan, satuan)
belum = tabel_s.tersentuh
if not peta.ada_laporan(s):
    st.info(f"Belum ada laporan program OPD untuk {tahun}, jadi tepat sasaran {tahun} belum dapat dinilai "
            "(kantong tanpa laporan bukan berarti belum tersentuh).")
elif n_k == 0:
    st.info("Tidak ada kantong menurut aturan ini, jadi tidak ada daftar kantong belum tersentuh.")
elif belum.empty:
    st.success(f"Semua {n_k} kantong menerima intervensi di atas ambang pada {tahun}.")
else:
    st.error(f"### 🚩 {len(belum)} dari {n_k} kantong belum tersentuh\nKantong tanpa intervensi, atau dengan "
             f"intervensi di bawah ambang ({fmt.angka(s.ambang_rasio, 2)} {fmt.awal_kecil(s.label_rasio)}).")
    tabel_aman(belum.drop(columns=["Kode"]), hide_index=True)
with st.expander("Cara menghitung", expanded=False):
    st.markdown(s.deskripsi())
rasio = s.tabel.set_index("kode")["intervensi_per_1000"].reindex(nilai["kode"]).to_numpy()
nilai_r = nilai.assign(nilai=rasio, nilai_teks=[fmt.TIDAK_ADA if x != x else fmt.angka(x, 2) for x in rasio],
                       sumber="laporan program OPD ÷ register sosial", samar="")
kelas_r = cp.kelas_rasio(nilai_r["nilai"])
props_r = cp.props_peta(nilai_r.assign(peringkat_teks=fmt.TIDAK_ADA), kelas_r, hasil.kode_kantong)
tampil_grafik(spek(
    cp.peta_koroplet, geo.fitur_dengan(props_r), kelas_r, judul=s.label_rasio, judul_legenda=s.label_rasio,
    subjudul="Lebih gelap = lebih sedikit intervensi per kebutuhan. Garis hitam: kantong.", desa=tingkat == "desa",
    titik_label=label_kec, garis_kecamatan=garis_kec, pilih=False,
    besar=besar, tinggi=560))
ts = tabel_s.sasaran
tabel_angka(ts.drop(columns=["Kode"]), {c: (fmt.rupiah if "Rp" in c else (lambda x: fmt.angka(x, 2)) if "1.000"
                                            in c else fmt.angka) for c in ts.columns
                                        if ts[c].dtype.kind in "fi"})
if not s.tidak_terpetakan.empty:
    st.caption("Tidak terpetakan di tingkat ini: " + "; ".join(
        f"{r.alasan}: {r.jumlah_intervensi} kegiatan ({fmt.rupiah(r.pagu)})" for r in s.tidak_terpetakan.itertuples()))
chrome.sumber("laporan program OPD (periode tahunan atau triwulan terakhir) dan register sosial per wilayah"
              + (" — DATA CONTOH (sintetis)" if data.sampel else ""))
tombol_unduh(ts, f"tepat_sasaran_{tingkat}_{tahun}_{satuan}", key="unduh_sasaran", sampel=data.sampel,
             asal="laporan program OPD dan register sosial per wilayah")
