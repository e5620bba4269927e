"""The sample data must agree with the real figures it is built around."""

from __future__ import annotations

import itertools
from pathlib import Path

from tkpk import SUMBER_CONTOH, katalog
from tkpk.contoh.berkas import DIR_CONTOH, FILE_INDIKATOR, FILE_INTERVENSI
from tkpk.contoh.register import TAHUN, generate
from tkpk.toko.db import connect
from tkpk.toko.referensi import read_penduduk_kecamatan


def _desa_sum(con, indikator: str) -> dict[int, float]:
    rows = con.execute(
        "SELECT n.tahun, sum(n.nilai) FROM v_nilai_indikator n JOIN wilayah w ON w.kode = n.kode_wilayah "
        "WHERE n.indikator = ? AND w.tingkat IN ('desa', 'kelurahan') AND n.sampel GROUP BY 1", [indikator]
    ).fetchall()
    return {int(t): v for t, v in rows}


def test_sample_register_adds_up_to_the_real_register_totals(store_path: Path):
    """Desa jiwa desil 1–4 sum to the real kabupaten register counts (BDT 2018, P3KE 2022, Satu Data 2024/2025),
    read from the store's own real rows, never from numbers written in this test."""
    con = connect(store_path)
    real = dict(con.execute(
        "SELECT tahun, nilai FROM v_nilai_indikator WHERE kode_wilayah = '63.03' AND NOT sampel "
        "AND indikator IN ('reg_miskin_bdt', 'p3ke_jiwa', 'reg_miskin_satudata')").fetchall())
    kk_p3ke = con.execute("SELECT nilai FROM v_nilai_indikator WHERE indikator = 'p3ke_kk' AND tahun = 2022"
                          ).fetchone()[0]
    jiwa, kk = _desa_sum(con, "jiwa_desil_1_4"), _desa_sum(con, "kk_desil_1_4")
    con.close()
    assert sorted(real) == [2018, 2022, 2024, 2025]
    for tahun, nilai in real.items():
        assert jiwa[tahun] == nilai, tahun
    assert kk[2022] == kk_p3ke
    assert sorted(jiwa) == list(TAHUN)
    # the years between anchors move monotonically between them (no made-up dip or spike)
    assert all(jiwa[a] < jiwa[a + 1] for a in TAHUN[:-1])


def test_the_two_real_kecamatan_counts_are_met_and_kept_in_other_years(store_path: Path):
    con = connect(store_path)
    real = con.execute("SELECT tahun, kode_wilayah, nilai FROM v_nilai_indikator WHERE indikator = "
                       "'reg_miskin_satudata' AND kode_wilayah <> '63.03' AND NOT sampel").fetchall()
    assert {k for _t, k, _v in real} == {"63.03.01", "63.03.05"}  # Aluh Aluh, Martapura
    for tahun, kode, nilai in real:
        got = con.execute("SELECT nilai, sampel FROM v_nilai_indikator WHERE indikator = 'jiwa_desil_1_4' "
                          "AND kode_wilayah = ? AND tahun = ?", [kode, tahun]).fetchone()
        assert got == (nilai, True), (kode, tahun)
    # a calibrated kecamatan keeps its share of the kabupaten in the other years: no jump of more than 15 %
    for kode in ("63.03.01", "63.03.05"):
        seri = [v for (v,) in con.execute(
            "SELECT nilai FROM v_nilai_indikator WHERE indikator = 'jiwa_desil_1_4' AND kode_wilayah = ? "
            "ORDER BY tahun", [kode]).fetchall()]
        assert len(seri) == len(TAHUN)
        assert all(abs(b / a - 1) < 0.2 for a, b in itertools.pairwise(seri)), (kode, seri)
    con.close()


def test_register_parts_never_exceed_their_wholes():
    ind = generate().indikator
    assert (ind["jiwa_desil_1"] <= ind["jiwa_desil_1_4"]).all()
    assert (ind["kk_desil_1"] <= ind["kk_desil_1_4"]).all()
    desa = ind[ind["kode_wilayah"].str.len() > 8]
    assert (desa["jiwa_desil_1_4"] <= desa["penduduk"]).all() and (desa["kk_desil_1_4"] <= desa["kk"]).all()
    # register shares on the scale of real registers (about a quarter of the people), not BPS's 2–3 %
    share = desa["jiwa_desil_1_4"].sum() / desa["penduduk"].sum()
    assert 0.2 < share < 0.35


def test_every_sample_row_is_labelled_and_real_facts_are_not_sample(store_path: Path):
    con = connect(store_path)
    contoh = con.execute("SELECT DISTINCT n.sumber, n.jenis_sumber FROM nilai_indikator n JOIN batch b "
                         "USING (batch_id) WHERE b.sampel").fetchall()
    assert contoh == [(SUMBER_CONTOH, "contoh")]
    fakta = con.execute(
        "SELECT DISTINCT b.sampel FROM nilai_indikator n JOIN batch b USING (batch_id) WHERE n.indikator IN "
        "(SELECT kode FROM indikator WHERE kode LIKE 'reg_%' OR kode LIKE 'p3ke_%' OR kode LIKE 'idm_%')"
    ).fetchall()
    assert fakta == [(False,)]
    con.close()
    assert (generate().indikator["sumber"] == SUMBER_CONTOH).all()


def test_kecamatan_population_does_not_jump_where_sample_meets_real(store_path: Path):
    """Aluh Aluh, Kertak Hanyar, Gambut, Beruntung Baru have real 2020–2021 populations between sample years."""
    con = connect(store_path)
    for kode in sorted(set(read_penduduk_kecamatan()["kode_wilayah"])):
        rows = con.execute("SELECT tahun, nilai, sampel FROM v_nilai_indikator WHERE indikator = 'penduduk' "
                           "AND kode_wilayah = ? ORDER BY tahun", [kode]).fetchall()
        assert {s for _t, _v, s in rows} == {True, False}  # this series does splice real and sample years
        nilai = [v for _t, v, _s in rows]
        assert all(abs(b / a - 1) < 0.03 for a, b in itertools.pairwise(nilai)), (kode, nilai)
    con.close()


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
    from tkpk.contoh.berkas import tulis_contoh

    ditulis = {p.name for p in tulis_contoh(tmp_path)}
    assert {FILE_INDIKATOR, FILE_INTERVENSI} <= ditulis
    assert ditulis == {p.name for p in DIR_CONTOH.glob("*.csv")}, "every committed sample file, and no other"
    for name in sorted(ditulis):
        assert (tmp_path / name).read_bytes() == (DIR_CONTOH / name).read_bytes(), name


def test_every_opd_and_pillar_has_sample_interventions():
    inv = generate().intervensi
    assert set(inv["opd"]) == {o.nama_singkat for o in katalog.OPD}
    assert set(inv["pilar"]) == {1, 2, 3, 4}
    assert (inv["realisasi"] <= inv["pagu"]).all()
