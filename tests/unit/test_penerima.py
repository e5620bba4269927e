"""Beneficiaries per unit, never across units; kabupaten-wide rows apart; small counts per place hidden so that no
program, OPD or pillar total gives them back."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.penyerang import Penyerang
from tkpk import sel_kecil
from tkpk.intervensi import penerima
from tkpk.intervensi.penerima import JIWA, KK, TANPA, satuan_efektif
from tkpk.pilar import skor


@pytest.mark.parametrize(("dinyatakan", "output", "hasil"), [
    ("KK", "unit", KK), (" keluarga ", None, KK), ("KPM", "paket", KK), (None, "KK", KK),
    (None, "siswa", JIWA), (None, "orang", JIWA), ("balita", "paket", JIWA), (None, "balita", JIWA),
    ("unit rumah", "unit", "unit rumah"), ("dokumen", None, "dokumen"),
    (None, "km", TANPA), (None, "unit", TANPA), (None, None, TANPA), ("", "desa terverifikasi", TANPA),
])
def test_effective_unit(dinyatakan, output, hasil):
    assert satuan_efektif(dinyatakan, output) == hasil


def baris(**kw: object) -> dict[str, object]:
    base: dict[str, object] = {
        "tahun": 2024, "triwulan": None, "pilar": 2, "kode_opd": "DISPERKIMLH", "program": "Rehabilitasi RTLH",
        "kegiatan": None, "kode_wilayah": "63.03.01.2001", "pagu": 100.0, "realisasi": 100.0,
        "satuan_output": "unit", "target_output": 10.0, "capaian_output": 10.0, "target_penerima": 40.0,
        "penerima": 40.0, "satuan_penerima": None, "sampel": False,
    }
    base.update(kw)
    return base


def frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


PILAR2 = frame(
    baris(program="Jalan lingkungan", satuan_output="km", penerima=900, target_penerima=1000),   # road users
    baris(kode_opd="DISDUKCAPIL", program="Jemput bola adminduk", satuan_output="dokumen",
          satuan_penerima="dokumen", penerima=300, target_penerima=300),
    baris(program="Rehabilitasi RTLH", satuan_penerima="KK", penerima=20, target_penerima=25),
    baris(program="Rehabilitasi RTLH", satuan_penerima="KK", kode_wilayah="63.03.01.2002", penerima=30,
          target_penerima=30),
    baris(kode_opd="DINSOS", pilar=4, program="PBI JKN", satuan_output="jiwa", kode_wilayah=None,
          penerima=25000, target_penerima=26000),
)


def test_pillar_totals_are_per_unit_and_never_add_road_users_to_kk():
    p = skor.skor_pilar(PILAR2, []).set_index("pilar")
    teks = p.loc[2, "penerima_teks"]
    assert "50/55 KK" in teks and "300/300 dokumen" in teks
    assert "1 program tanpa satuan penerima (tidak dijumlahkan)" in teks
    assert "900" not in teks and "1.250" not in teks            # the old cross-unit total is gone
    assert p.loc[4, "penerima_teks"] == "25.000/26.000 jiwa (se-kabupaten)"


def test_program_keeps_its_own_number_and_unit():
    prog = skor.skor_program(PILAR2).set_index("program")
    assert prog.loc["Rehabilitasi RTLH", "penerima"] == 50 and prog.loc["Rehabilitasi RTLH", "satuan_penerima"] == KK
    assert prog.loc["Jalan lingkungan", "satuan_penerima"] == TANPA
    assert prog.loc["Jalan lingkungan", "penerima_teks"] == "900/1.000 (tanpa satuan)"


def test_mixed_units_inside_one_program_are_not_added():
    df = frame(baris(satuan_penerima="KK", penerima=10), baris(satuan_penerima="jiwa", penerima=30,
                                                              kode_wilayah="63.03.01.2002"))
    prog = skor.skor_program(df).iloc[0]
    assert prog["satuan_penerima"] == penerima.CAMPURAN and pd.isna(prog["penerima"])


def _kk(**kw: object) -> dict[str, object]:
    return baris(satuan_penerima="KK", pilar=1, kode_opd="PEM_DESA", program="BLT Dana Desa", **kw)


BLT = frame(_kk(kode_wilayah="63.03.01.2001", penerima=3, target_penerima=3),
            _kk(kode_wilayah="63.03.01.2002", penerima=12, target_penerima=12),
            _kk(kode_wilayah="63.03.01.2003", penerima=40, target_penerima=40),
            _kk(kode_wilayah="63.03.02.2001", penerima=55, target_penerima=60))


def test_small_beneficiary_counts_are_hidden_with_a_complement():
    lindung = penerima.lindungi(BLT)
    lok = skor.lokasi_program(BLT, lindung=lindung).set_index("kode_wilayah")
    assert lok.loc["63.03.01.2001", "penerima_samar"] == sel_kecil.KECIL and pd.isna(lok.loc["63.03.01.2001",
                                                                                            "penerima"])
    assert lok.loc["63.03.01.2002", "penerima_samar"] == sel_kecil.PELENGKAP   # the smallest part of at least 8
    assert lok.loc["63.03.01.2003", "penerima"] == 40
    # the program total stays exact: 110 KK
    assert skor.skor_program(BLT, lindung=lindung).iloc[0]["penerima"] == 110
    # the attacker: program total = Σ places; what each place shows
    p = Penyerang()
    for kode, r in lok.iterrows():
        if r["penerima_samar"]:
            p.antara(kode, *sel_kecil.batas_pembaca(r["penerima_samar"]))
        else:
            p.tahu(kode, r["penerima"])
    p.jumlah(110, list(lok.index))
    rentang = p.rentang(["63.03.01.2001", "63.03.01.2002"])
    assert rentang["63.03.01.2001"] == (1, 4)


def test_place_sums_are_built_from_protected_cells():
    lindung = penerima.lindungi(BLT)
    kec = BLT[BLT["kode_wilayah"].str.startswith("63.03.01.")]
    assert penerima.ringkas_tempat(kec, lindung) == "40 KK + 2 lokasi disamarkan"
    assert penerima.ringkas_tempat(BLT[BLT["kode_wilayah"] == "63.03.01.2001"], lindung) == "< 5 KK"


def test_kecamatan_rows_are_measured_against_kecamatan_pockets_never_as_desa_misses():
    df = frame(baris(kode_wilayah="63.03.01.2001"), baris(kode_wilayah="63.03.02", program="Verval DTSEN"),
               baris(kode_wilayah="63.03.03", program="Verval DTSEN"))
    # only desa pockets known: the kecamatan rows are left out, with their count stated
    t = skor.tepat_sasaran(df, {"63.03.01.2001"}).iloc[0]
    assert (t["jumlah_terlokasi"], t["jumlah_di_kantong"], t["jumlah_tidak_diukur"]) == (1, 1, 2)
    assert t["kantong_jumlah_pct"] == 100
    # with kecamatan pockets measured: 63.03.02 is one, 63.03.03 is not
    t = skor.tepat_sasaran(df, {"63.03.01.2001", "63.03.02"}).iloc[0]
    assert (t["jumlah_terlokasi"], t["jumlah_di_kantong"], t["jumlah_tidak_diukur"]) == (3, 2, 0)
    assert t["jumlah_tingkat_kecamatan"] == 2


def _kuartal(pen: list[tuple[str, int, float]]) -> pd.DataFrame:
    """One RTLH program reported cumulatively per quarter ("s.d. triwulan") at several desa."""
    return frame(*[baris(triwulan=tw, kode_wilayah=k, penerima=v, capaian_output=v, target_output=v + 5,
                         target_penerima=v + 5, satuan_penerima="KK") for k, tw, v in pen])


def test_consecutive_cumulative_quarters_do_not_give_new_beneficiaries_back():
    # desa 2001: 10 KK by quarter I, 12 by quarter II: 2 new KK in quarter II, readable by subtraction
    rows = _kuartal([("63.03.01.2001", 1, 10), ("63.03.01.2001", 2, 12),
                     ("63.03.01.2002", 1, 30), ("63.03.01.2002", 2, 40),
                     ("63.03.01.2003", 1, 25), ("63.03.01.2003", 2, 33)])
    periode = penerima.lindungi_periode(rows, 2024)
    assert set(periode) == {None, 1, 2}
    prog = (2, "DISPERKIMLH", "Rehabilitasi RTLH", "unit")
    sel = ("sel", prog, "63.03.01.2001")
    q1, q2 = periode[1].dari(sel), periode[2].dari(sel)
    assert q1 or q2, "both quarters shown: 12 − 10 = 2 new KK"
    # the latest quarter is also the year's figure: one cell, hidden in both views or in neither
    assert periode[None].dari(sel) == q2
    # the attacker: every view's shown cells and program totals, and "later quarter ≥ earlier quarter"
    p = Penyerang()
    for tw in (1, 2):
        d = rows[rows["triwulan"] == tw]
        prog_total = d["penerima"].sum()
        p.jumlah(float(prog_total), [(tw, k) for k in d["kode_wilayah"]])
        for k, v in zip(d["kode_wilayah"], d["penerima"], strict=True):
            st = periode[tw].dari(("sel", prog, k))
            if st == sel_kecil.KECIL:
                p.antara((tw, k), 1, 4)
            elif st:
                p.antara((tw, k), 5)
            else:
                p.tahu((tw, k), float(v))
    for k in rows["kode_wilayah"].unique():
        p.jumlah((2, k), [(1, k), ("baru", k)])
    lo, hi = p.rentang([("baru", "63.03.01.2001")])[("baru", "63.03.01.2001")]
    assert lo <= 1 and hi >= 4, (lo, hi)


def test_output_and_target_are_hidden_with_their_beneficiaries():
    # 3 houses for 3 KK at desa 2001: the output (and its target) would give the "< 5" KK back
    rows = frame(*[baris(kode_wilayah=k, penerima=v, capaian_output=v, target_output=v, target_penerima=v,
                         satuan_penerima="KK") for k, v in (("63.03.01.2001", 3), ("63.03.01.2002", 30),
                                                           ("63.03.01.2003", 25), ("63.03.01.2004", 41))])
    lindung = penerima.lindungi(rows)
    prog = (2, "DISPERKIMLH", "Rehabilitasi RTLH", "unit")
    assert lindung.dari(("sel", prog, "63.03.01.2001")) == sel_kecil.KECIL
    for jenis in ("out", "tout", "tsel"):
        assert lindung.dari((jenis, prog, "63.03.01.2001")), jenis
    lokasi = skor.lokasi_program(rows, (), lindung).set_index("kode_wilayah")
    assert lokasi.loc["63.03.01.2001", ["penerima", "capaian_output", "target_output", "target_penerima",
                                        "capaian_pct"]].isna().all()
    # and the program totals of outputs and targets cannot be subtracted: another place is hidden with it
    for jenis in ("out", "tout", "tsel"):
        lain = [k for k in ("63.03.01.2002", "63.03.01.2003", "63.03.01.2004") if lindung.dari((jenis, prog, k))]
        assert lain, jenis
