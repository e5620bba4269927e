"""What artefacts say about their data (sample label, store state), ranks only where they mean something, hidden
cells in map values and pocket reasons, and downloads at the precision shown."""

from __future__ import annotations

import math
from datetime import datetime

import pandas as pd

from tkpk import SUMBER_CONTOH, katalog, sel_kecil
from tkpk.label import KOLOM_SUMBER, dengan_sumber, judul_lembar
from tkpk.peta.data import TANPA_PERINGKAT, nilai_peta
from tkpk.peta.kantong import AturanKantong, kantong_jumlah_persen
from tkpk.toko.tahun import DataTingkat, KeadaanData
from tkpk.unduh import bulat, ke_csv

KEADAAN = KeadaanData(7, "intervensi", datetime(2026, 11, 28, 19, 17))


def test_store_state_line():
    assert KEADAAN.teks == "data per batch 7 (28 November 2026)"
    assert KeadaanData(None, None, None).teks == "basis data kosong"


def test_every_download_row_names_its_source_and_the_sample_label():
    df = pd.DataFrame({"Wilayah": ["A", "B"], "Nilai": [1.5, 2.0], "sampel": [True, False]})
    out = dengan_sumber(df, None, KEADAAN)   # sample read from the frame
    assert "sampel" not in out.columns
    assert (out[KOLOM_SUMBER] == f"{SUMBER_CONTOH} — bukan data resmi; data per batch 7 (28 November 2026)").all()
    assert SUMBER_CONTOH in ke_csv(out).decode("utf-8-sig").splitlines()[1]
    nyata = dengan_sumber(pd.DataFrame({"Nilai": [2.36]}), False, KEADAAN, asal="BPS")
    assert nyata[KOLOM_SUMBER].iloc[0] == "BPS; data per batch 7 (28 November 2026)"
    kosong = dengan_sumber(pd.DataFrame(columns=["Nilai"]), True, KEADAAN)
    assert len(kosong) == 1 and SUMBER_CONTOH in kosong[KOLOM_SUMBER].iloc[0]


def test_sheet_title_row():
    assert judul_lembar("Lokasi prioritas", 2024, True, KEADAAN) == (
        f"Lokasi prioritas — Kabupaten Banjar 2024 — ⚠ {SUMBER_CONTOH} — bukan data resmi — data per batch 7 "
        "(28 November 2026)")
    assert SUMBER_CONTOH not in judul_lembar("Profil kemiskinan", 2024, False, KEADAAN)


def test_downloads_round_to_what_the_screen_shows():
    assert bulat(pd.Series([29867.0, None]), 0).tolist() == [29867, pd.NA]
    assert bulat(pd.Series([4.255532862356447]), 1).tolist() == [4.3]


def _data() -> DataTingkat:
    kode = ["63.03.01", "63.03.02", "63.03.03"]
    lebar = pd.DataFrame({"kode": kode, "nama": ["A", "B", "C"], "tingkat": "kecamatan", "kode_kec": kode,
                          "nama_kecamatan": ["A", "B", "C"],
                          **{i.kode: [math.nan] * 3 for i in katalog.INDIKATOR}})
    lebar["penduduk"] = [300.0, 20000.0, 5000.0]
    lebar["kk"] = [90.0, 6000.0, 1500.0]
    lebar["jiwa_desil_1_4"] = [30.0, 400.0, 500.0]
    lebar["persen_jiwa_desil_1_4"] = [10.0, 2.0, 10.0]
    lebar["rtlh"] = [math.nan, 40.0, 12.0]          # A: hidden (1–4)
    lebar["persen_rtlh"] = [math.nan, 40 / 60, 0.8]
    samar = lebar[["kode"]].assign(**{i.kode: "" for i in katalog.INDIKATOR})
    samar.loc[0, "rtlh"], samar.loc[0, "persen_rtlh"] = sel_kecil.KECIL, sel_kecil.TURUNAN
    sumber = lebar[["kode"]].assign(**{i.kode: SUMBER_CONTOH for i in katalog.INDIKATOR})
    return DataTingkat("kecamatan", 2024, lebar, sumber, True, samar)


def test_sizes_get_no_rank_and_need_is_ranked_worst_first():
    assert {"penduduk", "kk"} == TANPA_PERINGKAT
    for ind in TANPA_PERINGKAT:
        n = nilai_peta(_data(), ind)
        assert n["peringkat"].isna().all() and (n["peringkat_teks"] == "tidak diperingkat (ukuran wilayah)").all()
    n = nilai_peta(_data(), "jiwa_desil_1_4").set_index("nama")
    assert n.loc["C", "peringkat_teks"] == "1 dari 3" and n.loc["A", "peringkat_teks"] == "3 dari 3"
    assert all(katalog.INDIKATOR_BY_KODE[i].lebih_tinggi_lebih_buruk for i in ("jiwa_desil_1_4", "rtlh"))


def test_hidden_cells_read_less_than_five_and_are_not_ranked():
    n = nilai_peta(_data(), "rtlh").set_index("nama")
    assert n.loc["A", "nilai_teks"] == "< 5 unit" and pd.isna(n.loc["A", "peringkat"])
    assert n.loc["B", "peringkat_teks"] == "1 dari 2"
    p = nilai_peta(_data(), "persen_rtlh").set_index("nama")
    assert p.loc["A", "nilai_teks"] == "disamarkan"


def test_pocket_reasons_never_print_a_hidden_count():
    d = _data()
    h = kantong_jumlah_persen(d.lebar, AturanKantong(k=3, bobot={"rtlh": 1.0}), samar=d.samar)
    alasan = h.tabel.set_index("kode").loc["63.03.01", "alasan"]
    assert "< 5 RTLH" in alasan and "nan" not in alasan
