"""Drawing helpers of the pillar page."""

from __future__ import annotations

import streamlit as st

from tkpk.pilar import kartu as pilar_kartu
from tkpk.pilar import tabel
from tkpk.pilar.kartu import KartuSkor
from tkpk.pilar.tabel import Tabel
from tkpk.ui import chrome
from tkpk.ui.unduhan import tabel_angka, tombol_unduh


def tampil(t: Tabel, kartu: KartuSkor, nama: str, key: str, tinggi: int | None = None,
           asal: str | None = None, sampel: bool | None = None) -> None:
    """A table whose status column is coloured, with its source caption and CSV/XLSX buttons beneath."""
    df = t.df
    konfigurasi = {tabel.PROFIL: st.column_config.LinkColumn(tabel.PROFIL, display_text="Buka profil →")}
    tabel_angka(df, t.format, css=(tabel.STATUS, tabel.css_status) if tabel.STATUS in df.columns
                else None, column_config=konfigurasi, placeholder="–", **({"height": tinggi} if tinggi else {}))
    asal = asal or pilar_kartu.teks_sumber(kartu)
    chrome.sumber(asal)
    tombol_unduh(df, nama, key=key, sampel=kartu.sampel if sampel is None else sampel, asal=asal)
