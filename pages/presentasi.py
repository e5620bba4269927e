"""Presentasi rakor: the agenda as full-screen slides for the projector (state in the URL, see tkpk.rakor.agenda)."""

from __future__ import annotations

import streamlit as st

from tkpk.rakor import agenda as ag
from tkpk.rakor.tahun import muat, tahun_program
from tkpk.ui import presentasi as ui
from tkpk.ui.cache import baca, fragmen

ui.gaya()
TAHUN = baca(tahun_program)
if not TAHUN:
    st.info("Belum ada data program di basis data; agenda rakor belum dapat ditampilkan.")
    st.stop()


def _slide() -> None:
    a = ui.perbarui(ui.agenda(TAHUN))
    ui.kendali(a, TAHUN)
    if a.sekarang == ag.ANGKA_UTAMA:
        ui.slide_angka_utama(a)
    elif a.sekarang in (ag.TINDAK_LANJUT, ag.KEPUTUSAN):
        ui.slide_rakor(a)
    elif a.sekarang == ag.DUA_ANGKA:
        ui.slide_dua_angka(a)
    elif a.sekarang == ag.PETA:
        ui.slide_peta(a, baca(muat, a.tahun))
    elif a.sekarang in ag.PILAR:
        ui.slide_pilar(a, baca(muat, a.tahun), int(a.sekarang[-1]))
    else:
        ui.slide_tersentuh(a, baca(muat, a.tahun))


_jeda = ui.agenda(TAHUN).jeda
fragmen(_slide, run_every=_jeda if _jeda else None)()
