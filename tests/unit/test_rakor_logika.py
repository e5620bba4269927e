"""Pure rules of the rakor loop: decision checks, overdue marking, choosing the current and previous rakor."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from tkpk.rakor import keputusan as kp
from tkpk.rakor import penghargaan as ph

WILAYAH = {"63.03.05": "Martapura", "63.03.05.2001": "Tambak Anyar"}
RAKOR = date(2024, 12, 18)


def _isi(**ubah: object) -> kp.IsiKeputusan:
    dasar = {"teks": "Bedah rumah 20 unit di Tambak Anyar", "kode_opd": "DISPERKIMLH", "tenggat": date(2025, 6, 30),
             "kode_wilayah": "63.03.05.2001", "program": "Rehabilitasi RTLH", "target": 20.0}
    return kp.IsiKeputusan(**{**dasar, **ubah})  # type: ignore[arg-type]


def test_a_complete_decision_passes():
    assert kp.periksa_keputusan(_isi(), RAKOR, WILAYAH) == []


@pytest.mark.parametrize(("ubah", "bagian_pesan"), [
    ({"teks": "   "}, "Isi keputusan wajib"),
    # review finding: invisible characters only (zero-width space, word joiner, BOM) showed as a blank decision
    ({"teks": "\u200b\u200b \u2060\ufeff"}, "Isi keputusan wajib"),
    ({"teks": "x" * 1001}, "terlalu panjang"),
    ({"kode_opd": "DINAS_FIKTIF"}, "OPD \"DINAS_FIKTIF\" tidak dikenal"),
    ({"status": "tunda"}, "Status \"tunda\""),
    ({"kode_wilayah": "63.01.01"}, "bukan kecamatan atau desa"),
    ({"indikator": "rtlh"}, "program atau indikator"),
    ({"program": None, "indikator": None}, "Target perlu acuan"),
    ({"target": -1.0}, "0 atau lebih"),
    ({"target": float("inf")}, "0 atau lebih"),
    ({"program": None, "indikator": "bukan_indikator"}, "tidak ada di katalog"),
    ({"tenggat": date(2024, 12, 1)}, "sebelum tanggal rakor"),
])
def test_each_wrong_field_is_named_in_indonesian(ubah: dict[str, object], bagian_pesan: str):
    pesan = kp.periksa_keputusan(_isi(**ubah), RAKOR, WILAYAH)
    assert any(bagian_pesan in p for p in pesan), pesan


def test_blank_optional_fields_are_none_so_empty_and_missing_are_one_thing():
    isi = kp.rapikan(kp.IsiKeputusan(teks=" Teks ", kode_opd="", program="  ", catatan="\u200b"))
    assert (isi.teks, isi.kode_opd, isi.program, isi.catatan) == ("Teks", None, None, None)
    # a text with a visible character keeps its invisible ones as typed
    assert kp.rapikan(kp.IsiKeputusan(teks="a\u200bb")).teks == "a\u200bb"


def test_overdue_is_derived_from_the_deadline_and_never_for_done_decisions():
    k = pd.DataFrame({"status": ["baru", "berjalan", "selesai", "baru", "baru"],
                      "tenggat": [date(2025, 3, 31), date(2025, 3, 31), date(2025, 3, 31), date(2025, 12, 31), None]})
    out = kp.tandai_terlambat(k, date(2025, 7, 1))
    assert out["terlambat"].tolist() == [True, True, False, False, False]
    assert out["status_tampil"].tolist() == ["Baru · Terlambat", "Berjalan · Terlambat", "Selesai", "Baru", "Baru"]
    # On the deadline day itself it is not late yet.
    assert not kp.tandai_terlambat(k.iloc[[0]], date(2025, 3, 31))["terlambat"].iloc[0]


def test_current_rakor_is_the_latest_by_date_and_previous_the_one_before():
    daftar = pd.DataFrame({"rakor_id": [1, 2, 3], "tanggal": [date(2024, 12, 18), date(2025, 12, 17),
                                                             date(2025, 6, 20)]})
    p = kp.pilih_rakor(daftar)
    assert (p.sekarang["rakor_id"], p.sebelumnya["rakor_id"]) == (2, 3)
    p = kp.pilih_rakor(daftar, 3)
    assert (p.sekarang["rakor_id"], p.sebelumnya["rakor_id"]) == (3, 1)
    p = kp.pilih_rakor(daftar, 1)
    assert (p.sekarang["rakor_id"], p.sebelumnya) == (1, None)
    assert kp.pilih_rakor(daftar, 99).sekarang["rakor_id"] == 2  # a choice that is gone falls back to the latest
    assert kp.pilih_rakor(daftar.iloc[0:0]) == kp.PasanganRakor(None, None)


def test_report_deadlines_are_fifteen_days_after_the_period():
    assert ph.batas_lapor(2025, 1) == date(2025, 4, 15)
    assert ph.batas_lapor(2025, 3) == date(2025, 10, 15)
    assert ph.batas_lapor(2025, 4) == date(2026, 1, 15)
    assert ph.batas_lapor(2025, None) == date(2026, 1, 15)


def test_reporting_on_time_is_a_share_of_periods():
    w = pd.DataFrame({"kode_opd": ["A", "A", "B"], "tahun": [2025, 2025, 2025], "triwulan": [1, 2, 1],
                      "pertama_lapor": pd.to_datetime(["2025-04-15 16:00", "2025-07-20 08:00", "2025-04-01 09:30"])})
    awal = ph.ketepatan_lapor(w.iloc[[0, 2]], 2025, date(2025, 7, 10)).set_index("kode_opd")  # Q2 due 15 July
    assert awal.loc["A", "tepat_waktu_pct"] == 100.0 and awal.loc["A", "periode_dinilai"] == 1
    out = ph.ketepatan_lapor(w, 2025, date(2025, 7, 31)).set_index("kode_opd")  # Q2 due on 15 July
    assert out.loc["A", "tepat_waktu_pct"] == 50.0
    assert out.loc["B", "tepat_waktu_pct"] == 50.0   # Q2 missing counts as not on time


def test_an_opd_that_stops_reporting_is_not_on_time_for_the_missing_periods():
    """Review finding 3: an OPD that reported Q1 and Q2 on time and then nothing scored 100%."""
    w = pd.DataFrame({"kode_opd": ["A", "A", "B", "B", "B", "B"], "tahun": [2025] * 6,
                      "triwulan": [1, 2, 1, 2, 3, None],
                      "pertama_lapor": pd.to_datetime(["2025-04-10", "2025-07-10", "2025-04-10", "2025-07-10",
                                                       "2025-10-10", "2026-01-20"])})
    out = ph.ketepatan_lapor(w, 2025, date(2026, 12, 1), opd=["A", "B", "C"]).set_index("kode_opd")
    assert out.loc["A", "tepat_waktu_pct"] == 50.0
    assert (out.loc["A", "periode_tepat_waktu"], out.loc["A", "periode_dinilai"]) == (2, 4)
    assert out.loc["B", "tepat_waktu_pct"] == 75.0   # the year row is Q4, uploaded after 15 January
    assert (out.loc["C", "periode_tepat_waktu"], out.loc["C", "periode_dinilai"]) == (0, 4)
    assert ph.teks_ketepatan(2, 4) == "2 dari 4 periode tepat waktu" and ph.teks_ketepatan(0, 0) == "–"
    # a year reported only annually has one period, the year
    tahunan = pd.DataFrame({"kode_opd": ["A"], "tahun": [2024], "triwulan": [None],
                            "pertama_lapor": pd.to_datetime(["2025-01-10"])})
    assert ph.ketepatan_lapor(tahunan, 2024, date(2026, 12, 1)).loc[0, "periode_dinilai"] == 1


def test_award_ranking_uses_the_stated_weights_and_rescales_missing_parts():
    opd = pd.DataFrame({
        "pilar": [2, 2, 2, 2], "kode_opd": ["A", "B", "C", "D"], "melapor": [True, True, True, False],
        "capaian_pct": [100.0, 80.0, 150.0, None], "serapan_pct": [100.0, 80.0, 100.0, None],
        "tepat_sasaran_pct": [100.0, 80.0, None, None], "tepat_waktu_pct": [0.0, 80.0, 100.0, None],
    })
    out = ph.peringkat(opd).set_index("kode_opd")
    assert out.loc["A", "skor"] == pytest.approx(85.0)          # 35 + 25 + 25 + 0
    assert out.loc["B", "skor"] == pytest.approx(80.0)
    # C has no targeting figure: its 0,75 of weight is scaled to 1; capaian 150% counts as 100.
    assert out.loc["C", "skor"] == pytest.approx(100.0)
    assert out.loc["C", "komponen_kosong"] == "Tepat sasaran"
    assert out[["peringkat"]].loc[["C", "A", "B"]]["peringkat"].tolist() == [1, 2, 3]
    assert pd.isna(out.loc["D", "skor"]) and pd.isna(out.loc["D", "peringkat"])
    assert sum(ph.BOBOT.values()) == pytest.approx(1.0)
    assert ph.teks_bobot().startswith("Capaian output 35%")


# --- review of issue 18, finding 5: the award's capaian uses the plan's target where a plan exists ---

def _lapor(**ubah: object) -> pd.DataFrame:
    d = {"pilar": [2, 2, 2], "kode_opd": ["A", "A", "B"], "program": ["Bedah rumah", "Sanitasi", "Bedah rumah"],
         "satuan_output": ["unit", "unit", "unit"], "target_output": [100.0, 10.0, 40.0],
         "capaian_output": [40.0, 10.0, 20.0], "pagu": [100.0, 100.0, 50.0]}
    return pd.DataFrame({**d, **ubah})


def test_award_capaian_uses_the_plan_target_where_a_plan_exists():
    # A planned "Bedah rumah" for 50 units (the report said 100): 40 of 50 = 80%, not 40%; Sanitasi has no plan,
    # so its report's target counts (100%); pagu-weighted mean = 90. B planned in another unit: report target.
    rencana = pd.DataFrame({"pilar": [2, 2], "kode_opd": ["A", "B"], "program": ["bedah  RUMAH", "Bedah rumah"],
                            "satuan_output": ["Unit", "rumah tangga"], "target_tahun": [50.0, 10.0]})
    c = ph.capaian_acuan(_lapor(), rencana).set_index("kode_opd")
    assert c.loc["A", "capaian_pct"] == pytest.approx(90.0)
    assert (c.loc["A", "program_rencana"], c.loc["A", "program_laporan"]) == (1, 1)
    assert c.loc["B", "capaian_pct"] == pytest.approx(50.0) and c.loc["B", "program_rencana"] == 0
    # without any plan it is the scorecard's figure (report targets): (40% + 100%) / 2
    tanpa = ph.capaian_acuan(_lapor(), rencana.iloc[0:0]).set_index("kode_opd")
    assert tanpa.loc["A", "capaian_pct"] == pytest.approx(70.0)
    # each program is capped at 100 before the mean, as on the scorecard
    lebih = ph.capaian_acuan(_lapor(), rencana.assign(target_tahun=[20.0, 10.0])).set_index("kode_opd")
    assert lebih.loc["A", "capaian_pct"] == pytest.approx(100.0)
    # a plan of budget only (no output target) leaves the report's target in place
    anggaran = ph.capaian_acuan(_lapor(), rencana.assign(target_tahun=[float("nan"), 10.0])).set_index("kode_opd")
    assert anggaran.loc["A", "capaian_pct"] == pytest.approx(70.0)
    assert ph.teks_acuan(1, 1) == "rencana aksi 1, laporan 1" and ph.teks_acuan(0, 0) == "–"


# --- review of issue 18, finding 10: a decision without a place is "–", not "Kabupaten" ---

def test_a_decision_without_a_place_shows_a_dash_and_a_kabupaten_wide_one_says_so():
    from tkpk import KODE_BANJAR
    from tkpk.rakor import tabel

    k = pd.DataFrame({
        "teks": ["tanpa lokasi", "se-kabupaten", "kecamatan"], "nama_opd": ["Dinsos"] * 3,
        "kode_wilayah": [None, KODE_BANJAR, "63.03.05"], "nama_wilayah": [None, "Banjar", "Martapura"],
        "tingkat_wilayah": [None, "kabupaten", "kecamatan"], "program": [None] * 3, "indikator": [None] * 3,
        "target": [None] * 3, "tenggat": [None] * 3, "status": ["baru"] * 3, "terlambat": [False] * 3,
        "diubah_oleh": ["a"] * 3, "diubah_waktu": [pd.Timestamp("2025-01-01")] * 3})
    assert tabel.tabel_keputusan(k)["Lokasi"].tolist() == ["–", "Seluruh kabupaten", "Martapura (kec.)"]
    # the whole kabupaten is a place a decision may name explicitly
    assert kp.periksa_keputusan(_isi(kode_wilayah=KODE_BANJAR), RAKOR, WILAYAH) == []


def test_a_sample_previous_rakor_without_decisions_does_not_label_real_decisions():
    # review 18 #11: real rakor 3's decisions slide carried "DATA CONTOH" because the rakor before it (sample
    # rakor 2) was sample, though it had no decision to follow up
    from tkpk.rakor.bahan import BahanRakor

    sekarang = {"rakor_id": 3, "tanggal": date(2026, 3, 10), "judul": "Rakor TKPK Maret 2026", "sampel": False}
    contoh = {"rakor_id": 2, "tanggal": date(2025, 12, 17), "judul": "Rakor TKPK Desember 2025", "sampel": True}
    keputusan = pd.DataFrame({"keputusan_id": [1], "sampel": [False]})
    tanpa = pd.DataFrame({"keputusan_id": pd.Series(dtype="int64"), "sampel": pd.Series(dtype="bool"),
                          "saran_sampel": pd.Series(dtype="bool")})
    b = BahanRakor(date(2026, 12, 1), sekarang, contoh, keputusan, tanpa, pd.DataFrame())
    assert not b.sampel_keputusan and not b.sampel_tindak_lanjut and not b.sampel
    # the previous rakor's decisions are sample: the follow-up slide is labelled, the decisions slide is not
    tl = pd.DataFrame({"keputusan_id": [7], "sampel": [True], "saran_sampel": [False]})
    b = BahanRakor(date(2026, 12, 1), sekarang, contoh, keputusan, tl, pd.DataFrame())
    assert b.sampel_tindak_lanjut and not b.sampel_keputusan and b.sampel
    # a suggestion drawn from sample reports labels the follow-up too
    tl = pd.DataFrame({"keputusan_id": [7], "sampel": [False], "saran_sampel": [True]})
    b = BahanRakor(date(2026, 12, 1), sekarang, {**contoh, "sampel": False}, keputusan, tl, pd.DataFrame())
    assert b.sampel_tindak_lanjut and not b.sampel_keputusan
    # a sample current rakor labels its decisions slide
    b = BahanRakor(date(2026, 12, 1), contoh, None, keputusan.assign(sampel=True), tanpa, pd.DataFrame())
    assert b.sampel_keputusan and not b.sampel_tindak_lanjut


def test_tautan_opd_links_each_decision_to_its_opd_on_kinerja_pilar():
    import pandas as pd

    from tkpk.rakor.tabel import tautan_opd

    k = pd.DataFrame({"kode_opd": ["DINSOS", "PUPRP", None, "X&Y"],
                      "pilar": [4, 2, None, 1],
                      "tenggat": [pd.Timestamp("2025-09-30"), pd.NaT, pd.NaT, pd.Timestamp("2026-01-31")]})
    assert tautan_opd(k) == ["/pilar?pilar=4&tahun=2025&opd=DINSOS", "/pilar?pilar=2&opd=PUPRP", None,
                             "/pilar?pilar=1&tahun=2026&opd=X%26Y"]
