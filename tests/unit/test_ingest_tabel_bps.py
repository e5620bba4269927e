"""BPS's per-year table layout: nothing in it is dropped or overwritten silently (issue 13 review, findings 2, 3
and 9): a year written twice under one indicator, a value in a column with neither heading nor year, and year
headings with BPS's marks (2024*, Maret 2024)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tkpk.ingest.reader import baca
from tkpk.ingest.tabel_bps import baca_judul_tahun, huruf_kolom
from tkpk.ingest.validasi import HasilValidasi, validasi
from tkpk.ingest.wilayah import Pencocok

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def p() -> Pencocok:
    return Pencocok.dari_csv(ROOT / "data" / "wilayah_banjar.csv")


def cek(p: Pencocok, teks: str) -> HasilValidasi:
    return validasi(baca(teks.encode(), "x.csv", "bps"), "bps", p, "x.csv")


def p0(h: HasilValidasi) -> dict[int, float]:
    return {int(r["tahun"]): float(r["p0"]) for r in h.data.to_dict("records") if r["kode_wilayah"] == "63.03"}


def test_repeated_year_under_one_indicator_is_refused_naming_the_header_row_and_both_columns(p: Pencocok):
    """/tmp/rv_kopi/dupyear.csv: 2024 twice under P0; the last column (9,99) used to win silently."""
    h = cek(p, "Persentase Penduduk Miskin Menurut Kabupaten/Kota;;;\n"
               "Kabupaten/Kota;Persentase Penduduk Miskin (%);;\n"
               ";2023;2024;2024\n"
               "Banjar;2,44;2,36;9,99\n"
               "Kota Banjarbaru;4,00;3,79;3,80\n"
               "Sumber: BPS Provinsi Kalimantan Selatan;;;\n")
    assert not h.diterima
    teks = h.galat[0].teks
    assert "baris 3" in teks and "tahun 2024" in teks and "Persentase Penduduk Miskin (%)" in teks
    assert 'kolom C "2024"' in teks and 'kolom D "2024"' in teks and "kunci ganda dalam berkas" in teks
    assert h.data.empty


def test_march_and_september_of_one_year_read_march_with_a_warning(p: Pencocok):
    """fuzz2 case j: two semesters of 2024 under P0 used to collapse into one, the last column silently."""
    h = cek(p, "Kabupaten/Kota;P0 (%);\n;Maret 2024;September 2024\nBanjar;2,4;2,5\n")
    assert h.diterima
    assert p0(h) == {2024: 2.4}
    [w] = [x.teks for x in h.peringatan]
    assert "Maret" in w and '"September 2024" (kolom C) diabaikan' in w


def test_two_non_march_columns_of_one_year_are_refused(p: Pencocok):
    h = cek(p, "Kabupaten/Kota;P0 (%);\n;September 2024;Desember 2024\nBanjar;2,4;2,5\n")
    assert not h.diterima and "kunci ganda dalam berkas" in h.galat[0].teks


def test_same_year_under_two_indicators_is_fine(p: Pencocok):
    h = cek(p, "Kabupaten/Kota;P0 (%);;P1;\n;2023;2024;2023;2024\nBanjar;2,4;2,5;0,3;0,4\n")
    assert h.diterima and p0(h) == {2023: 2.4, 2024: 2.5}


def test_value_in_a_column_without_heading_or_year_is_refused(p: Pencocok):
    """fuzz2 case b: the trailing 9 used to be dropped silently."""
    h = cek(p, "Kabupaten/Kota;P0 (%);;\n;2023;2024;\nBanjar;2,4;2,5;9\n")
    assert not h.diterima
    g = h.galat[0]
    assert g.baris == 3 and "kolom D tanpa judul berisi nilai" in g.teks and '"9"' in g.teks


def test_empty_column_without_heading_or_year_is_no_error(p: Pencocok):
    h = cek(p, "Kabupaten/Kota;P0 (%);;\n;2023;2024;\nBanjar;2,4;2,5;\n")
    assert h.diterima and p0(h) == {2023: 2.4, 2024: 2.5}


def test_indicator_column_without_a_year_is_refused(p: Pencocok):
    """fuzz2 case d: P1 without a year used to be copied to every year row."""
    h = cek(p, "Kabupaten/Kota;P0 (%);;P1\n;2023;2024;\nBanjar;2,4;2,5;0,3\n")
    assert not h.diterima and 'Kolom D "P1" tidak punya tahun' in h.galat[0].teks


def test_year_under_the_place_heading_is_refused_plainly(p: Pencocok):
    """fuzz2 case c: was refused as a doubled "Kabupaten/Kota" column."""
    h = cek(p, "Kabupaten/Kota;;P0 (%)\n;2023;2024\nBanjar;2,4;2,5\n")
    assert not h.diterima
    assert [x.teks for x in h.galat] == [x.teks for x in h.galat if "tidak berada di bawah judul indikator" in x.teks]


def test_provisional_year_marks_are_read_as_years_with_a_warning(p: Pencocok):
    """fuzz2 case h: 2023* / 2024** were refused as "Kolom wajib tahun tidak ada"."""
    h = cek(p, "Kabupaten/Kota;P0 (%);\n;2023*;2024**\nBanjar;2,4;2,5\n* angka sementara;;\n")
    assert h.diterima, [x.teks for x in h.pesan]
    assert p0(h) == {2023: 2.4, 2024: 2.5}
    [w] = [x.teks for x in h.peringatan]
    assert "angka sementara" in w and '"2023*"' in w and '"2024**"' in w


def test_march_year_headings_are_years(p: Pencocok):
    """fuzz2 case i."""
    h = cek(p, "Kabupaten/Kota;P0 (%);\n;Maret 2023;Maret 2024\nBanjar;2,4;2,5\n")
    assert h.diterima and p0(h) == {2023: 2.4, 2024: 2.5} and not h.peringatan


def test_year_heading_forms():
    assert baca_judul_tahun("2024") is not None and baca_judul_tahun(2024.0).tahun == 2024  # type: ignore[union-attr]
    j = baca_judul_tahun("2024**")
    assert j is not None and (j.tahun, j.tanda) == (2024, "**")
    j = baca_judul_tahun("Sept. 2023")
    assert j is not None and (j.tahun, j.bulan) == (2023, 9)
    assert baca_judul_tahun("Banjar 2024") is None and baca_judul_tahun("1999") is None
    assert [huruf_kolom(i) for i in (0, 3, 25, 26, 27)] == ["A", "D", "Z", "AA", "AB"]
