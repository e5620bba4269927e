"""Scorecard arithmetic on hand-made rows whose answers are worked out in the comments."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from tkpk import katalog
from tkpk.pilar import skor
from tkpk.pilar.status import ATURAN_BAKU, AturanStatus, Status, persen, persen_kolom, status

DESA_KANTONG_KEC = "63.03.05.2001"   # a desa inside pocket kecamatan 63.03.05


def baris(**kw: object) -> dict[str, object]:
    base: dict[str, object] = {
        "tahun": 2024, "triwulan": None, "pilar": 2, "kode_opd": "DISPERKIMLH", "program": "Rehabilitasi RTLH",
        "kegiatan": None, "kode_wilayah": None, "pagu": 100.0, "realisasi": 100.0, "satuan_output": "unit",
        "target_output": 10.0, "capaian_output": 10.0, "target_penerima": 40.0, "penerima": 40.0,
        "sumber_dana": "APBD", "keterangan": None, "sumber": "uji", "batch_id": 1, "sampel": False,
    }
    base.update(kw)
    return base


def frame(*rows: dict[str, object]) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


def nan_or(x: object) -> object:
    return None if isinstance(x, float) and math.isnan(x) else x


# --- ratios ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("pembilang", "penyebut", "expected"),
    [
        (80, 100, 80.0),
        (900, 1000, 90.0),
        (0, 100, 0.0),             # a real zero stays zero
        (5, 0, None),              # pagu 0: not computable, never inf
        (0, 0, None),
        (5, None, None),
        (None, 100, None),
        (math.nan, 100, None),
        (130, 100, 130.0),         # over-achievement is not capped at program level
    ],
)
def test_persen(pembilang, penyebut, expected):
    assert persen(pembilang, penyebut) == expected


def test_persen_kolom_gives_nan_not_inf():
    out = persen_kolom(pd.Series([1.0, 0.0, 3.0, None]), pd.Series([0.0, 0.0, 4.0, 2.0]))
    assert out.isna().tolist() == [True, True, False, True]
    assert out.iloc[2] == 75.0


# --- status thresholds ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("capaian", "serapan", "expected"),
    [
        (90.0, 80.0, Status.HIJAU),        # both exactly at the green edge
        (89.99, 80.0, Status.KUNING),      # capaian just below
        (90.0, 79.99, Status.KUNING),      # serapan just below
        (60.0, 60.0, Status.KUNING),       # exactly at the red edge is not red
        (59.99, 95.0, Status.MERAH),
        (95.0, 59.99, Status.MERAH),       # OR: one low measure is enough
        (0.0, 0.0, Status.MERAH),          # 0% is a finding, not "no data"
        (130.0, 100.0, Status.HIJAU),
        (None, None, Status.ABU),
        (math.nan, math.nan, Status.ABU),
        (95.0, None, Status.HIJAU),        # no pagu (CSR, zakat): judged on output alone
        (50.0, None, Status.MERAH),
        (75.0, None, Status.KUNING),
        (None, 85.0, Status.KUNING),       # money spent, no measurable output: at best kuning
        (None, 59.0, Status.MERAH),
        (persen(0.9, 1), persen(2.4, 3), Status.HIJAU),  # edges reached through float arithmetic
        (persen(0.72, 0.8), persen(0.8 * 3, 3), Status.HIJAU),
    ],
)
def test_status_edges(capaian, serapan, expected):
    assert status(capaian, serapan) is expected


def test_status_near_edge_float_noise_counts_as_edge():
    assert status(89.99999999999999, 79.99999999999999) is Status.HIJAU
    assert status(59.99999999999999, 90) is Status.KUNING


@pytest.mark.parametrize(
    ("aturan", "capaian", "serapan", "expected"),
    [
        (AturanStatus(hijau_capaian=95), 94.0, 90.0, Status.KUNING),
        (AturanStatus(hijau_capaian=95), 95.0, 90.0, Status.HIJAU),
        (AturanStatus(merah_serapan=70), 90.0, 69.0, Status.MERAH),
        (AturanStatus(hijau_perlu_capaian=False), None, 85.0, Status.HIJAU),
    ],
)
def test_status_rules_are_configurable(aturan, capaian, serapan, expected):
    assert status(capaian, serapan, aturan) is expected


def test_inconsistent_rule_is_refused():
    with pytest.raises(ValueError, match="ambang"):
        AturanStatus(merah_capaian=95)


def test_status_never_only_colour():
    assert len({s.simbol for s in Status}) == 4
    assert len({s.warna for s in Status}) == 4
    assert [s.kode for s in Status] == ["hijau", "kuning", "merah", "abu"]
    assert Status.ABU.label == "Tidak ada data"
    assert Status.MERAH.teks == "■ Kritis"
    assert Status.dari_kode("kuning") is Status.KUNING


def test_deskripsi_in_indonesian_with_decimal_comma():
    teks = ATURAN_BAKU.deskripsi()
    assert "Hijau (Baik): capaian output ≥ 90% dan serapan anggaran ≥ 80%" in teks
    assert "capaian output < 60% atau serapan anggaran < 60%" in teks
    assert "dibobot pagu" in teks and "dibatasi 100%" in teks
    assert "paling baik kuning" in teks
    lain = AturanStatus(hijau_capaian=92.5, batas_capaian_agregat=110).deskripsi()
    assert "≥ 92,5%" in lain and "dibatasi 110%" in lain
    assert "paling baik kuning" not in AturanStatus(hijau_perlu_capaian=False).deskripsi()


# --- programs -------------------------------------------------------------------------------------------------

def test_skor_program_sums_rows_of_one_program():
    df = frame(
        baris(kode_wilayah="63.03.05.2001", pagu=100, realisasi=90, target_output=10, capaian_output=9),
        baris(kode_wilayah="63.03.05.2002", pagu=300, realisasi=230, target_output=30, capaian_output=27),
        baris(kode_wilayah="63.03.05.2002", pagu=100, realisasi=80, target_output=10, capaian_output=10),
    )
    out = skor.skor_program(df)
    assert len(out) == 1
    r = out.iloc[0]
    # serapan 400/500 = 80 %, capaian 46/50 = 92 %, penerima 120/120 = 100 %
    assert (r["pagu"], r["realisasi"], r["serapan_pct"]) == (500, 400, 80)
    assert (r["target_output"], r["capaian_output"], r["capaian_pct"]) == (50, 46, 92)
    assert r["penerima_pct"] == 100
    assert r["jumlah_lokasi"] == 2 and r["jumlah_baris"] == 3
    assert (r["status"], r["status_label"], r["status_simbol"]) == ("hijau", "Baik", "●")


@pytest.mark.parametrize(
    ("kw", "serapan", "capaian", "kode"),
    [
        ({"pagu": 0.0, "realisasi": 0.0}, None, 100.0, "hijau"),           # pagu 0: judged on output
        ({"pagu": None, "realisasi": None}, None, 50.0, "merah"),
        ({"target_output": 0.0, "capaian_output": 3.0}, 100.0, None, "kuning"),  # no measurable output
        ({"pagu": 0.0, "target_output": 0.0}, None, None, "abu"),
        ({"realisasi": None}, None, 100.0, "hijau"),                       # realisasi never reported
    ],
)
def test_skor_program_division_by_zero(kw, serapan, capaian, kode):
    base = {"capaian_output": 5.0} if capaian == 50.0 else {}
    r = skor.skor_program(frame(baris(**{**base, **kw}))).iloc[0]
    assert nan_or(r["serapan_pct"]) == serapan
    assert nan_or(r["capaian_pct"]) == capaian
    assert not math.isinf(r["serapan_pct"]) and not math.isinf(r["capaian_pct"])
    assert r["status"] == kode


def test_outputs_of_different_units_stay_apart():
    df = frame(baris(satuan_output="unit"), baris(satuan_output="km", target_output=2, capaian_output=1),
               baris(satuan_output=None, target_output=4, capaian_output=4))
    out = skor.skor_program(df)
    assert len(out) == 3
    assert sorted(out["capaian_pct"].tolist()) == [50.0, 100.0, 100.0]


def test_nullable_and_string_dtypes_from_duckdb():
    df = frame(baris(kode_wilayah="63.03.05"), baris(kode_wilayah=None, penerima=None, target_penerima=None))
    df = df.astype({"kode_wilayah": "str", "kode_opd": "str", "pilar": "Int32", "penerima": "Int64",
                    "target_penerima": "Int64", "sampel": "boolean"})
    r = skor.skor_program(df).iloc[0]
    assert r["penerima"] == 40 and r["jumlah_lokasi"] == 1


# --- OPD and pillar -------------------------------------------------------------------------------------------

OPD_PILAR_2 = [o for o in katalog.OPD if o.pilar == 2]


def test_skor_opd_lists_opd_without_report():
    df = frame(baris(kode_opd="PUPRP", program="Jalan", satuan_output="km"), baris(kode_opd="DISPERKIMLH"))
    out = skor.skor_opd(df, OPD_PILAR_2).set_index("kode_opd")
    assert list(out.index) == [o.kode for o in OPD_PILAR_2]           # catalogue order, nobody dropped
    belum = out[out["belum_melapor"]]
    assert set(belum.index) == {"DISHUB", "DISDUKCAPIL", "DPMPTSP"}
    assert (belum["status"] == "abu").all() and (belum["jumlah_program"] == 0).all()
    assert belum["pagu"].isna().all()
    assert out.loc["PUPRP", "status"] == "hijau" and not out.loc["PUPRP", "belum_melapor"]
    assert out.loc["DISHUB", "nama_singkat"] == "Dishub"


def test_skor_opd_keeps_unexpected_opd_so_totals_match():
    df = frame(baris(kode_opd="PUPRP"), baris(kode_opd="OPD_BARU", pagu=50))
    out = skor.skor_opd(df, OPD_PILAR_2)
    assert out["pagu"].sum() == df["pagu"].sum()
    baru = out[out["kode_opd"] == "OPD_BARU"].iloc[0]
    assert not baru["diharapkan"] and baru["nama_singkat"] == "OPD_BARU"


@pytest.mark.parametrize(
    ("programs", "expected"),
    [
        # 120 % capped to 100, weighted by pagu: (100·100 + 50·300) / 400 = 62,5 (not (12+10)/(10+20))
        ([("A", "unit", 100, 10, 12), ("B", "km", 300, 20, 10)], 62.5),
        # no program has pagu: plain mean of capped values (100 + 50) / 2
        ([("A", "unit", 0, 10, 12), ("B", "km", None, 20, 10)], 75.0),
        # a program without pagu is left out when others have one
        ([("A", "unit", None, 10, 2), ("B", "km", 100, 10, 8)], 80.0),
        # a program with no computable capaian does not count as 0
        ([("A", "unit", 100, 0, 5), ("B", "km", 100, 10, 7)], 70.0),
    ],
)
def test_capaian_aggregated_across_units(programs, expected):
    df = frame(*[baris(program=p, satuan_output=s, pagu=pg, realisasi=pg, target_output=t, capaian_output=c)
                 for p, s, pg, t, c in programs])
    opd = skor.skor_opd(df, OPD_PILAR_2).set_index("kode_opd").loc["DISPERKIMLH"]
    assert opd["capaian_pct"] == pytest.approx(expected)
    pilar = skor.skor_pilar(df, OPD_PILAR_2).iloc[0]
    assert pilar["capaian_pct"] == pytest.approx(expected)


def test_skor_pilar_totals_and_reporting_discipline():
    df = frame(
        baris(kode_opd="PUPRP", pagu=300, realisasi=150, kode_wilayah="63.03.01"),
        baris(kode_opd="DISPERKIMLH", pagu=100, realisasi=90, kode_wilayah="63.03.01"),
        baris(pilar=4, kode_opd="DINKES", pagu=50, realisasi=50),
    )
    out = skor.skor_pilar(df, katalog.OPD).set_index("pilar")
    assert list(out.index) == [1, 2, 3, 4]
    p2 = out.loc[2]
    assert (p2["pagu"], p2["realisasi"], p2["serapan_pct"]) == (400, 240, 60)
    assert (p2["opd_melapor"], p2["opd_diharapkan"]) == (2, 5)
    # "unit" is not a unit of people or households: counted per program, never added across programs
    assert p2["jumlah_lokasi"] == 1 and p2["penerima_teks"] == "2 program tanpa satuan penerima (tidak dijumlahkan)"
    assert "penerima" not in out.columns
    assert p2["status"] == "kuning"                                 # serapan exactly 60: not red
    assert out.loc[1, "status"] == "abu" and out.loc[1, "opd_melapor"] == 0
    assert out.loc[2, "nama_pilar"] == "Penurunan jumlah kantong kemiskinan"


# --- tepat sasaran --------------------------------------------------------------------------------------------

KANTONG = {"63.03.05", "63.03.07.2002", "63.03.09"}
ROWS_SASARAN = (
    baris(kode_wilayah=DESA_KANTONG_KEC, pagu=100),   # in: its kecamatan is a pocket
    baris(kode_wilayah="63.03.05", pagu=50),          # in: the pocket kecamatan itself
    baris(kode_wilayah="63.03.07.2002", pagu=200),    # in: a desa pocket
    baris(kode_wilayah="63.03.07.2003", pagu=300),    # out
    baris(kode_wilayah="63.03.07", pagu=150),         # out: a kecamatan row is not in a desa pocket
    baris(kode_wilayah=None, pagu=1000),              # kabupaten-wide: not located
)


def test_tepat_sasaran_by_count_pagu_and_coverage():
    r = skor.tepat_sasaran(frame(*ROWS_SASARAN), KANTONG).iloc[0]
    assert (r["jumlah_terlokasi"], r["jumlah_di_kantong"], r["jumlah_tanpa_lokasi"]) == (5, 3, 1)
    assert r["kantong_jumlah_pct"] == 60.0                         # 3 / 5
    assert (r["pagu_terlokasi"], r["pagu_di_kantong"]) == (800, 350)
    assert r["kantong_pagu_pct"] == pytest.approx(43.75)           # 350 / 800
    assert (r["kantong_terjangkau"], r["jumlah_kantong"]) == (2, 3)
    assert r["kantong_cakupan_pct"] == pytest.approx(200 / 3)
    assert skor.kantong_tanpa_intervensi(frame(*ROWS_SASARAN), KANTONG) == ["63.03.09"]


def test_tepat_sasaran_per_group_and_empty_cases():
    df = frame(*ROWS_SASARAN[:2], baris(pilar=3, kode_opd="DPMD", kode_wilayah=None))
    out = skor.tepat_sasaran(df, KANTONG, per=["pilar"]).set_index("pilar")
    assert out.loc[2, "kantong_jumlah_pct"] == 100 and out.loc[2, "kantong_terjangkau"] == 1
    assert math.isnan(out.loc[3, "kantong_jumlah_pct"])            # nothing located: not 0 %
    assert out.loc[3, "kantong_cakupan_pct"] == 0
    tanpa = skor.tepat_sasaran(frame(*ROWS_SASARAN), set()).iloc[0]
    # no pockets at all (a year without register figures): not assessed, never "0% tepat sasaran" (review 18 #6)
    assert math.isnan(tanpa["kantong_cakupan_pct"]) and math.isnan(tanpa["kantong_jumlah_pct"])
    assert math.isnan(tanpa["kantong_pagu_pct"]) and tanpa["jumlah_terlokasi"] == 3


def test_kantong_kuantil_atas_ranks_levels_separately():
    df = pd.DataFrame({
        "kode_wilayah": ["63.03.01", "63.03.02", "63.03.03", "63.03.04", "63.03.05", "63.03.06",
                         "63.03.01.2001", "63.03.01.2002"],
        "persen_jiwa_desil_1_4": [1.0, 2.0, 3.0, 4.0, 5.0, None, 10.0, 20.0],
    })
    # kecamatan: 80th percentile of 1..5 is 4,2 → only 5; desa: of 10, 20 it is 18 → only 20
    assert skor.kantong_kuantil_atas(df) == {"63.03.05", "63.03.01.2002"}
    assert skor.kantong_kuantil_atas(df, q=0.5) == {"63.03.03", "63.03.04", "63.03.05", "63.03.01.2002"}


def test_deskripsi_tepat_sasaran():
    assert "20% wilayah teratas" in skor.deskripsi_tepat_sasaran(0.8)
    assert "12,5% wilayah teratas" in skor.deskripsi_tepat_sasaran(0.875)
    assert "wilayah teratas" not in skor.deskripsi_tepat_sasaran(None)


def test_lokasi_program_marks_pockets_and_levels():
    out = skor.lokasi_program(frame(*ROWS_SASARAN), KANTONG).set_index("kode_wilayah", drop=False)
    assert out.loc[DESA_KANTONG_KEC, "di_kantong"] and not out.loc["63.03.07", "di_kantong"]
    assert out.loc["63.03.07", "tingkat"] == "kecamatan" and out.loc[DESA_KANTONG_KEC, "tingkat"] == "desa"
    assert out["tingkat"].tolist().count("kabupaten") == 1


# --- periods and years ----------------------------------------------------------------------------------------

def test_pilih_periode_does_not_add_cumulative_quarters():
    df = frame(
        baris(program="Tahunan", triwulan=None, pagu=100),
        baris(program="Kuartal", triwulan=1, pagu=100, realisasi=20),
        baris(program="Kuartal", triwulan=2, pagu=100, realisasi=45),
        baris(program="Tahunan", triwulan=2, pagu=999),              # superseded by the yearly row
        baris(tahun=2023, program="Tahunan", pagu=7),
    )
    tahun = skor.pilih_periode(df, 2024)
    assert sorted(zip(tahun["program"], tahun["realisasi"], strict=True)) == [("Kuartal", 45), ("Tahunan", 100)]
    assert skor.pilih_periode(df, 2024, triwulan=2)["pagu"].sum() == 1099


def test_bandingkan_tahun_changes_in_poin():
    df = frame(
        baris(tahun=2021, pagu=100, realisasi=50, kode_wilayah="63.03.05"),
        baris(tahun=2023, pagu=100, realisasi=70, capaian_output=8, penerima=30, kode_wilayah="63.03.01"),
        baris(tahun=2024, pagu=200, realisasi=170, capaian_output=9, penerima=36, kode_wilayah="63.03.05"),
    )
    out = skor.bandingkan_tahun(df, {2023: {"63.03.01"}, 2024: {"63.03.01"}}).set_index("tahun")
    assert list(out.index) == [2021, 2023, 2024]
    assert out.loc[2024, "serapan_pct"] == 85
    assert out.loc[2024, "perubahan_serapan_poin"] == pytest.approx(15.0)      # 85 − 70
    assert out.loc[2024, "perubahan_capaian_poin"] == pytest.approx(10.0)      # 90 − 80
    assert "perubahan_penerima" not in out.columns      # beneficiaries are per unit: a text per year
    assert out.loc[2024, "penerima_teks"] == "36/40 (tanpa satuan)"
    assert out.loc[2024, "perubahan_kantong_jumlah_poin"] == -100              # 0 % − 100 %
    assert math.isnan(out.loc[2023, "perubahan_serapan_poin"])                # 2022 missing: no change
    # no pockets known for 2021, and its one row targets a whole kecamatan: not measured, not scored a miss
    assert math.isnan(out.loc[2021, "kantong_jumlah_pct"])
    assert out.loc[2024, "status"] == "hijau"
    tanpa = skor.bandingkan_tahun(df)
    assert "kantong_jumlah_pct" not in tanpa.columns
