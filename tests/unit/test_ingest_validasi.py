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
    from tkpk.ingest import tabel

    teks = ("tahun;pilar;opd;program;pagu;realisasi;kode_wilayah;catatan\n2025;4;BPBD;A;1;2;63.03.01;x\n"
            "2025;4;BPBD;B;x;1;63.03.01;y\n2025;4;BPBD;C;1;1;63.03.01;6303011234567890\n")
    urut = cek(p, teks, "intervensi")
    monkeypatch.setattr(tabel, "BARIS_PARALEL", 0)
    paralel = cek(p, teks, "intervensi")
    assert [x.teks for x in paralel.pesan] == [x.teks for x in urut.pesan] and urut.pesan
    tanpa_nik = teks.replace("6303011234567890", "z")
    a = cek(p, tanpa_nik, "intervensi")
    monkeypatch.setattr(tabel, "BARIS_PARALEL", 10**9)
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


def test_trailing_empty_cells_do_not_use_up_the_cap_on_overflowing_rows(p: Pencocok):
    """Review finding 1 (issue 13/15): 1.100 rows ending in an empty cell used up the 1.000-row cap of the
    overflow check, and a later "1,234" split by the comma was stored as 1."""
    from tkpk.ingest.pesan import MAKS_GALAT

    teks = "tahun,kode_wilayah,rtlh\n" + "2018,63.03.02,100,\n" * (MAKS_GALAT + 100) + "2025,63.03.01,1,234\n"
    h = cek(p, teks, "indikator")
    assert not h.diterima
    baris = MAKS_GALAT + 100 + 2
    assert any(x.baris == baris and '"234"' in x.teks for x in h.galat)


@pytest.mark.parametrize("teks", [
    "tahun,kode_wilayah,rtlh,\n2024,63.03.02,50,\n2025,63.03.01,1,234\n",  # Excel pads the header with a comma
    "tahun;kode_wilayah;rtlh;;penduduk\n2025;63.03.01;5;6;30000\n",  # a merged header leaves the next cell empty
])
def test_a_value_under_an_empty_header_is_an_error_not_silently_dropped(p: Pencocok, teks: str):
    """Review finding 2: values in a column without a header were ignored without a word."""
    h = cek(p, teks, "indikator")
    assert not h.diterima
    g = [x for x in h.galat if "tanpa judul" in x.teks]
    assert len(g) == 1 and g[0].kolom is not None and g[0].kolom.startswith("ke-")
    assert "baris 3" in g[0].teks or "baris 2" in g[0].teks


def test_an_empty_header_over_an_empty_column_is_fine(p: Pencocok):
    h = cek(p, "tahun,kode_wilayah,rtlh,\n2024,63.03.02,50,\n", "indikator")
    assert h.diterima


@pytest.mark.parametrize(("teks", "jenis", "kolom"), [
    ("tahun;pilar;opd;program;Pagu (juta rupiah);Realisasi (juta rupiah)\n"
     "2025;4;BPBD;Logistik bencana;Rp1.250.000.000;Rp1.100.000.000\n", "intervensi", "Pagu (juta rupiah)"),
    ("Tahun;Kabupaten/Kota;Garis Kemiskinan (ribu rupiah)\n2023;Banjar;Rp560.123,00\n", "bps",
     "Garis Kemiskinan (ribu rupiah)"),
])
def test_a_full_rupiah_cell_under_a_scaled_header_is_refused(p: Pencocok, teks: str, jenis: str, kolom: str):
    """Review finding 4: "Rp1.250.000.000" under "Pagu (juta rupiah)" was scaled again and stored as
    Rp1.250.000.000.000.000."""
    h = cek(p, teks, jenis)
    assert not h.diterima
    g = [x for x in h.galat if x.kolom == kolom]
    assert g and "Rp" in g[0].teks and "rupiah penuh" in g[0].teks


def test_the_summary_counts_every_message_not_only_the_listed_ones(p: Pencocok):
    """Second review, finding 6: counts came from the list cut to 200 messages ("620 baris data: 420 baik, 200
    bermasalah (0 galat, 201 peringatan)"), and the "... dan N pesan lain" line counted as a file error."""
    teks = "tahun;pilar;opd;program;pagu;realisasi\n" + "".join(
        f"2025;4;BPBD;Program {i};100;150\n" for i in range(620))
    h = cek(p, teks, "intervensi")
    assert h.diterima
    assert h.ringkasan().startswith("620 baris data: 0 baik, 620 bermasalah (0 galat, 620 peringatan)")


def test_the_summary_of_a_stopped_check_says_at_least(p: Pencocok):
    teks = "tahun,kode_wilayah,rtlh,penduduk,kk\n" + "20x4,63.03.01,abc,-5,1.5\n" * 5_000
    r = cek(p, teks, "indikator").ringkasan()
    assert "1 galat berkas" in r and "sedikitnya 250 baris bermasalah (1.000 galat baris)" in r, r
