"""tkpk.tren.data and tkpk.tren.beranda on the bundled store: real BPS figures, gaps, the 13 kab/kota, kecamatan,
targets."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from tkpk import KODE_BANJAR
from tkpk.toko.db import connect
from tkpk.tren import beranda
from tkpk.tren import data as tren


@pytest.fixture
def con(store_path: Path):
    c = connect(store_path)
    yield c
    c.close()


def test_banjar_p0_series_has_a_null_row_for_2015(con):
    seri = tren.seri_bps(con, "p0", ["63.71"])
    banjar = seri.data[seri.data["kode_wilayah"] == KODE_BANJAR].set_index("tahun")
    assert banjar.loc[2024, "nilai"] == 2.36 and banjar.loc[2024, "nilai_teks"] == "2,36%"
    assert pd.isna(banjar.loc[2015, "nilai"]) and banjar.loc[2015, "nilai_teks"] == "tidak ada data"
    assert set(seri.data["label"]) == {"Banjar", "Kalsel (provinsi)", "Kota Banjarmasin"}
    assert seri.data.groupby("label")["tahun"].apply(lambda t: t.is_monotonic_increasing and t.diff().max() == 1).all()
    # the bundled RPJMD target (quoted, approximate) comes with its source and kind
    assert seri.target[["tahun", "nilai", "jenis_sumber"]].values.tolist() == [[2021, 2.93, "kutipan_pejabat"]]


def test_download_matches_the_chart_rows(con):
    seri = tren.seri_bps(con, "penduduk_miskin")
    unduh = seri.unduhan()
    assert len(unduh) == len(seri.data)
    assert list(unduh.columns) == ["Tahun", "Kode wilayah", "Wilayah", "Indikator", "Nilai", "Satuan", "Jenis sumber",
                                   "Sumber"]
    assert set(unduh.loc[unduh["Nilai"].notna(), "Jenis sumber"]) <= {"BPS", "angka BPS dikutip media",
                                                                      "dikutip pejabat, bukan dari tabel BPS",
                                                                      "data instansi"}
    assert unduh.loc[(unduh["Wilayah"] == "Banjar") & (unduh["Tahun"] == 2024), "Nilai"].iloc[0] == 14461


def test_kalsel_map_has_all_13_places_and_banjar_is_lowest_in_2024(con):
    peta = tren.peta_kalsel(con, "p0", 2024)
    assert len(peta.wilayah) == 13 and peta.wilayah.geometry.notna().all()
    tabel = peta.tabel
    assert tabel.iloc[0]["label"] == "Banjar" and tabel.iloc[0]["peringkat"] == 1
    kosong = tabel[tabel["nilai"].isna()]
    assert (kosong["nilai_teks"] == "tidak ada data").all()
    assert tabel["nilai"].notna().sum() == 12  # "terendah dari 12 kab/kota yang datanya tersedia"
    assert len(peta.unduhan()) == 13


def test_kecamatan_trends_cover_20_kecamatan_and_are_flagged_as_sample_proxy(con):
    tk = tren.tren_kecamatan(con, "persen_jiwa_desil_1_4")
    assert tk.sampel and tk.proksi
    assert len(tk.ringkasan) == 20
    assert tk.ringkasan["terakhir"].is_monotonic_decreasing
    assert tk.urutan_panel[0].startswith(tk.ringkasan.iloc[0]["nama"] + ": ")
    assert len(tk.data) == 20 * tk.data["tahun"].nunique()
    assert tren.tabel_kecamatan(tk).columns[1] == "Nilai 2025"


def test_a_loaded_target_comes_back_for_the_dashed_line(store_path: Path, tmp_path: Path):
    path = tmp_path / "target.duckdb"
    shutil.copy(store_path, path)
    c = connect(path)
    c.execute("INSERT INTO batch (batch_id, jenis, oleh, waktu) VALUES (900, 'target', 'uji', ?)", [datetime.now()])
    c.execute("INSERT INTO target_indikator (tahun, kode_wilayah, indikator, nilai, dokumen, batch_id) "
              "VALUES (2026, '63.03', 'p0', 2.1, 'RPJMD 2025–2029', 900)")
    seri = tren.seri_bps(c, "p0")
    c.close()
    baru = seri.target[seri.target["tahun"] == 2026]
    assert baru[["tahun", "nilai", "nilai_teks", "dokumen"]].values.tolist() == [
        [2026, 2.1, "2,1%", "RPJMD 2025–2029"]]   # a target at its stated precision


def test_home_strip_has_four_pillars_with_sample_flag(con):
    pilar = beranda.strip_pilar(con, 2024)
    assert [p.pilar for p in pilar] == [1, 2, 3, 4]
    total = con.execute("SELECT sum(pagu), sum(realisasi) FROM v_intervensi WHERE tahun = 2024").fetchone()
    assert sum(p.pagu for p in pilar) == pytest.approx(total[0])
    assert sum(p.realisasi for p in pilar) == pytest.approx(total[1])
    assert all(p.sampel for p in pilar)
    assert all(p.opd_lapor <= p.opd_diharapkan for p in pilar)
    assert beranda.teks_pilar(pilar[0])["pagu"].startswith("Rp")


def test_year_without_programs_gives_empty_pillars(con):
    pilar = beranda.strip_pilar(con, 1990)
    assert len(pilar) == 4 and not any(p.ada_data for p in pilar)


def test_data_freshness_lists_each_kind_with_an_indonesian_date(con):
    df = beranda.pembaruan(con)
    assert "Angka kemiskinan BPS" in df["Data"].tolist()
    assert df["Diperbarui"].str.contains(r"\d{4}$").all()


def test_kecamatan_trend_download_is_at_the_precision_the_screen_shows(con):
    # review finding 9: the Tren kecamatan CSV carried raw floats (51,93725…)
    share = tren.tren_kecamatan(con, "persen_jiwa_desil_1_4").unduhan()["Nilai"].dropna()
    assert len(share) and (share.round(2) == share).all()
    count = tren.tren_kecamatan(con, "jiwa_desil_1_4").unduhan()["Nilai"]
    assert str(count.dtype) == "Int64"
    bps = tren.seri_bps(con, "penduduk_miskin").unduhan()["Nilai"]
    assert str(bps.dtype) == "Int64"
