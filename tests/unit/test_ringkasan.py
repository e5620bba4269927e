import math

import pandas as pd

from tkpk.ringkasan import headline, tahun_tersedia


def _seri() -> pd.DataFrame:
    rows = [
        (2023, "63.03", "kabupaten", 2.44, math.nan),
        (2024, "63.03", "kabupaten", 2.36, 14461.0),
        (2024, "63.01", "kabupaten", 3.74, 13400.0),
        (2024, "63.72", "kota", 1.50, math.nan),
        (2024, "63", "provinsi", 4.11, 183310.0),
        (2022, "63.01", "kabupaten", 3.9, math.nan),
        (2024, "64.01", "kabupaten", 1.10, math.nan),  # another province (Kaltim): not a Kalsel comparison
    ]
    df = pd.DataFrame(rows, columns=["tahun", "kode_wilayah", "tingkat", "p0", "penduduk_miskin"])
    for c in ("garis_kemiskinan", "p1", "p2"):
        df[c] = math.nan
    df["sumber"] = "uji"
    return df


def test_change_in_points_and_rank_among_kabkota_only():
    h = headline(_seri(), 2024)
    assert h.p0 == 2.36
    assert h.perubahan_poin == -0.08
    assert h.tahun_sebelumnya == 2023
    assert h.peringkat == 2  # 63.72 is lower; the province row and 64.01 (another province) do not count
    assert h.jumlah_pembanding == 3
    assert h.penduduk_miskin == 14461.0


def test_no_previous_year_means_no_change():
    h = headline(_seri(), 2023)
    assert h.perubahan_poin is None
    assert h.penduduk_miskin is None  # missing stays missing, never interpolated


def test_years_with_p0_newest_first():
    assert tahun_tersedia(_seri()) == [2024, 2023]
