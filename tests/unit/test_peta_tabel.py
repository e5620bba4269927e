"""Thresholds typed the Indonesian way, and the pocket/targeting display tables (reasons, units in headers)."""

from __future__ import annotations

import pandas as pd
import pytest

from tkpk.peta import tabel as pt
from tkpk.peta.data import tingkat_kode
from tkpk.peta.kantong import AturanKantong, kantong_jumlah_persen
from tkpk.peta.sasaran import tepat_sasaran


def test_thresholds_parse_decimal_comma_and_thousands_dot():
    assert pt.baca_ambang("2,5; 5; 10") == [2.5, 5.0, 10.0]
    assert pt.baca_ambang("10 | 2  5;5") == [2.0, 5.0, 10.0]
    assert pt.baca_ambang("1.250; 500") == [500.0, 1250.0]


@pytest.mark.parametrize("teks", ["", "dua; 5", "2;;x"])
def test_bad_thresholds_say_so_in_indonesian(teks):
    with pytest.raises(ValueError, match=r"ambang|angka"):
        pt.baca_ambang(teks)


def test_threshold_suggestion_is_parseable():
    saran = pt.ambang_awal(pd.Series([1.2, 2.4, 3.1, 4.8, 9.9]))
    assert len(pt.baca_ambang(saran)) >= 2 and "," in saran


def test_level_of_a_code():
    assert tingkat_kode("63.03.17") == "kecamatan" and tingkat_kode("63.03.17.2001") == "desa"


DESA = pd.DataFrame({
    "kode": [f"63.03.01.200{i}" for i in range(1, 7)], "nama": list("ABCDEF"),
    "nama_kecamatan": ["Aluh Aluh"] * 6,
    "persen_jiwa_desil_1_4": [9.8, 9.0, 1.0, 2.0, 9.5, 1.5], "jiwa_desil_1_4": [612, 500, 900, 30, 20, 40],
    "kk_desil_1": [150, 120, 200, 8, 5, 10],
})


def test_pocket_table_has_reasons_and_ranks_only_pockets():
    hasil = kantong_jumlah_persen(DESA, AturanKantong(k=3))
    t = pt.tabel_kantong(hasil, DESA, "desa")
    assert list(t["Wilayah"]) == hasil.kantong()["nama"].tolist()
    assert "Kecamatan" in t.columns and t["Alasan"].str.contains("% penduduk desil 1–4", regex=False).all()
    semua = pt.tabel_kantong(hasil, DESA, "desa", semua=True)
    assert len(semua) == 6 and semua["Status"].eq("bukan kantong").sum() == 6 - len(t)


def test_targeting_table_names_its_unit_and_never_mixes():
    iv = pd.DataFrame({"kode_wilayah": ["63.03.01.2001", "63.03.01.2001", None], "pagu": [1e6, 2e6, 5e6]})
    for satuan, kata in (("jiwa", "jiwa desil 1–4"), ("KK", "KK desil 1")):
        s = tepat_sasaran(DESA, iv, satuan=satuan, tingkat="desa", kantong=["63.03.01.2001", "63.03.01.2002"])
        t = pt.tabel_sasaran(s, DESA, "desa")
        rasio = [c for c in t.columns if "per 1.000" in c]
        assert rasio == [f"Intervensi per 1.000 {kata}"]
        assert all(("jiwa" in c) != ("KK" in c) for c in t.columns if "per" in c)
        b = pt.tabel_tersentuh(s, DESA, "desa")
        assert b["Wilayah"].tolist() == ["B"]  # the pocket with nothing
