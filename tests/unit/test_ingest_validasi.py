"""Validation as a pure function of a table: message wording, rows, columns, warnings vs errors, limits."""

from __future__ import annotations

from pathlib import Path

import pytest

from tkpk.ingest.pesan import MAKS_PESAN
from tkpk.ingest.reader import baca
from tkpk.ingest.validasi import HasilValidasi, validasi
from tkpk.ingest.wilayah import Pencocok

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def p() -> Pencocok:
    return Pencocok.dari_csv(ROOT / "data" / "wilayah_banjar.csv")


def cek(p: Pencocok, teks: str, jenis: str) -> HasilValidasi:
    return validasi(baca(teks.encode(), "x.csv", jenis), jenis, p, "x.csv")


def test_exact_message_format(p: Pencocok):
    h = cek(p, "tahun;pilar;opd;program;pagu\n2025;4;BPBD;A;1\n2025;4;BPBD;B;1\n2025;4;BPBD;C;1\n"
               "2025;4;BPBD;D;1\n2025;4;BPBD;E;1\n2025;4;BPBD;F;12,5,0\n", "intervensi")
    assert not h.diterima
    assert h.galat[0].teks.startswith('Baris 7, kolom "pagu": "12,5,0" bukan angka')
    assert (h.galat[0].baris, h.galat[0].kolom, h.galat[0].nilai) == (7, "pagu", "12,5,0")
    assert h.ringkasan().startswith("6 baris data: 5 baik, 1 bermasalah")


def test_header_below_title_rows_keeps_excel_rows(p: Pencocok):
    h = cek(p, "LAPORAN 2025\n\ntahun;kode_wilayah;penduduk\n2025;63.03.01;abc\n", "indikator")
    assert h.galat[0].baris == 4 and h.galat[0].kolom == "penduduk"


def test_warnings_accept(p: Pencocok):
    h = cek(p, "tahun;pilar;opd;program;pagu;realisasi;target_output;capaian_output;warna\n"
               "2025;4;BPBD;A;100;150;1;3;merah\n", "intervensi")
    assert h.diterima
    teks = [x.teks for x in h.peringatan]
    assert any("melebihi pagu" in t for t in teks) and any("2 × target" in t for t in teks)
    assert any('Kolom "warna" tidak dikenal' in t for t in teks)


def test_kabupaten_wide_intervention_has_no_place(p: Pencocok):
    h = cek(p, "tahun;pilar;opd;program;kode_wilayah;pagu\n2025;4;BPBD;A;;1\n2025;4;BPBD;B;63.03;1\n", "intervensi")
    assert h.diterima and h.data["kode_wilayah"].isna().all()


def test_long_form_and_unknown_indicator(p: Pencocok):
    ok = cek(p, "tahun;kode_wilayah;indikator;nilai\n2025;63.03.01;rtlh;5\n2025;63.03.01;KK desil 1;2\n", "indikator")
    assert ok.diterima and sorted(ok.data["indikator"]) == ["kk_desil_1", "rtlh"]
    bad = cek(p, "tahun;kode_wilayah;indikator;nilai\n2025;63.03.01;warna;5\n", "indikator")
    assert bad.galat[0].kolom == "indikator" and "katalog" in bad.galat[0].teks


def test_year_range_uses_next_year(p: Pencocok):
    from datetime import date

    nanti = date.today().year + 1
    assert cek(p, f"tahun;kode_wilayah;kk\n{nanti};63.03.01;1\n", "indikator").diterima
    h = cek(p, f"tahun;kode_wilayah;kk\n{nanti + 1};63.03.01;1\n", "indikator")
    assert "di luar rentang tahun" in h.galat[0].teks


def test_message_flood_is_capped(p: Pencocok):
    rows = "".join(f"2025;63.03.01;x{i}\n" for i in range(MAKS_PESAN + 50))
    h = cek(p, "tahun;kode_wilayah;kk\n" + rows, "indikator")
    assert len(h.pesan) == MAKS_PESAN + 1 and "pesan lain" in h.pesan[-1].teks
    assert h.baris_bermasalah == MAKS_PESAN + 50


def test_unknown_kind(p: Pencocok):
    assert not cek(p, "a;b\n1;2\n", "lain").diterima


def test_personal_data_by_value_even_in_unknown_column(p: Pencocok):
    h = cek(p, "tahun;kode_wilayah;kk;catatan\n2025;63.03.01;1;6303 0112 3456 7890\n", "indikator")
    assert not h.diterima and "DTSEN/P3KE" in h.galat[0].teks and h.galat[0].baris == 2
    assert "6303" not in h.galat[0].teks  # the number itself is not echoed back


def test_messages_follow_row_order_across_columns(p: Pencocok):
    """Columns are checked over the whole file at once, yet messages come in row order, then column order."""
    h = cek(p, "tahun;pilar;opd;program;pagu;kode_wilayah\n"
               "2025;4;BPBD;A;1;63.03.01\n"
               "2025;4;BPBD;B;x;63.03.01\n"
               "2025;4;Dinsoss;C;1;63.03.01\n"
               "1999;4;BPBD;D;1;99\n"
               "2025;4;BPBD;E;Rp1.500.000;63.03.01\n", "intervensi")
    assert [(g.baris, g.kolom) for g in h.galat] == [(3, "pagu"), (4, "opd"), (5, "tahun"), (5, "kode_wilayah")]
    assert list(h.data["_baris"]) == [2, 6] and list(h.data["pagu"]) == [1.0, 1_500_000.0]


def test_excel_number_cells_and_text_cells_in_one_column(p: Pencocok):
    from tkpk.ingest.reader import Tabel

    t = Tabel(baris=[["tahun", "pilar", "opd", "program", "pagu"], [2025, 4, "BPBD", "A", 1500000.0],
                     ["2025", "4", "BPBD", "B", "Rp1.500.000"]], nomor=[1, 2, 3], format="xlsx")
    h = validasi(t, "intervensi", p, "x.xlsx")
    assert h.diterima and list(h.data["pagu"]) == [1_500_000.0, 1_500_000.0] and list(h.data["tahun"]) == [2025, 2025]


def test_thread_pool_gives_the_same_verdict(p: Pencocok, monkeypatch: pytest.MonkeyPatch):
    """Large tables check their columns on a thread pool; forced on for a small file, nothing may change."""
    from tkpk.ingest import reader

    teks = ("tahun;pilar;opd;program;pagu;realisasi;kode_wilayah;catatan\n2025;4;BPBD;A;1;2;63.03.01;x\n"
            "2025;4;BPBD;B;x;1;63.03.01;y\n2025;4;BPBD;C;1;1;63.03.01;6303011234567890\n")
    urut = cek(p, teks, "intervensi")
    monkeypatch.setattr(reader, "BARIS_PARALEL", 0)
    paralel = cek(p, teks, "intervensi")
    assert [x.teks for x in paralel.pesan] == [x.teks for x in urut.pesan] and urut.pesan
    tanpa_nik = teks.replace("6303011234567890", "z")
    a = cek(p, tanpa_nik, "intervensi")
    monkeypatch.setattr(reader, "BARIS_PARALEL", 10**9)
    b = cek(p, tanpa_nik, "intervensi")
    assert [x.teks for x in a.pesan] == [x.teks for x in b.pesan]
    assert a.data.equals(b.data)


def _lain(h: HasilValidasi) -> int:
    """How many messages were collected beyond those listed ("... dan N pesan lain")."""
    import re

    m = [re.search(r"dan (\d+) pesan lain", x.teks) for x in h.pesan]
    return next((int(x.group(1)) for x in m if x), 0)


def test_an_error_dense_file_stops_being_checked_after_maks_galat_errors(p: Pencocok):
    """Review finding 6 (issue 15): 50.000 rows with four errors each used to be checked to the end, every
    message kept in memory (100k rows: 8,5 s, 430 MB). Checking stops once MAKS_GALAT errors are found, and
    the page says where it stopped."""
    from tkpk.ingest.pesan import MAKS_GALAT

    teks = "tahun,kode_wilayah,rtlh,penduduk,kk\n" + "20x4,63.03.01,abc,-5,1.5\n" * 50_000
    h = cek(p, teks, "indikator")
    assert not h.diterima
    assert MAKS_PESAN + _lain(h) <= MAKS_GALAT + 10
    henti = [x for x in h.galat if "dihentikan" in x.teks]
    assert len(henti) == 1 and henti[0].baris is None
    assert "baris 251" in henti[0].teks and "1.000 galat" in henti[0].teks
    assert h.pesan[0] is henti[0]  # the reason the list is partial comes first


def test_duplicate_and_overflowing_rows_are_bounded_too(p: Pencocok):
    from tkpk.ingest.pesan import MAKS_GALAT

    ganda = "tahun;kode_wilayah;rtlh\n" + "2024;63.03.01;5\n" * 5_000
    h = cek(p, ganda, "indikator")
    assert not h.diterima and MAKS_PESAN + _lain(h) <= MAKS_GALAT + 10
    lebih = "tahun;kode_wilayah;rtlh\n" + "2024;63.03.01;5;x;y\n" * 5_000
    h = cek(p, lebih, "indikator")  # each row has too many cells and repeats the first: two bounded lists
    assert not h.diterima and MAKS_PESAN + _lain(h) <= 2 * MAKS_GALAT + 10
