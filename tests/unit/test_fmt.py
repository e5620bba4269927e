import math

import pytest

from tkpk import fmt


@pytest.mark.parametrize(
    ("func", "value", "expected"),
    [
        (fmt.persen, 2.36, "2,36%"),
        (fmt.persen, 10.0, "10,00%"),
        (fmt.jiwa, 14461, "14.461 jiwa"),
        (fmt.rupiah, 589164, "Rp589.164"),
        (fmt.rupiah, 1234567, "Rp1.234.567"),
        (fmt.rupiah, -5000, "−Rp5.000"),
        (fmt.poin, -0.08, "−0,08 poin"),
        (fmt.poin, 0.5, "+0,50 poin"),
        (fmt.poin, 0.0, "0,00 poin"),
        (fmt.rupiah_ringkas, 27_949_800_000, "Rp27,9 miliar"),
        (fmt.rupiah_ringkas, 450_000_000, "Rp450,0 juta"),
        (fmt.rupiah_ringkas, 1_260_000_000_000, "Rp1,3 triliun"),
        (fmt.persen, None, "–"),
        (fmt.jiwa, math.nan, "–"),
    ],
)
def test_indonesian_formats(func, value, expected):
    assert func(value) == expected


def test_angka_decimals_use_comma_and_dot_thousands():
    assert fmt.angka(1234567.5, 2) == "1.234.567,50"
    assert fmt.angka(0.326, 3) == "0,326"


@pytest.mark.parametrize(("value", "expected"), [(3, "< 5 KK"), (0, "0 KK"), (5, "5 KK"), (1200, "1.200 KK")])
def test_small_cells_are_suppressed(value, expected):
    assert fmt.sel_kecil(value, "KK") == expected


def test_nilai_follows_the_unit():
    assert fmt.nilai(2.5, "%") == "2,50%"
    assert fmt.nilai(0.067, "indeks") == "0,067"
    assert fmt.nilai(140, "unit") == "140 unit"
    assert fmt.nilai(589164, "Rp/kapita/bulan") == "Rp589.164"


def test_tanggal_in_indonesian():
    import datetime

    assert fmt.tanggal(datetime.date(2026, 11, 28)) == "28 November 2026"


def test_rupiah_ringkas_pendek_for_narrow_slides():
    assert fmt.rupiah_ringkas(3_312_000_000, pendek=True) == "Rp3,3 M"
    assert fmt.rupiah_ringkas(450_000_000, pendek=True) == "Rp450,0 jt"
    assert fmt.rupiah_ringkas(999_000, pendek=True) == "Rp999.000"


def test_a_name_inside_a_sentence_keeps_its_acronyms():
    # review finding 12: "(dtsen)" in a sentence built with str.lower()
    assert fmt.awal_kecil("Persentase penduduk desil 1–4 (DTSEN)") == "persentase penduduk desil 1–4 (DTSEN)"
    assert fmt.awal_kecil("KK desil 1 (DTSEN)") == "KK desil 1 (DTSEN)"
    assert fmt.awal_kecil("P0 Banjar") == "P0 Banjar"
    assert fmt.awal_kecil("Desa/kelurahan") == "desa/kelurahan"
    assert fmt.awal_kecil("") == ""


def test_format_specs_format_as_the_functions_they_name():
    """``fmt.Format`` is what a cached table is keyed by: it must give the text the fmt functions give."""
    assert fmt.PERSEN_1(78.06) == fmt.persen(78.06, 1) == "78,1%"
    assert fmt.POIN_1(-1.26) == "−1,3 poin" and fmt.RUPIAH(1234567.0) == "Rp1.234.567"
    assert fmt.ANGKA(12345) == "12.345" and fmt.ANGKA_1(3.25) == fmt.angka(3.25, 1)
    assert fmt.PECAHAN_2(2.5) == "2,50" and fmt.PECAHAN_2(4.0) == "4" and fmt.PECAHAN_2(4) == "4"
    assert fmt.RUPIAH_RINGKAS(450_000_000) == "Rp450,0 juta"
    assert fmt.NILAI_P(0.00001) == "< 0,0001" and fmt.NILAI_P(0.0123) == "0,0123"
    assert fmt.Format("nilai", satuan="jiwa")(14461) == "14.461 jiwa"
    assert fmt.Format("nilai", satuan="indeks")(0.5) == "0,500"
    assert fmt.Format("perubahan", satuan="%")(-0.08) == "−0,08 poin"
    assert fmt.Format("perubahan", satuan="jiwa")(1250.0) == "+1.250"


def test_format_specs_show_missing_values_and_labels_as_they_are():
    import pandas as pd

    for kosong in (None, math.nan, pd.NA, float("nan")):
        assert fmt.ANGKA(kosong) == "–"
    assert fmt.Format("nilai", satuan="%", kosong="tidak ada data")(None) == "tidak ada data"
    assert fmt.PECAHAN_2("< 5") == "< 5" and fmt.ANGKA("disamarkan") == "disamarkan"


def test_format_specs_are_values():
    """Frozen and hashable, equal by value: a cache key that is the same on every rerun."""
    import dataclasses
    import pickle

    assert fmt.Format("persen", 1) == fmt.PERSEN_1 and hash(fmt.Format("persen", 1)) == hash(fmt.PERSEN_1)
    assert fmt.Format("persen", 2) != fmt.PERSEN_1
    assert pickle.loads(pickle.dumps(fmt.PERSEN_1)) == fmt.PERSEN_1
    with pytest.raises(dataclasses.FrozenInstanceError):
        fmt.PERSEN_1.desimal = 3  # type: ignore[misc]
    with pytest.raises(ValueError, match="jenis format"):
        fmt.Format("persn")
