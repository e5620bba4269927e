"""Widgets of the rakor loop: decision lists, the forms analysts use during and after a meeting, the history.

Shared by the Tindak lanjut page and the slideshow's Keputusan and Tindak lanjut slides, so a decision typed on
the projector and one typed at a desk go through the same checks (:mod:`tkpk.rakor.keputusan`) and leave the
same trace. Forms are only drawn for a logged-in analyst; everybody else sees the lists.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from tkpk import katalog
from tkpk.rakor import halaman, tabel
from tkpk.rakor import keputusan as kp
from tkpk.rakor.bahan import BahanRakor, judul_rakor
from tkpk.ui import aman, chrome
from tkpk.ui.cache import baca
from tkpk.ui.koneksi import conn, hanya_baca
from tkpk.ui.widgets import kotak_malas

_OPD = {"": "— tanpa OPD —", **{o.kode: f"{o.nama_singkat} (pilar {o.pilar})" for o in katalog.OPD}}
_INDIKATOR = {i.kode: i.nama for i in katalog.INDIKATOR if not i.turunan}
_ACUAN = {"": "tanpa target", "program": "program OPD", "indikator": "indikator wilayah"}
# under a decision table on the projector (tkpk.rakor.tabel.KOLOM_PROYEKTOR*): where the columns it leaves out are,
# for the follow-up (with the data's suggestion) and for this rakor's decisions
KOLOM_LENGKAP_TINDAK = chrome.kolom_lengkap("acuan target, dasar saran, terakhir diubah")
KOLOM_LENGKAP = chrome.kolom_lengkap("terakhir diubah")

# A form on the projector: labels and fields readable from the back of the room.
CSS_FORM_BESAR = """
<style>
[data-testid="stForm"] label p, [data-testid="stForm"] input, [data-testid="stForm"] textarea,
[data-testid="stForm"] [data-baseweb="select"] div { font-size: 24px !important; }
[data-testid="stForm"] button p { font-size: 24px !important; font-weight: 700; }
</style>
"""


def _pesan_gagal(e: kp.IsianGagal) -> None:
    st.error("Belum dapat disimpan:\n\n" + "\n".join(f"- {aman.md(p)}" for p in e.pesan))


def bisa_menulis(oleh: str | None) -> bool:
    return oleh is not None and not hanya_baca()


def daftar_keputusan(k: pd.DataFrame, *, dengan_saran: bool = False, key: str = "keputusan") -> None:
    """The decisions as a static HTML table, text as typed (every cell escaped: nothing typed by a user is read as
    Markdown), with the neutralised CSV/XLSX buttons beneath.

    Why not the interactive grid: a rakor's decisions are a handful of rows of long text, and the grid cost a
    first visit about 1,2 MB of JavaScript (grid, Arrow formatting, JSON viewer) and a canvas before the page was
    complete (issue 17); an HTML table wraps the long text, is found by the browser's own search, and a screen
    reader reads it cell by cell. It has no toolbar, so it offers no raw "Download as CSV" either."""
    from tkpk.ui.unduhan import tombol_unduh

    if k.empty:
        st.info("Belum ada keputusan tercatat.")
        return
    t = tabel.tabel_keputusan(k, dengan_saran=dengan_saran)
    besar = chrome.mode_presentasi()
    tampil = t[tabel.KOLOM_PROYEKTOR_TINDAK if dengan_saran else tabel.KOLOM_PROYEKTOR] if besar else t
    tampil = tampil.assign(Keputusan=tampil["Keputusan"].map(tabel.bisa_patah))  # shown only: bisa_patah says why
    aman.tabel_kecil(tampil, tautan={"OPD": chrome.dengan_mode(tabel.tautan_opd(k))})  # links: tautan_opd says why
    if besar:
        st.caption(KOLOM_LENGKAP_TINDAK if dengan_saran else KOLOM_LENGKAP)
    sampel = any(bool(k[c].astype(bool).any()) for c in ("sampel", "saran_sampel") if c in k.columns)
    tombol_unduh(t, key, key=f"unduh_{key}", sampel=sampel,
                 asal="keputusan rakor dicatat analis TKPK" + ("; saran status dari laporan intervensi OPD"
                                                                if dengan_saran else ""))


def form_rakor_baru(oleh: str, key: str = "rakor_baru") -> None:
    """A new meeting: date, title, place."""
    with st.form(key, clear_on_submit=True):
        tanggal = st.date_input("Tanggal rakor", value=date.today(), format="DD/MM/YYYY")
        judul = st.text_input("Judul", placeholder="Rakor TKPK Kabupaten Banjar Desember 2025")
        tempat = st.text_input("Tempat", placeholder="Aula Bappedalitbang, Martapura")
        kirim = st.form_submit_button("Simpan rakor")
    if kirim:
        try:
            kp.buat_rakor(conn(), kp.IsiRakor(tanggal, judul, tempat), oleh=oleh)
        except kp.IsianGagal as e:
            _pesan_gagal(e)
            return
        st.success("Rakor tersimpan.")
        st.rerun()


def form_keputusan(rakor: dict[str, Any], oleh: str, key: str, besar: bool = False) -> None:
    """Record a decision of ``rakor``; on the projector the form is drawn large."""
    if besar:
        st.markdown(CSS_FORM_BESAR, unsafe_allow_html=True)
    tempat = baca(kp.pilihan_tempat)
    with st.form(key, clear_on_submit=True):
        teks = st.text_area("Keputusan", height=90 if besar else 110,
                            placeholder="Contoh: Bedah rumah 20 unit di Desa Tambak Anyar sebelum Juni 2025")
        c1, c2, c3 = st.columns(3)
        opd = c1.selectbox("OPD penanggung jawab", list(_OPD), format_func=_OPD.get, key=f"{key}_opd")
        tenggat = c2.date_input("Tenggat", value=None, format="DD/MM/YYYY", key=f"{key}_tenggat")
        lokasi = c3.selectbox("Lokasi", list(tempat), format_func=tempat.get, key=f"{key}_lokasi")
        c4, c5, c6 = st.columns(3)
        acuan = c4.selectbox("Target atas", list(_ACUAN), format_func=_ACUAN.get, key=f"{key}_acuan")
        program = c5.text_input("Program (bila target atas program)", key=f"{key}_program")
        indikator = c5.selectbox("Indikator (bila target atas indikator)", list(_INDIKATOR),
                                 format_func=_INDIKATOR.get, key=f"{key}_indikator")
        target = c6.number_input("Target", min_value=0.0, value=None, step=1.0, key=f"{key}_target")
        catatan = "" if besar else st.text_input("Catatan", key=f"{key}_catatan")
        kirim = st.form_submit_button("Simpan keputusan", type="primary")
    if not kirim:
        return
    isi = kp.IsiKeputusan(
        teks=teks, kode_opd=opd or None, tenggat=tenggat, kode_wilayah=lokasi or None,
        program=program if acuan == "program" else None, indikator=indikator if acuan == "indikator" else None,
        target=target if acuan else None, catatan=catatan or None)
    try:
        kp.catat_keputusan(conn(), int(rakor["rakor_id"]), isi, oleh=oleh)
    except kp.IsianGagal as e:
        _pesan_gagal(e)
        return
    st.toast("Keputusan tersimpan.")
    _simpan_peringatan(kp.peringatan_keputusan(conn(), isi))
    st.rerun()


_PERINGATAN = "rakor_peringatan"


def _simpan_peringatan(pesan: list[str]) -> None:
    """Warnings about what was just saved, kept for the run after ``st.rerun()`` (:func:`peringatan_tertunda`)."""
    if pesan:
        st.session_state[_PERINGATAN] = pesan


def peringatan_tertunda() -> None:
    """Show (once) the warnings about the decision just saved: drawn outside any expander so they are seen."""
    for p in st.session_state.pop(_PERINGATAN, []):
        st.warning("Tersimpan, dengan catatan: " + aman.md(p), icon="⚠️")


def _pilihan(k: pd.DataFrame) -> dict[int, str]:
    return {int(r.keputusan_id): f"{i}. {str(r.teks)[:80]}" for i, r in enumerate(k.itertuples(index=False), 1)}


def form_perbarui(k: pd.DataFrame, oleh: str, key: str, dengan_saran: bool = False) -> None:
    """Change a decision's status (or accept the data's suggestion); each change is a new event."""
    if k.empty:
        return
    pilihan = _pilihan(k)
    kid = st.selectbox("Keputusan", list(pilihan), format_func=pilihan.get, key=f"{key}_pilih")
    r = k[k["keputusan_id"] == kid].iloc[0]
    if dengan_saran and isinstance(r.get("saran"), str) and r["saran"] != r["status"]:
        st.markdown(f"Saran dari data: **{tabel.label_status(r['saran'])}**")
        st.markdown(aman.md(str(r["alasan_saran"])))
        if st.button("Terima saran", key=f"{key}_terima"):
            _simpan_status(kid, str(r["saran"]), f"status dari saran data: {r['alasan_saran']}", oleh)
    with st.form(f"{key}_form"):
        status = st.selectbox("Status baru", list(kp.STATUS), index=list(kp.STATUS).index(str(r["status"])),
                              format_func=kp.LABEL_STATUS.get)
        catatan = st.text_input("Catatan (mis. bukti atau kendala)", value="" if pd.isna(r["catatan"])
                                else str(r["catatan"]))
        kirim = st.form_submit_button("Simpan perubahan")
    if kirim:
        _simpan_status(kid, status, catatan, oleh)


def _simpan_status(kid: int, status: str, catatan: str | None, oleh: str) -> None:
    try:
        berubah = kp.ubah_keputusan(conn(), kid, oleh=oleh, status=status, catatan=catatan or None)
    except kp.IsianGagal as e:
        _pesan_gagal(e)
        return
    if berubah:
        st.toast("Perubahan tersimpan (riwayat keputusan bertambah satu).")
        st.rerun()
    st.info("Tidak ada yang berubah.")


def koreksi(b: BahanRakor, oleh: str, key: str = "koreksi") -> None:
    """Correct or withdraw a decision of the rakor on the page or the one before it, or a rakor itself; every
    correction and withdrawal is a new event with who and when (:mod:`tkpk.rakor.keputusan`)."""
    st.markdown("Salah ketik, tenggat atau OPD yang keliru dikoreksi di sini; keputusan atau rakor yang tercatat "
                "keliru ditarik. Semua tercatat di riwayat dengan siapa dan kapan; tidak ada yang dihapus.")
    k = pd.concat([x for x in (b.keputusan, b.tindak_lanjut) if not x.empty], ignore_index=True) \
        if not (b.keputusan.empty and b.tindak_lanjut.empty) else b.keputusan
    nama_rakor = {int(r.rakor_id): str(r.judul) for r in b.daftar.itertuples(index=False)}
    if not k.empty:
        st.markdown("**Koreksi keputusan**")
        pilihan = {int(r.keputusan_id): f"{nama_rakor.get(int(r.rakor_id), '')}: {str(r.teks)[:70]}"
                   for r in k.itertuples(index=False)}
        kid = st.selectbox("Keputusan yang dikoreksi", list(pilihan), format_func=pilihan.get, key=f"{key}_kep")
        _koreksi_keputusan(k[k["keputusan_id"] == kid].iloc[0], oleh, f"{key}_kep{kid}")
    st.markdown("**Koreksi rakor**")
    if b.daftar.empty:
        st.info("Belum ada rakor tercatat.")
        return
    pilihan_r = {int(r.rakor_id): judul_rakor(r._asdict()) for r in b.daftar.itertuples(index=False)}
    rid = st.selectbox("Rakor yang dikoreksi", list(pilihan_r), format_func=pilihan_r.get, key=f"{key}_rakor")
    _koreksi_rakor(b.daftar[b.daftar["rakor_id"] == rid].iloc[0], oleh, f"{key}_rakor{rid}")


def _koreksi_keputusan(r: pd.Series, oleh: str, key: str) -> None:
    kid = int(r["keputusan_id"])
    with st.form(f"{key}_ubah"):
        teks = st.text_area("Isi keputusan", value=str(r["teks"]), height=90, key=f"{key}_teks")
        c1, c2 = st.columns(2)
        lama_opd = "" if pd.isna(r["kode_opd"]) else str(r["kode_opd"])
        opd = c1.selectbox("OPD penanggung jawab", list(_OPD), index=list(_OPD).index(lama_opd) if lama_opd in _OPD
                           else 0, format_func=_OPD.get, key=f"{key}_opd")
        tenggat = c2.date_input("Tenggat", value=None if pd.isna(r["tenggat"]) else pd.Timestamp(r["tenggat"]).date(),
                                format="DD/MM/YYYY", key=f"{key}_tenggat")
        kirim = st.form_submit_button("Simpan koreksi")
    if kirim:
        try:
            berubah = kp.ubah_keputusan(conn(), kid, oleh=oleh, teks=teks, kode_opd=opd or None, tenggat=tenggat)
        except kp.IsianGagal as e:
            _pesan_gagal(e)
            return
        if not berubah:
            st.info("Tidak ada yang berubah.")
            return
        st.toast("Koreksi tersimpan (riwayat keputusan bertambah satu).")
        isi = kp.IsiKeputusan(teks=teks, kode_opd=opd or None, program=None if pd.isna(r["program"])
                              else str(r["program"]))
        _simpan_peringatan(kp.peringatan_keputusan(conn(), isi))
        st.rerun()
    with st.form(f"{key}_tarik"):
        alasan = st.text_input("Alasan menarik keputusan (wajib)", key=f"{key}_alasan")
        yakin = st.checkbox("Saya yakin: keputusan ini ditarik dari semua daftar (riwayatnya tetap tersimpan)",
                            key=f"{key}_yakin")
        tarik = st.form_submit_button("Tarik keputusan")
    if tarik:
        if not alasan.strip() or not yakin:
            st.error("Isi alasan dan centang kotak konfirmasi untuk menarik keputusan.")
            return
        kp.tarik_keputusan(conn(), kid, oleh=oleh, alasan=alasan)
        st.toast("Keputusan ditarik.")
        st.rerun()


def _koreksi_rakor(r: pd.Series, oleh: str, key: str) -> None:
    rid = int(r["rakor_id"])
    with st.form(f"{key}_ubah"):
        c1, c2, c3 = st.columns([1, 2, 2])
        tanggal = c1.date_input("Tanggal rakor", value=pd.Timestamp(r["tanggal"]).date(), format="DD/MM/YYYY",
                                key=f"{key}_tanggal")
        judul_baru = c2.text_input("Judul", value=str(r["judul"]), key=f"{key}_judul")
        tempat = c3.text_input("Tempat", value="" if pd.isna(r["tempat"]) else str(r["tempat"]), key=f"{key}_tempat")
        kirim = st.form_submit_button("Simpan koreksi rakor")
    if kirim:
        try:
            berubah = kp.ubah_rakor(conn(), rid, kp.IsiRakor(tanggal, judul_baru, tempat), oleh=oleh)
        except kp.IsianGagal as e:
            _pesan_gagal(e)
            return
        if not berubah:
            st.info("Tidak ada yang berubah.")
            return
        st.toast("Koreksi rakor tersimpan.")
        st.rerun()
    with st.form(f"{key}_tarik"):
        yakin = st.checkbox("Saya yakin: rakor ini dan keputusannya ditarik dari semua daftar (riwayatnya tetap "
                            "tersimpan)", key=f"{key}_yakin")
        tarik = st.form_submit_button("Tarik rakor")
    if tarik:
        if not yakin:
            st.error("Centang kotak konfirmasi untuk menarik rakor.")
            return
        kp.tarik_rakor(conn(), rid, oleh=oleh)
        st.toast("Rakor ditarik.")
        st.rerun()


def riwayat(k: pd.DataFrame, key: str) -> None:
    """Every event of one decision: who changed what, when, in a "Riwayat perubahan" expander drawn only while
    open (most visits never open it; closed, it still laid out a select box and a grid at first sight)."""
    if k.empty or (kotak := kotak_malas("Riwayat perubahan", f"{key}_buka_riwayat")) is None:
        return
    with kotak:
        pilihan = _pilihan(k)
        kid = st.selectbox("Riwayat keputusan", list(pilihan), format_func=pilihan.get, key=f"{key}_riwayat")
        aman.tabel(tabel.tabel_riwayat(kp.riwayat(conn(), int(kid))), hide_index=True, width="stretch")


def judul(b: BahanRakor) -> str:
    return judul_rakor(b.sekarang)


def _tabel_slide(s: halaman.Slide, bagian: slice, lainnya: bool = False) -> None:
    """One slide's rows of a decision table in the slides' own style; cells are escaped HTML, so typed text stays
    text, and a decision's long runs without a space may break (:func:`tkpk.rakor.tabel.bisa_patah`).
    ``lainnya``: say how many decisions the slide leaves out (the Keputusan slide shows its first page only)."""
    t = s.tabel.iloc[bagian]
    t = t.assign(Keputusan=t["Keputusan"].map(tabel.bisa_patah))
    st.markdown('<div class="daftar-slide">' + t.to_html(index=False, border=0, escape=True) + "</div>",
                unsafe_allow_html=True)
    if s.ada_potong(bagian):
        st.markdown("Teks bertanda … dipotong; lengkapnya di halaman Tindak lanjut rakor.")
    if lainnya and len(s.tabel) > bagian.stop:
        st.markdown(f"… dan {len(s.tabel) - bagian.stop} keputusan lainnya (daftar lengkap di halaman Tindak lanjut "
                    "rakor).")


def _masuk_slide(oleh: str | None, key: str) -> None:
    if oleh is None and not hanya_baca():
        from tkpk.ui import masuk

        with st.expander("Analis: masuk untuk mencatat", icon=":material/lock:"):
            masuk.gerbang(key)


def _ringkasan(rakor: dict[str, Any], k: pd.DataFrame, jenis: dict[int, halaman.Ukuran],
               layar: int) -> tuple[str, str, halaman.Ukuran]:
    """The line above a slide's table (the rakor's name, cut to fit, and how its decisions stand) and the room
    left under it."""
    ekor = f" — {tabel.ringkas(k)}"
    judul = halaman.judul_slide(judul_rakor(rakor), ekor, halaman.ukuran(jenis, layar))
    return judul, ekor, halaman.ukuran(jenis, layar, judul + ekor)


def _slide_tindak_lanjut(b: BahanRakor, layar: int) -> tuple[halaman.Slide, str, str]:
    t = tabel.tabel_keputusan(b.tindak_lanjut, dengan_saran=True)[tabel.KOLOM_PROYEKTOR_TINDAK]
    if b.sebelumnya is None:
        return halaman.untuk_slide(t, halaman.ukuran(halaman.TINDAK_LANJUT, layar)), "", ""
    judul, ekor, u = _ringkasan(b.sebelumnya, b.tindak_lanjut, halaman.TINDAK_LANJUT, layar)
    return halaman.untuk_slide(t, u), judul, ekor


def halaman_tindak_lanjut(b: BahanRakor, layar: int) -> int:
    """How many slides the follow-up of ``b`` takes at projector height ``layar``."""
    return len(_slide_tindak_lanjut(b, layar)[0].bagian) if b.sebelumnya is not None else 1


def slide_tindak_lanjut(b: BahanRakor, layar: int, oleh: str | None, halaman_ke: tuple[int, int] = (1, 1)) -> None:
    """The decisions of the previous rakor with their status (overdue marked) and the data's suggestion; page
    ``halaman_ke`` = (this page, pages) of the follow-up, each decision on exactly one page, numbered across pages.
    """
    if b.sebelumnya is None:
        st.info("Belum ada rakor sebelumnya yang tercatat; tindak lanjut dimulai dari keputusan rakor ini.")
        return
    s, judul, ekor = _slide_tindak_lanjut(b, layar)
    st.markdown(f"**{aman.md(judul)}**{ekor}")  # ekor: our own words (tabel.ringkas)
    ke, dari = halaman_ke
    # the agenda counted the pages when it was opened; a decision recorded since may change the count
    _tabel_slide(s, s.bagian[min(ke, len(s.bagian)) - 1])
    if ke < dari:
        st.markdown(f"Keputusan berikutnya di slide selanjutnya ({ke + 1}/{dari}).")
    if bisa_menulis(oleh):
        with st.expander("Perbarui status atau terima saran"):
            form_perbarui(b.tindak_lanjut, oleh, key="slide_tl", dengan_saran=True)  # type: ignore[arg-type]
    _masuk_slide(oleh, "slide_tl")


def slide_keputusan(b: BahanRakor, layar: int, oleh: str | None) -> None:
    """The decisions of this rakor so far, and (for a logged-in analyst) the form to record the next one."""
    if b.sekarang is None:
        st.info("Belum ada rakor tercatat. Catat rakor ini di halaman Tindak lanjut rakor.")
        return
    judul, ekor, u = _ringkasan(b.sekarang, b.keputusan, halaman.KEPUTUSAN, layar)
    st.markdown(f"**{aman.md(judul)}**{ekor}")  # ekor: our own words (tabel.ringkas)
    peringatan_tertunda()
    if not b.keputusan.empty:
        t = tabel.tabel_keputusan(b.keputusan)[["No", "Keputusan", "OPD", "Lokasi", "Acuan target", "Tenggat"]]
        s, bagian = halaman.keputusan_slide(t, u)
        _tabel_slide(s, bagian, lainnya=True)
    if bisa_menulis(oleh):
        # open at first only where it fits under the slide's title (review: at 720 it pushed the footer 152 px down)
        with st.expander("Catat keputusan", expanded=b.keputusan.empty and layar >= 1080, icon=":material/add_circle:"):
            form_keputusan(b.sekarang, oleh, key="slide_kep", besar=True)  # type: ignore[arg-type]
    _masuk_slide(oleh, "slide_kep")
