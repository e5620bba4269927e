import math

import pandas as pd
import pytest

from tkpk.tren.ringkasan import MIN_PEMBANDING, angka_utama, tahun_tersedia, teks_peringkat


def _seri(lain: int = 3) -> pd.DataFrame:
    rows = [
        (2023, "63.03", "kabupaten", 2.44, math.nan),
        (2024, "63.03", "kabupaten", 2.36, 14461.0),
        (2024, "63.72", "kota", 1.50, math.nan),
        (2024, "63", "provinsi", 4.11, 183310.0),
        (2022, "63.01", "kabupaten", 3.9, math.nan),
        (2024, "64.01", "kabupaten", 1.10, math.nan),  # another province (Kaltim): not a Kalsel comparison
    ]
    rows += [(2024, f"63.{10 + i:02d}", "kabupaten", 3.0 + i / 10, math.nan) for i in range(lain)]
    df = pd.DataFrame(rows, columns=["tahun", "kode_wilayah", "tingkat", "p0", "penduduk_miskin"])
    for c in ("garis_kemiskinan", "p1", "p2"):
        df[c] = math.nan
    df["sumber"] = "uji [catatan: dikutip dalam pidato]"
    df["jenis_sumber"] = "kutipan_pejabat"
    return df


def test_change_in_points_and_rank_among_kabkota_only():
    h = angka_utama(_seri(), 2024)
    assert h.p0 == 2.36
    assert h.perubahan_poin == -0.08
    assert h.tahun_sebelumnya == 2023
    assert h.jumlah_pembanding == 5  # Banjar, 63.72 and three more; the province row and 64.01 do not count
    assert h.peringkat == 2  # 63.72 is lower
    assert h.peringkat_teks == "ke-2 terendah dari 5 kab/kota"
    assert h.penduduk_miskin == 14461.0


@pytest.mark.parametrize("lain", [0, 1, 2])
def test_no_rank_with_fewer_than_five_kabkota(lain):
    h = angka_utama(_seri(lain), 2024)
    assert h.jumlah_pembanding == 2 + lain < MIN_PEMBANDING
    assert h.peringkat is None
    assert h.peringkat_teks == f"belum cukup pembanding ({2 + lain} kab/kota)"
    assert h.peringkat_singkat == h.peringkat_teks
    assert "dari 1" not in h.peringkat_teks


def test_rank_text_rule():
    assert teks_peringkat(1, 12) == "terendah dari 12 kab/kota"
    assert teks_peringkat(3, 5) == "ke-3 terendah dari 5 kab/kota"
    assert teks_peringkat(1, 4) == "belum cukup pembanding (4 kab/kota)"
    assert teks_peringkat(None, 0) == "belum cukup pembanding (0 kab/kota)"


def test_quoted_figure_is_not_called_bps_and_keeps_its_note():
    h = angka_utama(_seri(), 2024)
    assert not h.sumber_teks.startswith("BPS") and h.penanda == "▲"
    assert "dikutip pejabat" in h.sumber_teks
    assert "Catatan: dikutip dalam pidato" in h.keterangan_sumber


def test_the_comparison_year_carries_its_own_source_kind():
    # review finding 10: "Dibanding 2020 (2,55%)" hid that 2020 was quoted by an official, not read from BPS
    s = _seri()
    s.loc[(s["tahun"] == 2024) & (s["kode_wilayah"] == "63.03"), "jenis_sumber"] = "bps"
    h = angka_utama(s, 2024)
    assert h.nama_sumber == "BPS" and h.resmi_bps
    assert h.pembanding_teks == "2023 (▲ 2,44%, dikutip pejabat, bukan dari tabel BPS)"
    s.loc[s["tahun"] == 2023, "jenis_sumber"] = "bps"
    assert angka_utama(s, 2024).pembanding_teks == "2023 (2,44%, BPS)"


def test_no_previous_year_means_no_change():
    h = angka_utama(_seri(), 2023)
    assert h.perubahan_poin is None
    assert h.penduduk_miskin is None  # missing stays missing, never interpolated


def test_years_with_p0_newest_first():
    assert tahun_tersedia(_seri()) == [2024, 2023]
