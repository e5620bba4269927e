"""Plans against delivery, and status suggestions from reports, on hand-made rows."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from tkpk.rakor import rencana as rc
from tkpk.rakor import saran as sr

KOLOM_INTERVENSI = ["tahun", "triwulan", "pilar", "kode_opd", "program", "kegiatan", "kode_wilayah",
                    "satuan_output", "capaian_output", "realisasi", "sampel"]
KOLOM_RENCANA = ["tahun", "triwulan", "pilar", "kode_opd", "program", "kegiatan", "kode_wilayah", "satuan_output",
                 "target_output", "pagu_rencana", "sampel"]


def _intervensi(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=KOLOM_INTERVENSI)


def _rencana(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=KOLOM_RENCANA)


def test_cumulative_plans_and_reports_per_quarter_and_status():
    rencana = _rencana(
        (2025, 2, 2, "DISPERKIMLH", "Rehabilitasi RTLH", None, None, "unit", 10.0, 500.0, True),
        (2025, 4, 2, "DISPERKIMLH", "Rehabilitasi RTLH", None, None, "unit", 30.0, 1500.0, True),
        (2025, 4, 2, "PUPRP", "Jalan lingkungan", None, None, "km", 5.0, 900.0, True),
        (2025, 4, 2, "DISHUB", "Angkutan desa", None, None, "trayek", 2.0, 100.0, True),
    )
    # Two desa report RTLH cumulatively: Q1 3 + 4, Q2 6 + 5 (=11 by Q2), so the Q1 rows must not be added again.
    lapor = _intervensi(
        (2025, 1, 2, "DISPERKIMLH", "rehabilitasi  RTLH", "Bedah", "63.03.05.2001", "Unit", 3.0, 150.0, True),
        (2025, 1, 2, "DISPERKIMLH", "Rehabilitasi RTLH", "Bedah", "63.03.05.2002", "unit", 4.0, 200.0, True),
        (2025, 2, 2, "DISPERKIMLH", "Rehabilitasi RTLH", "Bedah", "63.03.05.2001", "unit", 6.0, 300.0, True),
        (2025, 2, 2, "DISPERKIMLH", "Rehabilitasi RTLH", "Bedah", "63.03.05.2002", "unit", 5.0, 260.0, True),
        (2025, 1, 2, "PUPRP", "Jalan lingkungan", None, "63.03.01", "km", 1.0, 100.0, True),
        (2024, None, 2, "DISHUB", "Angkutan desa", None, None, "trayek", 2.0, 100.0, True),  # another year
    )
    t = rc.rencana_vs_realisasi(rencana, lapor, 2025, hari_ini=date(2025, 8, 1)).set_index("kode_opd")
    rtlh = t.loc["DISPERKIMLH"]
    assert [rtlh[f"rencana_q{q}"] for q in (1, 2, 3, 4)][1:] == [10.0, 10.0, 30.0]
    assert np.isnan(rtlh["rencana_q1"])
    assert [rtlh[f"capaian_q{q}"] for q in (1, 2)] == [7.0, 11.0]
    assert np.isnan(rtlh["capaian_q3"]) and np.isnan(rtlh["capaian_q4"])   # not reported yet, not 11
    assert np.isnan(rtlh["realisasi"]) and rtlh["pagu_rencana"] == 1500.0   # the year's realisation needs Q4
    assert rtlh["triwulan_lapor"] == 2 and rtlh["status"] == rc.SESUAI  # 11 by Q2 against 10 planned
    assert rtlh["program"] == "Rehabilitasi RTLH"   # the plan's spelling
    # Q1 reported, nothing planned by Q1 yet, but Q2's report (due 15 July) is late on 1 August
    assert t.loc["PUPRP", "status"] == rc.TERLAMBAT_LAPOR and t.loc["PUPRP", "status_label"] == "◌ Terlambat lapor TW2"
    assert t.loc["DISHUB", "status"] == rc.BELUM     # only a 2024 report
    assert t.loc["DISHUB", "status_label"] == "○ Belum ada progres"
    assert rc.ringkas_status(t) == {rc.BELUM: 1, rc.TIDAK_TERCAPAI: 0, rc.TERTINGGAL: 0, rc.SESUAI: 1, rc.TERCAPAI: 0,
                                    rc.TIDAK_MELAPOR: 0, rc.TANPA_TARGET: 0, rc.TERLAMBAT_LAPOR: 1}


def test_behind_plan_and_reached_and_a_year_report_wins_over_quarters():
    rencana = _rencana(
        (2025, 1, 3, "DISTAN", "Bibit", None, None, "paket", 40.0, None, False),
        (2025, None, 3, "DISTAN", "Bibit", None, None, "paket", 100.0, None, False),
        (2025, None, 3, "DKPP", "Pangan", None, "63.03.02", "KK", 10.0, None, False),
    )
    lapor = _intervensi(
        (2025, 1, 3, "DISTAN", "Bibit", None, "63.03.03", "paket", 30.0, None, False),
        (2025, 3, 3, "DKPP", "Pangan", None, "63.03.02", "KK", 50.0, None, False),
        (2025, None, 3, "DKPP", "Pangan", None, "63.03.02", "KK", 12.0, None, False),  # the year report
    )
    t = rc.rencana_vs_realisasi(rencana, lapor, 2025, hari_ini=date(2025, 8, 1)).set_index("kode_opd")
    assert t.loc["DISTAN", "status"] == rc.TERTINGGAL  # 30 by Q1 against 40
    assert t.loc["DKPP", "capaian_tahun"] == 12.0 and t.loc["DKPP", "status"] == rc.TERCAPAI
    assert t.loc["DKPP", "capaian_pct"] == pytest.approx(120.0)
    assert not t["sampel"].any()


def test_no_plans_give_an_empty_table_with_the_columns():
    t = rc.rencana_vs_realisasi(_rencana(), _intervensi(), 2025)
    assert t.empty and "status" in t.columns


def _keputusan(**ubah: object) -> pd.Series:
    dasar = {"kode_opd": "DISPERKIMLH", "kode_wilayah": "63.03.05", "program": "Rehabilitasi RTLH",
             "indikator": None, "target": 10.0, "status": "baru"}
    return pd.Series({**dasar, **ubah})


RAKOR = date(2024, 12, 18)
LAPOR = _intervensi(
    (2024, None, 2, "DISPERKIMLH", "Rehabilitasi RTLH", None, "63.03.05.2001", "unit", 50.0, None, True),  # before
    (2025, 1, 2, "DISPERKIMLH", "Rehabilitasi RTLH", None, "63.03.05.2001", "unit", 4.0, None, True),
    (2025, 2, 2, "DISPERKIMLH", "Rehabilitasi RTLH", None, "63.03.05.2001", "unit", 8.0, None, True),
    (2025, 2, 2, "DISPERKIMLH", "Rehabilitasi RTLH", None, "63.03.05.2002", "unit", 3.0, None, True),
    (2025, 2, 2, "DISPERKIMLH", "Sanitasi", None, "63.03.05.2002", "unit", 99.0, None, True),
    (2025, 2, 2, "DISPERKIMLH", "Rehabilitasi RTLH", None, "63.03.06.2001", "unit", 99.0, None, True),  # elsewhere
)
NILAI = pd.DataFrame({"tahun": [2024, 2025], "kode_wilayah": ["63.03.05", "63.03.05"], "indikator": ["rtlh", "rtlh"],
                      "nilai": [300.0, 240.0], "sampel": [True, True]})


def test_a_kecamatan_decision_counts_its_desa_after_the_meeting_with_cumulative_quarters():
    s = sr.saran_satu(_keputusan(), LAPOR, NILAI, RAKOR)
    # Desa 2001: latest 2025 report 8 (not 4 + 8); desa 2002: 3. The 2024 row is before the rakor.
    assert s.capaian == 11.0 and s.status == "selesai" and s.sampel
    assert "tercapai" in s.alasan
    assert sr.saran_satu(_keputusan(target=20.0), LAPOR, NILAI, RAKOR).status == "berjalan"
    assert sr.saran_satu(_keputusan(target=None), LAPOR, NILAI, RAKOR).status == "berjalan"
    assert sr.saran_satu(_keputusan(kode_opd="PUPRP"), LAPOR, NILAI, RAKOR).status == "baru"
    assert sr.saran_satu(_keputusan(kode_wilayah=None), LAPOR, NILAI, RAKOR).status is None


def test_output_since_the_meeting_subtracts_what_was_reported_by_the_meetings_quarter():
    """Review finding 2: a rakor on 20 May 2025, Q2 cumulative 5, Q4 cumulative 14 against a target of 12 was shown
    as "capaian 14 … tercapai"; at most 9 of them can be after the meeting's quarter."""
    rows = []
    for q, nilai in ((1, (0.0, 1.0, 0.0)), (2, (2.0, 2.0, 1.0)), (3, (3.0, 4.0, 2.0)), (4, (5.0, 6.0, 3.0))):
        for desa, x in zip(("63.03.02.1015", "63.03.02.2005", "63.03.02.2006"), nilai, strict=True):
            rows.append((2025, q, 2, "DISPERKIMLH", "Rehabilitasi RTLH", "Bedah", desa, "unit", x, None, True))
    lapor = _intervensi(*rows)
    rakor = date(2025, 5, 20)
    k = _keputusan(kode_wilayah="63.03.02", target=12.0, tenggat=None)
    s = sr.saran_satu(k, lapor, NILAI, rakor)
    assert s.capaian == 9.0 and s.status == "berjalan"
    assert "sejak rakor: 9 unit dari target 12" in s.alasan
    s = sr.saran_satu(_keputusan(kode_wilayah="63.03.02", target=9.0, tenggat=date(2025, 12, 31)), lapor, NILAI,
                      rakor)
    assert s.status == "selesai" and "sebelum tenggat" in s.alasan and "terlambat" not in s.alasan
    # reached only by the Q4 report (9 since the meeting; by Q3 it was 4): after a September deadline, late
    s = sr.saran_satu(_keputusan(kode_wilayah="63.03.02", target=9.0, tenggat=date(2025, 9, 30)), lapor, NILAI,
                      rakor)
    assert s.status == "selesai" and "sesudah tenggat" in s.alasan and s.alasan.endswith("terlambat.")
    assert "TW4 2025" in s.alasan
    # a year row of a later year counts in full (cumulation restarts in January)
    lagi = _intervensi(*rows, (2026, None, 2, "DISPERKIMLH", "Rehabilitasi RTLH", "Bedah", "63.03.02.2006", "unit",
                               4.0, None, True))
    assert sr.saran_satu(k, lagi, NILAI, rakor).capaian == 13.0


def test_a_report_of_the_meetings_own_quarter_does_not_count():
    lapor = _intervensi(
        (2024, 4, 2, "DISPERKIMLH", "Rehabilitasi RTLH", None, "63.03.05.2001", "unit", 50.0, None, False))
    assert sr.saran_satu(_keputusan(), lapor, NILAI, RAKOR).status == "baru"
    assert sr.saran_satu(_keputusan(), lapor, NILAI, date(2024, 9, 1)).status == "selesai"  # nothing by Q3: base 0
    sebelum = _intervensi(
        (2024, 3, 2, "DISPERKIMLH", "Rehabilitasi RTLH", None, "63.03.05.2001", "unit", 45.0, None, False),
        (2024, 4, 2, "DISPERKIMLH", "Rehabilitasi RTLH", None, "63.03.05.2001", "unit", 50.0, None, False))
    s = sr.saran_satu(_keputusan(), sebelum, NILAI, date(2024, 9, 1))
    assert (s.status, s.capaian) == ("berjalan", 5.0)   # 50 − 45 reported by the meeting's quarter


def test_an_indicator_target_is_met_from_below_when_higher_is_worse():
    k = _keputusan(program=None, indikator="rtlh", target=250.0)
    assert sr.saran_satu(k, LAPOR, NILAI, RAKOR).status == "selesai"   # 240 <= 250
    assert sr.saran_satu(_keputusan(program=None, indikator="rtlh", target=200.0), LAPOR, NILAI,
                         RAKOR).status == "berjalan"
    assert sr.saran_satu(k, LAPOR, NILAI.iloc[:1], RAKOR).status is None  # no value after the meeting


def test_suggestions_flag_where_they_differ_from_the_record():
    k = pd.DataFrame([_keputusan(status="selesai"), _keputusan(status="baru")])
    out = sr.saran_status(k, LAPOR, NILAI, RAKOR)
    assert out["saran"].tolist() == ["selesai", "selesai"]
    assert out["saran_beda"].tolist() == [False, True]


def test_a_year_reported_to_its_end_below_plan_is_not_met_rather_than_behind():
    rencana = _rencana((2025, 4, 3, "DISTAN", "Bibit", None, None, "paket", 40.0, None, False))
    lapor = _intervensi((2025, 4, 3, "DISTAN", "Bibit", None, "63.03.03", "paket", 30.0, None, False))
    t = rc.rencana_vs_realisasi(rencana, lapor, 2025)
    assert t["status"].tolist() == [rc.TIDAK_TERCAPAI] and t["status_label"].iloc[0] == "■ Tidak tercapai"


def test_an_empty_cell_of_a_year_plan_row_keeps_the_quarterly_target_and_a_budget_only_plan_is_not_failed():
    """Review of issue 18, finding 1: a year row bringing only a budget replaced the place's quarterly row as a whole,
    so its empty target wiped the Q4 target and a met plan read "tidak tercapai"; a plan without any output target
    read "tidak tercapai" whatever was delivered."""
    rencana = _rencana(
        (2025, 1, 2, "DISHUB", "Angkutan perdesaan", None, None, "trayek", 1.0, None, False),
        (2025, 4, 2, "DISHUB", "Angkutan perdesaan", None, None, "trayek", 3.0, None, False),
        (2025, None, 2, "DISHUB", "Angkutan perdesaan", None, None, "trayek", None, 469.0, False),
        (2025, None, 2, "PUPRP", "Jalan lingkungan", None, None, "km", None, 900.0, False),
    )
    lapor = _intervensi(
        (2025, 4, 2, "DISHUB", "Angkutan perdesaan", None, None, "trayek", 4.0, 400.0, False),
        (2025, 4, 2, "PUPRP", "Jalan lingkungan", None, None, "km", 2.0, 800.0, False),
    )
    t = rc.rencana_vs_realisasi(rencana, lapor, 2025).set_index("kode_opd")
    assert t.loc["DISHUB", "target_tahun"] == 3.0 and t.loc["DISHUB", "pagu_rencana"] == 469.0
    assert t.loc["DISHUB", "status"] == rc.TERCAPAI
    assert t.loc["PUPRP", "status"] == rc.TANPA_TARGET
    assert t.loc["PUPRP", "status_label"] == "◇ Tanpa target output"


def test_quarters_after_the_latest_report_are_not_reported_rather_than_zero():
    """Review finding 4: Disbudporapar reported Q1 and Q2 (0 each) and stopped; Q3, Q4 and the year showed 0."""
    rencana = _rencana((2025, 2, 3, "DISBUDPORAPAR", "Pengembangan desa wisata", None, None, "desa", 2.0, 225.0, True),
                       (2025, 4, 3, "DISBUDPORAPAR", "Pengembangan desa wisata", None, None, "desa", 3.0, 450.0, True),
                       (2025, 4, 3, "BPBD", "Logistik", None, None, "paket", 3.0, 450.0, True))
    lapor = _intervensi(
        (2025, 1, 3, "DISBUDPORAPAR", "Pengembangan desa wisata", "P", "63.03.01.2009", "desa", 0.0, 26.0, True),
        (2025, 2, 3, "DISBUDPORAPAR", "Pengembangan desa wisata", "P", "63.03.01.2009", "desa", 0.0, 66.0, True))
    t = rc.rencana_vs_realisasi(rencana, lapor, 2025).set_index("kode_opd")
    w = t.loc["DISBUDPORAPAR"]
    assert [w["capaian_q1"], w["capaian_q2"]] == [0.0, 0.0]
    assert all(np.isnan(w[c]) for c in ("capaian_q3", "capaian_q4", "capaian_tahun", "capaian_pct", "realisasi"))
    # during the year: behind; once the Q4 deadline (15 January 2026) has passed: not met / never reported
    berjalan = rc.rencana_vs_realisasi(rencana, lapor, 2025, hari_ini=date(2025, 11, 1)).set_index("kode_opd")
    assert berjalan.loc["DISBUDPORAPAR", "status"] == rc.TERTINGGAL and berjalan.loc["BPBD", "status"] == rc.BELUM
    masih = rc.rencana_vs_realisasi(rencana, lapor, 2025, hari_ini=date(2026, 1, 15)).set_index("kode_opd")
    assert masih.loc["DISBUDPORAPAR", "status"] == rc.TERTINGGAL   # the deadline day itself is still open
    tutup = rc.rencana_vs_realisasi(rencana, lapor, 2025, hari_ini=date(2026, 1, 16)).set_index("kode_opd")
    assert tutup.loc["DISBUDPORAPAR", "status"] == rc.TIDAK_TERCAPAI
    assert tutup.loc["BPBD", "status"] == rc.TIDAK_MELAPOR and tutup.loc["BPBD", "status_label"] == "✕ Tidak melapor"
    assert rc.ringkas_status(tutup)[rc.TIDAK_MELAPOR] == 1
    from tkpk.charts.rencana import data_rencana
    from tkpk.rakor.tabel import tabel_rencana

    laporan = data_rencana(tutup.loc[["DISBUDPORAPAR"]].reset_index())
    assert set(laporan.loc[laporan["jenis"] == "Laporan (kumulatif)", "triwulan"]) == {"TW 1", "TW 2"}
    belum = laporan[laporan["jenis"] == "Belum dilaporkan"]
    assert set(belum["triwulan"]) == {"TW 3", "TW 4"} and set(belum["teks"]) == {"–"}
    sel = tabel_rencana(tutup.loc[["DISBUDPORAPAR"]].reset_index(), {})
    assert sel.loc[0, "Triwulan 3"] == "– / 2" and sel.loc[0, "Triwulan 2"] == "0 / 2"


# --- independent review of issue 18, finding 3: a count of 1–4 households since the meeting reads "< 5" ---

def _kk(*nilai: tuple[int, float], desa: str = "63.03.01.2010", satuan: str = "KK") -> pd.DataFrame:
    return _intervensi(*[(2026, q, 4, "DINSOS", "Pendampingan PKH", "Bansos", desa, satuan, x, None, False)
                         for q, x in nilai])


def test_a_small_count_of_households_since_the_meeting_reads_less_than_five():
    """Review finding 3: TW1 10 KK, TW2 13 KK, rakor in TW1: "sejak rakor: 3 KK" gave a count of 3 households away."""
    lapor = _kk((1, 10.0), (2, 13.0))
    k = _keputusan(kode_opd="DINSOS", kode_wilayah="63.03.01.2010", program="Pendampingan PKH", target=5.0)
    s = sr.saran_satu(k, lapor, NILAI, date(2026, 3, 10))
    assert s.status == "berjalan"
    assert "sejak rakor: < 5 KK dari target 5" in s.alasan and "3" not in s.alasan.split("sejak rakor:")[1]
    assert s.capaian is None     # the figure is not carried where a table could show it
    # the kecamatan sums its desa: still small, still hidden
    s = sr.saran_satu(k.copy().replace({"63.03.01.2010": "63.03.01"}), lapor, NILAI, date(2026, 3, 10))
    assert "< 5 KK" in s.alasan
    # jiwa, orang, rumah tangga are counts of people too; units are not
    assert "< 5 jiwa" in sr.saran_satu(k, _kk((1, 10.0), (2, 13.0), satuan="jiwa"), NILAI, date(2026, 3, 10)).alasan
    assert "sejak rakor: 3 unit" in sr.saran_satu(k, _kk((1, 10.0), (2, 13.0), satuan="unit"), NILAI,
                                                  date(2026, 3, 10)).alasan
    # 5 or more is shown; the whole kabupaten is not a small cell
    assert "sejak rakor: 6 KK" in sr.saran_satu(k, _kk((1, 10.0), (2, 16.0)), NILAI, date(2026, 3, 10)).alasan
    from tkpk import KODE_BANJAR
    kab = k.copy().replace({"63.03.01.2010": KODE_BANJAR})
    assert "sejak rakor: 3 KK" in sr.saran_satu(kab, lapor, NILAI, date(2026, 3, 10)).alasan


def test_a_target_inside_one_to_four_gives_no_suggestion_for_a_hidden_count():
    """"selesai" against a target of 4 beside "< 5" would pin the count at 4: no suggestion then."""
    lapor = _kk((1, 10.0), (2, 14.0))
    k = _keputusan(kode_opd="DINSOS", kode_wilayah="63.03.01.2010", program="Pendampingan PKH", target=4.0)
    s = sr.saran_satu(k, lapor, NILAI, date(2026, 3, 10))
    assert s.status is None and "< 5 KK" in s.alasan and "4 KK" not in s.alasan


# --- independent review of issue 18, finding 4: decimal targets and outputs keep their decimals ---

def test_decimal_targets_and_outputs_are_not_rounded():
    from tkpk.rakor.tabel import _acuan, tabel_rencana

    rencana = _rencana((2026, 1, 2, "PUPRP", "Jalan", None, None, "km", 0.5, None, False),
                       (2026, 2, 2, "PUPRP", "Jalan", None, None, "km", 1.5, None, False),
                       (2026, 4, 2, "PUPRP", "Jalan", None, None, "km", 4.0, None, False))
    lapor = _intervensi((2026, 1, 2, "PUPRP", "Jalan", None, "63.03.14.2002", "km", 0.25, None, False),
                        (2026, 2, 2, "PUPRP", "Jalan", None, "63.03.14.2002", "km", 2.0, None, False))
    t = rc.rencana_vs_realisasi(rencana, lapor, 2026, hari_ini=date(2026, 7, 10))
    sel = tabel_rencana(t, {})
    assert sel.loc[0, "Triwulan 1"] == "0,25 / 0,5" and sel.loc[0, "Triwulan 2"] == "2 / 1,5"
    assert _acuan(pd.Series({"program": "Jalan", "target": 0.5})) == "Jalan: 0,5"
    from tkpk.charts.rencana import data_rencana

    label = data_rencana(t).set_index(["triwulan", "jenis"])["teks"]
    assert label[("TW 1", "Rencana (kumulatif)")] == "0,5" and label[("TW 1", "Laporan (kumulatif)")] == "0,25"
    assert _acuan(pd.Series({"program": "Jalan", "target": 20.0})) == "Jalan: 20"
    k = _keputusan(kode_opd="PUPRP", kode_wilayah="63.03.14.2002", program="Jalan", target=0.5)
    s = sr.saran_satu(k, lapor, NILAI, date(2026, 3, 10))
    assert "sejak rakor: 1,75 km dari target 0,5" in s.alasan


# --- independent review of issue 18, finding 7: an overdue quarterly report is not "sesuai rencana" ---

def test_a_plan_whose_due_quarter_is_not_reported_is_late_not_on_track():
    rencana = _rencana((2026, 2, 2, "DISPERKIMLH", "Rehabilitasi RTLH", None, None, "unit", 10.0, None, False),
                       (2026, 4, 2, "DISPERKIMLH", "Rehabilitasi RTLH", None, None, "unit", 20.0, None, False),
                       (2026, 2, 2, "PUPRP", "Jalan", None, None, "km", 4.0, None, False),
                       (2026, 4, 2, "PUPRP", "Jalan", None, None, "km", 8.0, None, False))
    lapor = _intervensi((2026, 2, 2, "DISPERKIMLH", "Rehabilitasi RTLH", None, "63.03.05.2001", "unit", 12.0, None,
                         False),
                        (2026, 2, 2, "PUPRP", "Jalan", None, "63.03.05.2001", "km", 1.0, None, False))
    # 15 October is TW3's deadline: still on track that day, late the day after
    t = rc.rencana_vs_realisasi(rencana, lapor, 2026, hari_ini=date(2026, 10, 15)).set_index("kode_opd")
    assert t.loc["DISPERKIMLH", "status"] == rc.SESUAI
    t = rc.rencana_vs_realisasi(rencana, lapor, 2026, hari_ini=date(2026, 12, 1)).set_index("kode_opd")
    assert t.loc["DISPERKIMLH", "status"] == rc.TERLAMBAT_LAPOR
    assert t.loc["DISPERKIMLH", "status_label"] == "◌ Terlambat lapor TW3"
    assert t.loc["PUPRP", "status"] == rc.TERTINGGAL
    assert t.loc["PUPRP", "status_label"] == "▲ Tertinggal · terlambat lapor TW3"
    assert rc.ringkas_status(t.reset_index())[rc.TERLAMBAT_LAPOR] == 1


def test_a_closed_year_says_when_the_opd_stopped_reporting():
    rencana = _rencana((2025, 4, 3, "DISBUDPORAPAR", "Desa wisata", None, None, "desa", 3.0, None, False),
                       (2025, 4, 3, "DISTAN", "Bibit", None, None, "paket", 40.0, None, False))
    lapor = _intervensi((2025, 1, 3, "DISBUDPORAPAR", "Desa wisata", None, "63.03.01.2009", "desa", 0.0, None, False),
                        (2025, 2, 3, "DISBUDPORAPAR", "Desa wisata", None, "63.03.01.2009", "desa", 1.0, None, False),
                        (2025, 4, 3, "DISTAN", "Bibit", None, "63.03.03", "paket", 30.0, None, False))
    t = rc.rencana_vs_realisasi(rencana, lapor, 2025, hari_ini=date(2026, 12, 1)).set_index("kode_opd")
    assert t.loc["DISBUDPORAPAR", "status"] == rc.TIDAK_TERCAPAI
    assert t.loc["DISBUDPORAPAR", "status_label"] == "■ Tidak tercapai · berhenti melapor sesudah TW2"
    assert t.loc["DISTAN", "status_label"] == "■ Tidak tercapai"   # reported to the end


# --- independent review of issue 18, finding 14: a misspelt program and an OPD without a place ---

def test_a_program_not_among_the_opds_reports_there_names_the_nearest_one():
    k = _keputusan(program="Rehab RTLH")
    s = sr.saran_satu(k, LAPOR, NILAI, RAKOR)
    assert s.status == "baru"
    assert "Rehab RTLH" in s.alasan and "tidak ditemukan" in s.alasan and "mirip: Rehabilitasi RTLH" in s.alasan
    assert "Belum ada laporan intervensi" not in s.alasan
    # no place: the reason names what is missing, not "Tanpa OPD dan lokasi"
    s = sr.saran_satu(_keputusan(kode_wilayah=None), LAPOR, NILAI, RAKOR)
    assert s.status is None and "Tanpa OPD dan lokasi" not in s.alasan and "lokasi" in s.alasan
    s = sr.saran_satu(_keputusan(kode_opd=None), LAPOR, NILAI, RAKOR)
    assert s.status is None and "Tanpa OPD" in s.alasan and "lokasi" not in s.alasan
    s = sr.saran_satu(_keputusan(kode_opd=None, kode_wilayah=None), LAPOR, NILAI, RAKOR)
    assert "Tanpa OPD dan lokasi" in s.alasan
