"""Indonesian number reading: every accepted form, and the ambiguous ones refused with a reason."""

from __future__ import annotations

import pytest

from tkpk.ingest.angka import baca_angka, baca_bulat

# (text, desimal_koma, value)
BAIK = [
    ("2,36", True, 2.36), ("2,36", False, 2.36), ("1.234.567", True, 1234567), ("1.234.567", False, 1234567),
    ("Rp1.234.567", True, 1234567), ("Rp 1.234.567,50", True, 1234567.5), ("rp. 1.500.000,-", True, 1500000),
    ("12%", True, 12), ("2,36 %", True, 2.36), ("1\u00a0234", True, 1234), (" 42 ", True, 42), ("0.326", False, 0.326),
    ("0,067", True, 0.067), ("1,234", True, 1.234), ("1.234", True, 1234), ("1.234,5", False, 1234.5),
    ("1,234,567", True, 1234567), ("1,234.5", False, 1234.5), ("-5", True, -5), ("(5)", True, -5),
    ("Rp-5.000", True, -5000), ("2.36", True, 2.36), (2024, True, 2024), (2.5, False, 2.5),
]
SALAH = [
    ("12,5,0", True, "bukan angka"), ("1.2.3", True, "bukan pemisah ribuan"), ("abc", True, "bukan angka"),
    ("1,234", False, "ambigu"), ("1.234", False, "ambigu"), ("1.23,4", True, "tidak membentuk pola"),
    ("Rp", True, "bukan angka"), ("12a", True, "bukan angka"), (".", True, "bukan angka"), (float("nan"), True, "sah"),
    (True, True, "bukan angka"),
]


@pytest.mark.parametrize(("teks", "koma", "nilai"), BAIK)
def test_reads(teks: object, koma: bool, nilai: float):
    hasil = baca_angka(teks, koma)
    assert hasil.alasan is None
    assert hasil.nilai == pytest.approx(nilai)


@pytest.mark.parametrize(("teks", "koma", "alasan"), SALAH)
def test_refuses_with_reason(teks: object, koma: bool, alasan: str):
    hasil = baca_angka(teks, koma)
    assert hasil.nilai is None and hasil.alasan is not None and alasan in hasil.alasan


@pytest.mark.parametrize("teks", ["", "  ", "-", None])
def test_empty_is_no_value_and_no_error(teks: object):
    assert baca_angka(teks) == (None, None, False, False)


def test_percent_flag_and_whole_numbers():
    assert baca_angka("12%").persen and not baca_angka("12%").rupiah
    assert baca_angka("Rp1.500.000,-").rupiah and baca_angka("Rp1.500.000,-").nilai == 1_500_000
    assert baca_bulat("2024").nilai == 2024 and baca_bulat(2024.0).nilai == 2024
    assert baca_bulat("2024,5").alasan == "bukan bilangan bulat"


@pytest.mark.parametrize(("bukti", "hasil"), [
    ({"id_penuh"}, "id"), ({"id_ribuan", "id_desimal"}, "id"), ({"id_desimal"}, None), ({"id_ribuan"}, None),
    ({"en_penuh"}, "en"), ({"en_ribuan", "en_desimal"}, "en"), ({"en_desimal"}, None),
    ({"id_penuh", "en_penuh"}, None), (set(), None),
])
def test_konvensi_berkas(bukti: set[str], hasil: str | None):
    from tkpk.ingest.angka import konvensi

    assert konvensi(bukti) == hasil


@pytest.mark.parametrize(("teks", "konv", "desimal_koma", "hasil"), [
    ("14.461", None, True, None), ("14,461", None, True, 14.461), ("14,461", None, False, None),
    ("14.461", "id", True, 14461.0), ("14.461", "en", True, 14.461), ("14,461", "en", True, 14461.0),
    ("1.250", "id", True, 1250.0),
])
def test_baca_berskala(teks: str, konv: str | None, desimal_koma: bool, hasil: float | None):
    from tkpk.ingest.angka import baca_berskala, bentuk_ambigu

    bentuk = bentuk_ambigu(teks)
    assert bentuk is not None
    assert baca_berskala(*bentuk, konv, desimal_koma) == hasil


@pytest.mark.parametrize("teks", ["14,46", "1.234.567", "0,461", "14461", "2024", "1.234,5"])
def test_bentuk_tidak_ambigu(teks: str):
    from tkpk.ingest.angka import bentuk_ambigu

    assert bentuk_ambigu(teks) is None
