"""The map page's one-call frames (``tkpk.charts.peta_halaman``) on the bundled store: exactly what the page built
from the same functions one by one before, for both levels, a fixed threshold and the Moran rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from pandas.testing import assert_frame_equal

from tkpk.charts import peta as cp
from tkpk.charts.peta_halaman import peta_siap, sasaran_siap
from tkpk.peta import data as peta
from tkpk.peta import pilihan as pl
from tkpk.peta.kantong import AturanMoran
from tkpk.toko.db import connect


@pytest.fixture
def con(store_path: Path):
    c = connect(store_path)
    yield c
    c.close()


def _kelas_sama(a, b) -> None:
    assert (a.skema, a.k, a.batas, a.label) == (b.skema, b.k, b.batas, b.label)
    assert a.kelas.equals(b.kelas)


@pytest.mark.parametrize(("tingkat", "indikator", "skema", "k", "ambang", "aturan"), [
    ("kecamatan", "persen_jiwa_desil_1_4", "quantile", 5, None, None),
    ("desa", "jiwa_desil_1_4", "fixed", 0, [100.0, 300.0], None),
    ("kecamatan", "kk_desil_1", "jenks", 4, None, AturanMoran(koreksi="tanpa")),
])
def test_frames_equal_the_functions_one_by_one(con, tingkat, indikator, skema, k, ambang, aturan):
    tahun = peta.tahun_tersedia(con)[0]
    aturan = aturan or peta.aturan_bawaan(tingkat)
    m = peta_siap(con, tingkat, tahun, indikator, skema, k, ambang, aturan, "jiwa_desil_1_4")
    data = peta.data_tingkat(con, tingkat, tahun)
    hasil = peta.hitung_kantong(con, tingkat, tahun, aturan)
    nilai = peta.nilai_peta(data, indikator)
    kelas = pl.kelas_peta(nilai["nilai"], skema, k, ambang, tingkat, indikator)
    assert m.sampel == data.sampel
    assert_frame_equal(m.nilai, nilai)
    _kelas_sama(m.kelas, kelas)
    jenis = dict(zip(hasil.tabel["kode"], hasil.tabel["jenis"], strict=True))
    assert_frame_equal(m.props, cp.props_peta(nilai, kelas, hasil.kode_kantong, jenis))
    assert m.props["kantong"].sum() == len(hasil.kode_kantong) > 0
    assert_frame_equal(m.kuadran, pl.data_kuadran(hasil, data.lebar, "jiwa_desil_1_4", tingkat))
    assert ("nama_kecamatan" in m.kuadran.columns) == (tingkat == "desa")

    r = sasaran_siap(con, tingkat, tahun, "jiwa", indikator, aturan)
    s = peta.sasaran(con, tingkat, tahun, "jiwa", hasil.kode_kantong)
    assert_frame_equal(r.sasaran.tabel, s.tabel)
    nilai_r = pl.nilai_rasio(nilai, s)
    kelas_r = cp.kelas_rasio(nilai_r["nilai"])
    _kelas_sama(r.kelas, kelas_r)
    assert_frame_equal(r.props, cp.props_peta(nilai_r, kelas_r, hasil.kode_kantong))
