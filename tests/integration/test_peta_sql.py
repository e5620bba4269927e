"""The map page's SQL and glue on real stores: one kabupaten only (kode_kab bound), every place kept even
without data, pockets of the default rule (the numbers other pages quote), previous-year comparison,
profile of Paramasan, targeting totals equal a direct SQL count, caches follow the store, empty store works."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pandas.testing import assert_frame_equal

from tkpk.peta import data as peta
from tkpk.peta import profil as pp
from tkpk.peta.kantong import AturanMoran
from tkpk.pilar import kartu as pilar_kartu
from tkpk.toko.db import connect
from tkpk.toko.queries import fetch


@pytest.fixture
def con(store_path: Path):
    c = connect(store_path)
    yield c
    c.close()


def test_boundaries_and_values_are_one_kabupaten(con):
    kec = fetch(con, "batas_tingkat", {"tingkat": ["kecamatan"], "kode_kab": "63.03"})
    desa = fetch(con, "batas_tingkat", {"tingkat": ["desa", "kelurahan"], "kode_kab": "63.03"})
    assert len(kec) == 20 and len(desa) == 290
    assert fetch(con, "batas_tingkat", {"tingkat": ["kecamatan"], "kode_kab": "63.71"}).empty
    n = fetch(con, "nilai_tingkat_tahun", {"tahun": 2024, "tingkat": ["kecamatan"], "kode_kab": "63.03"})
    assert set(n["kode"].str.slice(0, 5)) == {"63.03"} and n["kode"].nunique() == 20
    assert "persen_jiwa_desil_1_4" in set(n["indikator"])  # derived shares come with the stored ones
    assert peta.tahun_tersedia(con) == list(range(2025, 2017, -1))


def test_intervention_rows_are_inside_the_kabupaten_or_kabupaten_wide(con):
    rows = fetch(con, "intervensi_tahun", {"tahun": 2024, "kode_kab": "63.03"})
    kode = rows["kode_wilayah"].dropna()
    assert kode.str.startswith("63.03.").all()
    total = con.execute("SELECT count(*) FROM v_intervensi WHERE tahun = 2024").fetchone()[0]
    assert len(rows) == total


def test_default_pockets_are_one_answer_for_every_page(con):
    desa = peta.hitung_kantong(con, "desa", 2024)
    kec = peta.hitung_kantong(con, "kecamatan", 2024)
    assert peta.K_BAWAAN == {"kecamatan": 3, "desa": 5} and len(kec.kode_kantong) >= 1 and desa.kode_kantong
    k = peta.kantong_kode_tahun(con, 2024)
    assert k.kode == set(desa.kode_kantong) and k.tingkat == "desa" and k.sampel and "kelas teratas" in k.aturan
    # the other pages read the same answer: desa pockets plus kecamatan pockets for whole-kecamatan rows
    assert pilar_kartu.kantong_tahun(con, 2024).kode == k.kode | set(kec.kode_kantong)
    assert peta.ringkasan_kantong(con, 2024).jumlah == k.jumlah  # the home page's count


def test_moran_pockets_show_p_values_and_are_cached(con):
    a = peta.hitung_kantong(con, "kecamatan", 2024, AturanMoran())
    b = peta.hitung_kantong(con, "kecamatan", 2024, AturanMoran())
    assert a is b  # 9.999 permutations are computed once per store
    assert a.tabel["p_sim"].notna().sum() == 20
    assert set(a.kantong()["jenis"]) <= {"kantong", "kantong terisolasi"} and len(a.kantong()) >= 1


def test_entered_and_left_against_previous_year(con):
    p = peta.perubahan(con, "desa", 2024)
    assert p is not None and len(p.masuk) + len(p.tetap) == len(peta.hitung_kantong(con, "desa", 2024).kode_kantong)
    assert peta.perubahan(con, "desa", 2018) is None


def test_paramasan_profile(con):
    h = peta.hitung_kantong(con, "kecamatan", 2024)
    prof = pp.profil(con, "63.03.17", 2024, "persen_jiwa_desil_1_4", h)
    assert prof is not None and prof.judul == "Kecamatan Paramasan"
    assert prof.tren["tahun"].tolist() == list(range(2018, 2026))
    assert len(prof.desa) == 4 and prof.desa["nilai"].is_monotonic_decreasing  # worst desa first
    n = con.execute("SELECT count(*) FROM v_intervensi WHERE tahun = 2024 AND triwulan IS NULL AND "
                    "(kode_wilayah = '63.03.17' OR kode_wilayah LIKE '63.03.17.%')").fetchone()[0]
    assert prof.intervensi["Kegiatan"].sum() == n
    assert prof.intervensi["Penerima"].map(lambda t: isinstance(t, str)).all()  # per unit, as text
    assert prof.alasan and "% penduduk desil 1–4" in prof.alasan
    assert pp.profil(con, "99.99.99", 2024, "persen_jiwa_desil_1_4", h) is None


def test_targeting_counts_equal_sql(con):
    kantong = peta.kantong_kode_tahun(con, 2024)
    s = peta.sasaran(con, "desa", 2024, "jiwa", sorted(kantong.kode))
    n = con.execute("SELECT count(*) FROM v_intervensi WHERE tahun = 2024 AND triwulan IS NULL "
                    "AND length(kode_wilayah) > 8").fetchone()[0]
    assert s.tabel["jumlah_intervensi"].sum() == n
    assert s.tabel["termasuk_kantong"].sum() == kantong.jumlah > 0
    kk = peta.sasaran(con, "kecamatan", 2024, "KK", [])
    assert kk.label_rasio == "Intervensi per 1.000 KK desil 1"


def test_cache_follows_the_store(store_path: Path, tmp_path: Path):
    salinan = tmp_path / "salinan.duckdb"
    shutil.copy(store_path, salinan)
    c = connect(salinan)
    try:
        g1 = peta.geometri(c, "kecamatan")
        assert peta.geometri(c, "kecamatan") is g1
        assert peta.data_tingkat(c, "desa", 2024).ada_data
        c.execute("UPDATE batch SET status = 'dibatalkan' WHERE jenis = 'indikator'")
        assert peta.geometri(c, "kecamatan") is not g1  # a rollback changes the fingerprint
        assert not peta.data_tingkat(c, "desa", 2024).ada_data
    finally:
        c.close()


def test_empty_store_gives_no_pockets_and_no_years(fresh_con):
    assert peta.tahun_tersedia(fresh_con) == []
    k = peta.kantong_kode_tahun(fresh_con, 2024)
    assert k.jumlah == 0 and not k.ada_data
    assert peta.geometri(fresh_con, "desa").fitur == []
    assert not peta.ringkasan_kantong(fresh_con, 2024).ada_data


@pytest.mark.parametrize("tingkat", ["kecamatan", "desa"])
def test_page_table_bundles_equal_the_tables_built_one_by_one(con, tingkat):
    """The page caches its tables as two bundles; each must be exactly what the single builders give."""
    from tkpk.peta import tabel as pt

    aturan = peta.aturan_bawaan(tingkat)
    data, hasil = peta.data_tingkat(con, tingkat, 2024), peta.hitung_kantong(con, tingkat, 2024, aturan)
    k = pt.tabel_kantong_halaman(con, tingkat, 2024, aturan)
    assert_frame_equal(k.kantong, pt.tabel_kantong(hasil, data.lebar, tingkat))
    assert_frame_equal(k.semua, pt.tabel_kantong(hasil, data.lebar, tingkat, semua=True))
    assert_frame_equal(k.perubahan, pt.tabel_perubahan(peta.perubahan(con, tingkat, 2024, aturan), (2023, 2024)))
    assert pt.tabel_kantong_halaman(con, tingkat, 2018, aturan).perubahan is None  # no 2017 to compare with
    for satuan in ("jiwa", "KK"):
        s = peta.sasaran(con, tingkat, 2024, satuan, hasil.kode_kantong)
        b = pt.tabel_sasaran_halaman(con, tingkat, 2024, aturan, satuan)
        assert_frame_equal(b.tersentuh, pt.tabel_tersentuh(s, data.lebar, tingkat))
        assert_frame_equal(b.sasaran, pt.tabel_sasaran(s, data.lebar, tingkat))


@pytest.mark.parametrize("tingkat", ["kecamatan", "desa"])
def test_map_downloads_hold_exactly_the_precision_the_table_shows(con, tingkat):
    from tkpk.peta import tabel as pt

    for aturan in (peta.aturan_bawaan(tingkat), AturanMoran()):
        t = pt.tabel_kantong_halaman(con, tingkat, 2024, aturan).semua
        for kolom, f in pt.format_kantong().items():
            if kolom in t.columns:
                for x in t[kolom].dropna():
                    teks = f(x).replace("%", "")
                    assert float(teks.replace(".", "").replace(",", ".")) == pytest.approx(float(x), abs=1e-9), \
                        (kolom, x)
