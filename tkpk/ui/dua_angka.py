"""The "Dua angka kemiskinan" panel, drawn the same way on Ringkasan and on the rakor slide.

Why a shared widget: the two numbers must never be shown apart from their explanation. BPS's estimate and the
welfare register sit side by side, each with its figure, year, kind of source, what it is for and which question
it answers; then why they differ; then the register's own conflicts, shown as findings at full size.
"""

from __future__ import annotations

import streamlit as st

from tkpk import fmt
from tkpk.mutu_sumber import legenda
from tkpk.tren import dua_angka as da
from tkpk.ui.unduhan import tabel_angka
from tkpk.ui.widgets import kotak_malas

KUNCI_REGISTER = "dua_angka_register"   # the register expander's open/closed state


def panel(d: da.DuaAngka, *, slide: bool = False, ringkas: bool = False) -> None:
    """Draw both numbers. ``slide``: what a projector carries (sources move to the slide's footer, short texts);
    ``ringkas``: a 1280×720 projector (one conflict line, no figures beside the main ones)."""
    b = d.bps
    # Column titles that keep the outline in order (axe-core heading-order): h3 under Ringkasan's h2 "Dua angka
    # kemiskinan"; on a slide, under the slide's h1, a bold line (as on the 1280×720 deck) instead of an h4.
    def judul(teks: str) -> str:
        return f"**{teks}**" if slide else f"### {teks}"

    kiri, kanan = st.columns(2)
    with kiri.container(border=True):
        st.markdown("**Ukuran BPS (Susenas) — menjawab: apakah kemiskinan turun?**" if ringkas else
                    judul("Ukuran BPS (Susenas) — kemiskinan kabupaten"))
        st.metric(d.label_angka_bps, fmt.jiwa(b.penduduk_miskin),
                  help="Perkiraan dari Survei Sosial Ekonomi Nasional (Maret); jenis sumber angka ini: "
                       f"{b.nama_sumber_figur('penduduk_miskin')}.")
        # P0 keeps its own marker and kind: it may come from another file than the count above
        p0 = f"{b.penanda_figur('p0')} **{fmt.persen(b.p0)}**".strip()
        jenis_p0 = "" if b.jenis("p0") == b.jenis("penduduk_miskin") else f" ({b.nama_sumber_figur('p0')})"
        st.markdown(f"**{d.jenis_angka_bps}**  \n{p0} penduduk (P0){jenis_p0} · {b.peringkat_teks}"
                    + ("" if ringkas else " di Kalimantan Selatan"))
        if not slide:
            st.caption(da.BPS_APA)
        if not ringkas:
            st.markdown(f"*{da.BPS_UNTUK_SINGKAT if slide else da.BPS_UNTUK}*")
        if not slide:
            st.caption(f"Sumber: {d.sumber_bps_teks}")
    with kanan.container(border=True):
        st.markdown("**Register sosial — menjawab: siapa dan di mana sasaran bantuan?**" if ringkas else
                    judul("Register kesejahteraan sosial — sasaran bantuan"))
        utama = d.register_utama
        if utama is None:
            st.info("Belum ada angka register tingkat kabupaten di basis data.")
        else:
            st.metric(f"■ Satu Data {utama.tahun}: penduduk miskin (register)", fmt.jiwa(utama.nilai),
                      help="Register Dinsos P3AP2KB di Satu Data Kabupaten Banjar; bukan angka BPS.")
            lain = [r for r in d.register if r.kode == da.SATU_DATA and r.tahun != utama.tahun]
            p3ke = [r for r in d.register if r.kode == "p3ke_jiwa"]
            teks = [f"Satu Data {r.tahun}: **{r.teks}**" for r in lain]
            teks += [f"P3KE {r.tahun}: **{r.teks}**" for r in p3ke]
            if teks:
                st.markdown(" · ".join(teks))
            if not slide:
                st.caption(da.REGISTER_APA)
            if not ringkas:
                st.markdown(f"*{da.REGISTER_UNTUK_SINGKAT if slide else da.REGISTER_UNTUK}*")
            if not slide:
                st.caption(f"Sumber: {utama.sumber_teks}")
    st.info(f"**Mengapa berbeda?** {d.mengapa_singkat if ringkas else d.mengapa_beda}")
    if d.konflik and ringkas:
        st.warning(f"**Register: {len(d.konflik)} konflik antar sumber** (label tahun, angka yang dikutip Dinsos), "
                   "ditampilkan apa adanya di halaman Ringkasan.")
    elif d.konflik:
        batas = 2 if slide else len(d.konflik)
        st.warning("**Konflik di angka register (apa adanya, belum diselesaikan sumbernya):**\n\n"
                   + "\n".join(f"- {k}" for k in d.konflik[:batas])
                   + (f"\n- … dan {len(d.konflik) - batas} lainnya di halaman Ringkasan." if len(d.konflik) > batas
                      else ""))
    if slide:
        return
    tanda = legenda({b.jenis("p0"), b.jenis("penduduk_miskin"), *(r.jenis_sumber for r in d.register)})
    if tanda:
        st.caption(f"Tanda sumber: {tanda}.")
    # the interactive grid keeps each source link whole and copyable; drawn only while its expander is open
    if d.register and (register := kotak_malas("Semua angka register dengan sumbernya", KUNCI_REGISTER)) is not None:
        with register:
            tabel_angka(da.tabel(d), {"Nilai": fmt.PECAHAN_2})
