"""The sample data must agree with the real figures it is built around."""

from __future__ import annotations

from pathlib import Path

import pytest

from tkpk import KODE_BANJAR, katalog
from tkpk.db import connect
from tkpk.reference import read_kemiskinan_table, read_penduduk_kecamatan
from tkpk.sample import TAHUN, generate
from tkpk.sample_store import FILE_INDIKATOR, FILE_INTERVENSI, SAMPLE_DIR


def test_weighted_kecamatan_rates_reproduce_the_bps_p0(store_path: Path):
    con = connect(store_path)
    rows = con.execute(
        """
        SELECT m.tahun, sum(m.nilai) / sum(p.nilai) * 100 AS p0
        FROM v_nilai_indikator m
        JOIN v_nilai_indikator p ON p.tahun = m.tahun AND p.kode_wilayah = m.kode_wilayah AND p.indikator = 'penduduk'
        JOIN wilayah w ON w.kode = m.kode_wilayah AND w.tingkat = 'kecamatan'
        WHERE m.indikator = 'penduduk_miskin'
        GROUP BY 1 ORDER BY 1
        """
    ).fetchall()
    con.close()
    bps = read_kemiskinan_table()
    p0 = bps[bps["kode_wilayah"] == KODE_BANJAR].set_index("tahun")["p0"]
    checked = 0
    for tahun, weighted in rows:
        if tahun in p0.index:
            assert weighted == pytest.approx(p0[tahun], abs=0.005), tahun
            checked += 1
    assert checked == len(TAHUN)


def test_desa_add_up_to_their_kecamatan():
    ind = generate().indikator
    desa = ind[ind["kode_wilayah"].str.len() > 8].assign(kec=lambda d: d["kode_wilayah"].str[:8])
    kec = ind[ind["kode_wilayah"].str.len() == 8].set_index(["tahun", "kode_wilayah"])
    sums = desa.groupby(["tahun", "kec"])[list(katalog.INDIKATOR_TERSIMPAN)].sum()
    for col in katalog.INDIKATOR_TERSIMPAN:
        if col == "penduduk":
            continue  # real kecamatan figures are left to their own batch; checked below
        assert (sums[col].to_numpy() == kec[col].to_numpy()).all(), col


def test_real_kecamatan_populations_are_used_and_not_overwritten(store_path: Path):
    real = read_penduduk_kecamatan()
    con = connect(store_path)
    for r in real.itertuples():
        got = con.execute(
            "SELECT nilai, sampel FROM v_nilai_indikator "
            "WHERE tahun = ? AND kode_wilayah = ? AND indikator = 'penduduk'",
            [r.tahun, r.kode_wilayah]).fetchone()
        assert got == (r.nilai, False)
        desa_sum = con.execute(
            "SELECT sum(nilai) FROM v_nilai_indikator WHERE tahun = ? AND indikator = 'penduduk' "
            "AND kode_wilayah LIKE ? || '.%'", [r.tahun, r.kode_wilayah]).fetchone()[0]
        assert desa_sum == r.nilai
    con.close()


def test_generator_reproduces_the_committed_files_exactly(tmp_path: Path):
    from tkpk.sample_store import write_sample

    write_sample(tmp_path)
    for name in (FILE_INDIKATOR, FILE_INTERVENSI):
        assert (tmp_path / name).read_bytes() == (SAMPLE_DIR / name).read_bytes(), name


def test_every_opd_and_pillar_has_sample_interventions():
    inv = generate().intervensi
    assert set(inv["opd"]) == {o.nama_singkat for o in katalog.OPD}
    assert set(inv["pilar"]) == {1, 2, 3, 4}
    assert (inv["realisasi"] <= inv["pagu"]).all()
