"""Finding 13 of the review of issue 15: a missing value in a table reads "–", never the literal "None" that
Streamlit's grid draws by default (the numeric triwulan column of a batch on Riwayat data, the Baris column of
the upload's message list). The grid is drawn on a canvas, so the element's ``placeholder`` is what is checked,
together with the fact that the frame really holds a missing value."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.app.conftest import buka
from tests.conftest import ROOT
from tkpk.akun import lokal as auth
from tkpk.ingest import ingest_file
from tkpk.toko.db import connect

UPLOAD = ROOT / "tests" / "data" / "upload"
SANDI = "sandi-rahasia-uji-123"


def _kosong_tampil_sebagai_strip(at: AppTest, kolom: str) -> None:
    """Every table on the page shows a missing value as "–"; and the one with ``kolom`` really has one."""
    assert at.dataframe
    assert all(df.proto.placeholder == "–" for df in at.dataframe), [df.proto.placeholder for df in at.dataframe]
    assert any(kolom in df.value.columns and df.value[kolom].isna().any() for df in at.dataframe)


def test_riwayat_batch_rows_show_a_dash_for_a_missing_triwulan(tulis_env: Path, tmp_path: Path) -> None:
    st.cache_resource.clear()
    auth.add_user(tmp_path / "secrets.toml", "analis1", SANDI)
    teks = (UPLOAD / "baik_intervensi_koma.csv").read_text().replace("2025,2,4,", "2025,,4,")
    con = connect(tulis_env)
    hasil = ingest_file(con, teks.encode(), "tahunan.csv", "intervensi", "uji")
    con.close()
    assert hasil.status == "diterima"
    at = buka("pages/riwayat.py")
    # a batch's raw rows are for a logged-in analyst only
    at.text_input(key="masuk_nama_riwayat").set_value("analis1")
    at.text_input(key="masuk_sandi_riwayat").set_value(SANDI)
    next(b for b in at.button if b.label == "Masuk").click().run()
    at.selectbox(key="riwayat_batch").set_value(hasil.batch_id).run()
    _kosong_tampil_sebagai_strip(at, "triwulan")


def test_upload_messages_show_a_dash_for_a_file_level_message(tulis_env: Path, tmp_path: Path) -> None:
    auth.add_user(tmp_path / "secrets.toml", "analis1", SANDI)
    at = buka("pages/unggah.py")
    at.text_input(key="masuk_nama_unggah").set_value("analis1")
    at.text_input(key="masuk_sandi_unggah").set_value(SANDI)
    next(b for b in at.button if b.label == "Masuk").click().run()
    at.radio(key="jenis_unggah").set_value("intervensi").run()
    berkas = UPLOAD / "salah_kolom_wajib.csv"
    at.file_uploader(key="berkas_intervensi").set_value((berkas.name, berkas.read_bytes(), "text/csv")).run()
    assert not at.exception, at.exception
    _kosong_tampil_sebagai_strip(at, "Baris")
