"""Reading bytes: encodings, delimiters, line endings, Excel row numbers, XLSX sheets and the zip-bomb guard."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import Workbook

from tkpk.ingest import reader, tabel
from tkpk.ingest.reader import BacaGagal, baca


@pytest.mark.parametrize(("data", "pemisah", "encoding"), [
    (b"a;b\r\n1;2\r\n", ";", "UTF-8"),
    (b"\xef\xbb\xbfa,b\n1,2\n", ",", "UTF-8 (BOM)"),
    (b"a\tb\n1\t2\n", "\t", "UTF-8"),
    ("a;b\nRé;2\n".encode("cp1252"), ";", "Windows-1252"),
    ("\ufeffa\tb\n1\t2\n".encode("utf-16-le"), "\t", "UTF-16"),
])
def test_csv_variants(data: bytes, pemisah: str, encoding: str):
    t = baca(data, "x.csv")
    assert (t.pemisah, t.encoding, t.format) == (pemisah, encoding, "csv")
    assert t.baris[0] == ["a", "b"] and t.nomor == [1, 2]


def test_semicolon_wins_over_commas_inside_values():
    t = baca(b"tahun;pagu\n2025;1,5\n", "x.csv")
    assert t.pemisah == ";" and t.desimal_koma and t.baris[1] == ["2025", "1,5"]


def test_blank_rows_keep_excel_numbers():
    t = baca(b"a;b\n\n;\n1;2\n", "x.csv")
    assert t.nomor == [1, 4]


def _xlsx(rows_by_sheet: dict[str, list[list[object]]]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in rows_by_sheet.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_xlsx_sheet_by_kind_numbers_kept_and_row_numbers():
    data = _xlsx({"Sheet1": [["x"]], "BPS": [["tahun", "p0"], [], [2025, 2.36]]})
    t = baca(data, "f.xlsx", "bps")
    assert t.lembar == "BPS" and t.format == "xlsx" and not t.pemisah
    assert t.baris == [["tahun", "p0"], [2025, 2.36]] and t.nomor == [1, 3]
    assert baca(data, "f.xlsx").lembar == "Sheet1"


def test_zip_bomb_and_oversize_refused_before_opening(monkeypatch: pytest.MonkeyPatch):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", b"\x00" * (5 * 1024 * 1024))
    with pytest.raises(BacaGagal, match="zip bomb"):
        baca(buf.getvalue(), "b.xlsx")
    monkeypatch.setattr(reader, "MAKS_BYTES", 10)
    with pytest.raises(BacaGagal, match="terlalu besar"):
        baca(b"a;b\n1;2\n3;4\n", "x.csv")


def test_total_unpacked_size_limit(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(tabel, "MAKS_XLSX_TERURAI", 100)
    with pytest.raises(BacaGagal, match="setelah dibuka"):
        baca(_xlsx({"a": [["tahun"]]}), "f.xlsx")


@pytest.mark.parametrize(("data", "nama", "pesan"), [
    (b"", "x.csv", "kosong"),
    (b"PK\x03\x04garbage", "x.xlsx", "rusak"),
    (b"hello", "x.xlsx", "bukan berkas Excel"),
    (b"\x00\x01\x02", "x.csv", "biner"),
])
def test_unreadable(data: bytes, nama: str, pesan: str):
    with pytest.raises(BacaGagal, match=pesan):
        baca(data, nama)


def test_whitespace_set_is_what_str_strip_removes():
    import sys

    assert "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()) == reader.SPASI_PYTHON


@pytest.mark.parametrize("teks", ["a;b\n" * 5000, "x\r\n" * 30000 + "a,b", "\n".join(["", " ", "a;b"] * 40)])
def test_first_lines_of_a_long_text(teks: str):
    assert reader._baris_awal(teks, 20) == teks.splitlines()[:20]
