"""The map page's rules and sentences moved out of the page (tkpk.peta.pilihan, tkpk.peta.teks, tkpk.peta.tabel):
the measure's columns, typed thresholds and their fallback, the other level's rule, the quadrant and ratio
frames, the places per level, and the texts that depend on figures."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from tkpk import SUMBER_CONTOH
from tkpk.label import akhiran_contoh
from tkpk.peta import pilihan as pl
from tkpk.peta import tabel as pt
from tkpk.peta import teks as tx
from tkpk.peta.bawaan import K_KELAS
from tkpk.peta.kantong import AturanKantong, AturanMoran, UjiMoran


def test_each_measure_names_its_share_and_count_columns():
    assert pl.KOLOM_UKURAN["jiwa"] == ("persen_jiwa_desil_1_4", "jiwa_desil_1_4")
    assert pl.KOLOM_UKURAN["KK"] == ("persen_kk_desil_1", "kk_desil_1")


def test_typed_thresholds_are_used_or_refused_with_the_reason():
    assert pl.ambang_dari_teks("2; 4,5; 7") == ([2.0, 4.5, 7.0], None)
    ambang, galat = pl.ambang_dari_teks("5")
    assert ambang is None and galat == "Butuh 2–6 ambang berbeda, bukan 1."
    ambang, galat = pl.ambang_dari_teks("dua; 5")
    assert ambang is None and "bukan angka" in galat
    assert pl.ambang_dari_teks("1; 2; 3; 4; 5; 6; 7")[0] is None


def test_unusable_fixed_thresholds_fall_back_to_quantiles_with_the_levels_classes():
    nilai = pd.Series([float(i) for i in range(1, 21)])
    k = pl.kelas_peta(nilai, "fixed", 0, None, "desa", "persen_jiwa_desil_1_4")
    assert k.skema == "quantile" and k.k == K_KELAS["desa"]
    k = pl.kelas_peta(nilai, "fixed", 0, [5.0, 10.0], "kecamatan", "persen_jiwa_desil_1_4")
    assert k.skema == "fixed" and k.k == 3
    k = pl.kelas_peta(nilai, "quantile", 4, None, "kecamatan", "persen_jiwa_desil_1_4")
    assert k.skema == "quantile" and k.k == 4


def test_a_place_of_the_other_level_keeps_moran_or_gets_its_levels_default_rule():
    moran = AturanMoran()
    assert pl.aturan_lain("desa", moran) is moran
    lain = pl.aturan_lain("desa", AturanKantong(k=3))
    assert isinstance(lain, AturanKantong) and lain.k == K_KELAS["desa"]


def test_quadrant_rows_get_the_count_from_the_level_data_when_the_rule_has_none():
    tabel = pd.DataFrame({"kode": ["a", "b"], "persen": [1.0, 2.0]})
    lebar = pd.DataFrame({"kode": ["a", "b"], "kk_desil_1": [10, 20], "lain": [0, 0]})
    out = pl.data_kuadran(SimpleNamespace(tabel=tabel), lebar, "kk_desil_1")
    assert out["jumlah"].tolist() == [10, 20] and "kk_desil_1" not in out.columns
    ada = tabel.assign(jumlah=[7, 8])
    assert pl.data_kuadran(SimpleNamespace(tabel=ada), lebar, "kk_desil_1") is ada


def test_the_ratio_map_shows_interventions_per_1000_without_ranks():
    nilai = pd.DataFrame({"kode": ["a", "b"], "nilai": [1.0, 2.0], "nilai_teks": ["x", "y"], "sumber": ["s", "s"],
                          "samar": ["", ""], "peringkat_teks": ["1 dari 2", "2 dari 2"]})
    s = SimpleNamespace(tabel=pd.DataFrame({"kode": ["b"], "intervensi_per_1000": [3.456]}))
    r = pl.nilai_rasio(nilai, s)
    assert r["nilai_teks"].tolist() == ["–", "3,46"] and set(r["peringkat_teks"]) == {"–"}
    assert set(r["sumber"]) == {"laporan program OPD ÷ register sosial"}


def test_places_per_level_are_counted_from_the_codes():
    kode = pd.Series(["63.03.01", "63.03.02", "63.03.01.2001", "63.03.01.2002", "63.03.02.1001"])
    assert pl.jumlah_wilayah(kode) == {"kecamatan": 2, "desa": 3}


def test_default_rule_caption_names_the_counted_places():
    teks = tx.teks_bawaan({"kecamatan": 20, "desa": 290})
    assert "3 kelas di tingkat kecamatan (20 wilayah) dan 5 kelas di tingkat desa (290 wilayah)" in teks


def test_map_subtitle_names_the_gap_and_the_idm_overlay_only_when_shown():
    assert tx.subjudul_peta(4)[1] == "Celah kosong di barat = Kota Banjarbaru (bukan bagian Kabupaten Banjar)."
    assert len(tx.subjudul_peta(4)) == 2 and "4 kantong" in tx.subjudul_peta(4)[0]
    idm = SimpleNamespace(jumlah_dikenal=30, jumlah_sumber=33)
    assert "(30 dari 33 bernama)" in tx.subjudul_peta(4, idm)[2]


def test_moran_line_before_and_after_correction():
    uji = UjiMoran(jumlah_diuji=290, signifikan_mentah=40, signifikan=12, ambang_p=0.01, koreksi="fdr", detik=0.1)
    hasil = SimpleNamespace(uji=uji)
    teks = tx.teks_uji(AturanMoran(), hasil, "desa")
    assert teks == ("**Signifikan sebelum koreksi: 40 dari 290 desa/kelurahan; setelah koreksi "
                    "FDR (Benjamini–Hochberg): 12.**")
    tanpa = SimpleNamespace(uji=UjiMoran(20, 3, 3, 0.05, "tanpa", 0.1))
    assert tx.teks_uji(AturanMoran(), tanpa, "kecamatan").endswith("tanpa koreksi uji berganda.**")
    assert tx.teks_uji(AturanKantong(), hasil, "desa") is None


@pytest.mark.parametrize(("ada", "n_k", "n_belum", "jenis", "awal"), [
    (False, 5, 5, "info", "Belum ada laporan program OPD untuk 2024"),
    (True, 0, 0, "info", "Tidak ada kantong menurut aturan ini"),
    (True, 5, 0, "success", "Semua 5 kantong menerima"),
    (True, 5, 2, "error", "### 🚩 2 dari 5 kantong belum tersentuh"),
])
def test_targeting_notice_follows_reports_pockets_and_reach(ada, n_k, n_belum, jenis, awal):
    s = SimpleNamespace(ambang_rasio=1.234, label_rasio="Intervensi per 1.000 jiwa desil 1–4")
    j, teks = tx.pesan_sasaran(s, ada, n_k, n_belum, 2024)
    assert j == jenis and teks.startswith(awal)
    if jenis == "error":
        assert "(1,23 intervensi per 1.000 jiwa desil 1–4)" in teks


def test_unmapped_interventions_are_listed_by_reason():
    s = SimpleNamespace(tidak_terpetakan=pd.DataFrame({"alasan": ["se-kabupaten"], "jumlah_intervensi": [3],
                                                        "pagu": [1500000.0]}))
    assert tx.teks_tidak_terpetakan(s) == "Tidak terpetakan di tingkat ini: se-kabupaten: 3 kegiatan (Rp1.500.000)"
    assert tx.teks_tidak_terpetakan(SimpleNamespace(tidak_terpetakan=pd.DataFrame())) is None


def test_register_indicators_say_they_are_not_bps_and_sizes_carry_no_rank():
    teks = tx.keterangan_indikator("persen_kk_desil_1")
    assert teks is not None and teks.endswith("bukan angka kemiskinan BPS (P0 hanya ada per kabupaten).")
    sudah = tx.keterangan_indikator("persen_jiwa_desil_1_4")  # its description already names BPS: said once
    assert sudah is not None and "bukan angka kemiskinan BPS" not in sudah and "(P0) BPS" in sudah
    assert tx.keterangan_indikator("penduduk") is None and tx.keterangan_ukuran("persen_jiwa_desil_1_4") is None
    assert tx.keterangan_ukuran("penduduk") == ("Jumlah penduduk adalah ukuran wilayah, bukan kebutuhan: tidak "
                                                "diberi peringkat.")


def test_sasaran_formats_ratios_with_two_decimals_and_rupiah_with_prefix():
    df = pd.DataFrame({"Wilayah": ["a"], "Pagu (Rp)": [1500.0], "Intervensi per 1.000 jiwa": [1.5],
                       "Jumlah intervensi": [3]})
    f = pt.format_sasaran(df)
    assert set(f) == {"Pagu (Rp)", "Intervensi per 1.000 jiwa", "Jumlah intervensi"}
    assert (f["Pagu (Rp)"](1500.0), f["Intervensi per 1.000 jiwa"](1.5), f["Jumlah intervensi"](1234)) == \
        ("Rp1.500", "1,50", "1.234")


def test_changes_keep_only_entered_and_left():
    df = pd.DataFrame({"Kode": ["a", "b", "c"], "Perubahan": ["masuk (2024)", "tetap (kantong)", "keluar (2023)"]})
    assert pt.hanya_berubah(df)["Perubahan"].tolist() == ["masuk (2024)", "keluar (2023)"]
    assert "Kode" not in pt.hanya_berubah(df).columns


def test_sample_suffix_is_one_helper():
    assert akhiran_contoh(False) == "" and akhiran_contoh(False, singkat=True) == ""
    assert akhiran_contoh(True) == f" — {SUMBER_CONTOH}"
    assert akhiran_contoh(True, singkat=True) == " ⚠️ DATA CONTOH."
