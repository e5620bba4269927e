"""Review finding 2: every BPS figure carries its own source and kind, and a register or sample figure is never a
BPS figure, a BPS chart value or a target's realisation. The files are the reviewer's reproduction."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from tkpk import KODE_BANJAR
from tkpk.ekspor.dua_angka_lembar import lembar_dua_angka
from tkpk.ekspor.dua_angka_pdf import brief_dua_angka
from tkpk.ingest import ingest_file
from tkpk.toko.db import connect
from tkpk.tren import data as tren
from tkpk.tren import ringkasan, target
from tkpk.tren.dua_angka import dua_angka, tabel

S1_A = "kabupaten;tahun;p0;sumber\nBanjar;2025;2,30;BPS Kalsel, BRS No. 40/07/63 Th. XXIX (Juli 2025)\n"
S1_B = ("kabupaten;tahun;penduduk_miskin;p0_ekstrem;jenis_sumber;sumber\n"
        "Banjar;2025;14.100;0,50;kutipan_pejabat;Sambutan Bupati pada rakor TKPK 2025\n")
S1_C = "kabupaten;tahun;p0_ekstrem;jenis_sumber;sumber\nBanjar;2024;0,90;register;P3KE 2024 diolah Bappedalitbang\n"


def muat(con: duckdb.DuckDBPyConnection, teks: str, nama: str) -> int:
    hasil = ingest_file(con, teks.encode(), nama, "bps", "penguji")
    assert hasil.status == "diterima", "\n".join(hasil.baris_teks())
    assert hasil.batch_id is not None
    return hasil.batch_id


@pytest.fixture
def con(ref_store: Path, tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    path = tmp_path / "t.duckdb"
    shutil.copy(ref_store, path)
    c = connect(path)
    for teks, nama in ((S1_A, "s1_a.csv"), (S1_B, "s1_b.csv"), (S1_C, "s1_c.csv")):
        muat(c, teks, nama)
    yield c
    c.close()


def test_headline_names_each_figure_with_its_own_source(con: duckdb.DuckDBPyConnection):
    h = ringkasan.angka_utama(ringkasan.bps_seri(con), 2025)
    assert (h.p0, h.penduduk_miskin, h.p0_ekstrem) == (2.30, 14100.0, 0.50)
    assert h.resmi("p0") and not h.resmi("penduduk_miskin") and not h.resmi("p0_ekstrem")
    assert h.penanda_figur("penduduk_miskin") == "▲" and h.penanda_figur("p0") == ""
    assert h.sumber_dari("penduduk_miskin") == "Sambutan Bupati pada rakor TKPK 2025"
    ket = h.keterangan_sumber_lengkap
    assert ket.startswith("BPS Kalsel, BRS No. 40/07/63 Th. XXIX (Juli 2025) (publikasi BPS).")
    assert "Penduduk miskin, kemiskinan ekstrem: ▲ Dikutip pejabat (tidak langsung dari BPS): Sambutan Bupati" in ket
    assert not ket.startswith("Sumber:")  # the page's caption adds "Sumber:" once


def test_two_numbers_card_sheet_and_brief_name_the_count_as_quoted(con: duckdb.DuckDBPyConnection):
    d = dua_angka(con, 2025)
    assert d.tahun == 2025 and d.bps.penduduk_miskin == 14100
    assert d.label_angka_bps == "▲ Susenas 2025: penduduk miskin"
    assert d.jenis_angka_bps == "Jenis sumber: ▲ dikutip pejabat, bukan dari tabel BPS"
    assert "P0: BPS: BPS Kalsel" in d.sumber_bps_teks and "penduduk miskin: ▲ dikutip pejabat" in d.sumber_bps_teks
    t = tabel(d).set_index("Ukuran")
    assert t.loc["Jumlah penduduk miskin (Susenas)", "Jenis sumber"] == "dikutip pejabat, bukan dari tabel BPS"
    assert t.loc["Jumlah penduduk miskin (Susenas)", "Sumber"] == "Sambutan Bupati pada rakor TKPK 2025"
    assert t.loc["Persentase penduduk miskin (P0, Susenas)", "Jenis sumber"] == "BPS"
    lembar = lembar_dua_angka(d).set_index("Bagian")
    assert lembar.loc["Susenas: jumlah penduduk miskin", "Jenis sumber"] == "dikutip pejabat, bukan dari tabel BPS"
    assert lembar.loc["Susenas: jumlah penduduk miskin", "Sumber"] == "Sambutan Bupati pada rakor TKPK 2025"
    assert lembar.loc["Susenas: persentase penduduk miskin (P0)", "Jenis sumber"] == "BPS"
    assert "Angka BPS (Susenas Maret" not in d.judul_angka_bps
    from tests.integration.test_penyerang import teks_pdf

    pdf = " ".join(teks_pdf(brief_dua_angka(d)))
    assert "penduduk miskin: dikutip pejabat, bukan dari tabel BPS: Sambutan Bupati" in pdf
    assert "P0: BPS: BPS Kalsel" in pdf and "Angka BPS (Susenas Maret 2025)" not in pdf


def test_a_register_figure_is_no_bps_figure_and_no_realisation(con: duckdb.DuckDBPyConnection):
    seri = ringkasan.bps_seri(con)
    h = ringkasan.angka_utama(seri, 2024)
    assert h.p0 == 2.36 and h.p0_ekstrem is None  # the register 0,90 is not Susenas' extreme poverty
    assert 0.9 not in seri["p0_ekstrem"].dropna().tolist()
    targets = target.target_semua(con)
    assert target.status_target(targets, "p0_ekstrem", 2024, h.p0_ekstrem).realisasi is None
    tr = target.target_realisasi(targets, seri)
    ekstrem = tr[(tr["Indikator"] == "Persentase penduduk miskin ekstrem") & (tr["Tahun"] == 2024)].iloc[0]
    assert pd.isna(ekstrem["Realisasi"]) and ekstrem["Status"] == "belum ada angka realisasi"
    p0 = tr[(tr["Indikator"] == "Persentase penduduk miskin (P0)") & (tr["Tahun"] == 2021)].iloc[0]
    assert p0["Realisasi"] == pytest.approx(3.04) and p0["Jenis sumber realisasi"] != ""
    kalsel = tren.peta_kalsel(con, "p0_ekstrem", 2024).wilayah.set_index("kode_wilayah")["nilai"]
    assert kalsel.isna()[KODE_BANJAR]


def test_a_register_p0_does_not_hide_the_real_count_of_its_year(con: duckdb.DuckDBPyConnection):
    """Tren: a year whose P0 is a register figure keeps its BPS count on the count chart."""
    muat(con, "kabupaten;tahun;p0;jenis_sumber;sumber\nBanjar;2022;9,90;register;Satu Data\n", "reg.csv")
    p0 = tren.seri_bps(con, "p0").data
    p0 = p0[p0["kode_wilayah"] == KODE_BANJAR].set_index("tahun")["nilai"]
    jiwa = tren.seri_bps(con, "penduduk_miskin").data
    jiwa = jiwa[jiwa["kode_wilayah"] == KODE_BANJAR].set_index("tahun")["nilai"]
    assert pd.isna(p0[2022]) and jiwa[2022] == 16771  # the real count of 2022 stays; the register P0 is a gap
    kalsel = tren.peta_kalsel(con, "penduduk_miskin", 2022).wilayah.set_index("kode_wilayah")["nilai"]
    assert kalsel[KODE_BANJAR] == 16771


def test_a_figure_from_a_sample_batch_never_reaches_a_bps_chart(con: duckdb.DuckDBPyConnection):
    """Per-figure sample flag: a sample batch (even one that says jenis 'bps') gives a gap for its own figure,
    and the real figures of the same row stay."""
    con.execute("INSERT INTO batch (batch_id, jenis, oleh, waktu, sampel) VALUES (991, 'bps', 'uji', ?, TRUE)",
                [datetime.now()])
    con.execute("INSERT INTO kemiskinan_kabupaten (tahun, kode_wilayah, penduduk_miskin, sumber, jenis_sumber, "
                "batch_id) VALUES (2022, '63.03', 77777, 'uji', 'bps', 991)")
    jiwa = tren.seri_bps(con, "penduduk_miskin").data
    jiwa = jiwa[jiwa["kode_wilayah"] == KODE_BANJAR].set_index("tahun")["nilai"]
    p0 = tren.seri_bps(con, "p0").data
    p0 = p0[p0["kode_wilayah"] == KODE_BANJAR].set_index("tahun")["nilai"]
    assert pd.isna(jiwa[2022]) and p0[2022] == 2.79
    h = ringkasan.angka_utama(ringkasan.bps_seri(con), 2022)
    assert h.p0 == 2.79 and h.penduduk_miskin is None
    assert 77777 not in tren.peta_kalsel(con, "penduduk_miskin", 2022).wilayah["nilai"].tolist()


def test_profile_sheet_gives_each_figure_its_own_kind(con: duckdb.DuckDBPyConnection):
    from tkpk.ekspor.workbook import profil
    from tkpk.rakor.tahun import muat as muat_tahun

    p = profil(muat_tahun(con, 2025))
    r = p[(p["Tahun"] == 2025) & (p["Kode wilayah"] == KODE_BANJAR)].iloc[0]
    assert r["Jenis sumber P0"] == "BPS"
    assert r["Jenis sumber penduduk miskin"] == "dikutip pejabat, bukan dari tabel BPS"
    assert r["Jenis sumber kemiskinan ekstrem"] == "dikutip pejabat, bukan dari tabel BPS"
    assert r["Jenis sumber garis kemiskinan"] == ""  # no figure, no kind
    assert r["Sumber angka lain"] == "penduduk miskin, kemiskinan ekstrem: Sambutan Bupati pada rakor TKPK 2025"
    r24 = p[(p["Tahun"] == 2024) & (p["Kode wilayah"] == KODE_BANJAR)].iloc[0]
    assert pd.isna(r24["P0 ekstrem (%)"]) and "P3KE" not in r24["Sumber angka lain"]
