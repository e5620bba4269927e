"""The real facts file: every row gets a catalogue code and a kind of source, IDM desa match Kemendagri codes."""

from pathlib import Path

import pandas as pd
import pytest

from tkpk.katalog import INDIKATOR_FAKTA_BY_KODE
from tkpk.toko.fakta import BarisTakDikenal, desa_idm, read_fakta, read_target
from tkpk.toko.referensi import BUNDLED


def test_every_row_maps_to_a_fact_indicator_never_a_bps_or_sample_code():
    f = read_fakta(BUNDLED.fakta)
    assert set(f["indikator"]) <= set(INDIKATOR_FAKTA_BY_KODE)
    assert set(f["jenis_sumber"]) == {"register", "instansi"}
    satu = f[f["indikator"] == "reg_miskin_satudata"].set_index(["tahun", "kode_wilayah"])["nilai"]
    assert satu[(2024, "63.03")] == 161726 and satu[(2025, "63.03")] == 172697
    assert satu[(2024, "63.03.05")] == 21222 and satu[(2025, "63.03.01")] == 20796


def test_idm_2021_desa_are_the_37_named_with_codes():
    wil = pd.read_csv(BUNDLED.wilayah, dtype=str)
    d = desa_idm(BUNDLED.fakta, wil)
    assert len(d) == 37 and d["kode_wilayah"].is_unique
    assert "63.03.09.2010" in set(d["kode_wilayah"])  # "Mengkauk" in the source = Mangkauk
    assert set(d["kode_wilayah"].str[:8]) == {"63.03.01", "63.03.03", "63.03.04", "63.03.07", "63.03.09", "63.03.10",
                                              "63.03.11", "63.03.13", "63.03.14", "63.03.17", "63.03.19"}


def test_an_unknown_row_or_desa_stops_the_load(tmp_path: Path):
    salah = tmp_path / "f.csv"
    salah.write_text("level,kode_kec,kecamatan,tahun,indikator,nilai,satuan,rincian,sumber\n"
                     "kabupaten,63.03,Banjar,2024,angka baru yang belum dikenal,5,jiwa,,x\n", encoding="utf-8")
    with pytest.raises(BarisTakDikenal):
        read_fakta(salah)
    salah.write_text("level,kode_kec,kecamatan,tahun,indikator,nilai,satuan,rincian,sumber\n"
                     "kecamatan,63.03.17,Paramasan,2021,jumlah desa berstatus Tertinggal menurut IDM 2021,1,desa,"
                     "desa: Tidak Ada,x\n", encoding="utf-8")
    with pytest.raises(BarisTakDikenal):
        desa_idm(salah, pd.read_csv(BUNDLED.wilayah, dtype=str))


def test_bundled_targets_keep_source_and_kind():
    t = read_target(BUNDLED.target).set_index("indikator")
    assert t.loc["p0", "nilai"] == pytest.approx(2.93) and t.loc["p0", "jenis_sumber"] == "kutipan_pejabat"
    assert t.loc["p0_ekstrem", "nilai"] == 0 and t.loc["p0_ekstrem", "tahun"] == 2024
    assert t["sumber"].str.contains("https://").all()
