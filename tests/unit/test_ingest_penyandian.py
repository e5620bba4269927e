"""Reader messages that used to be library words: a 5 MB cell, UTF-16 without a byte-order mark."""

from __future__ import annotations

import pytest

from tkpk.ingest.reader import BacaGagal, baca

JUDUL = "tahun;kode_wilayah;penduduk\n"


@pytest.mark.parametrize("sel", ['"' + "x" * 5_000_000 + '"', "x" * 5_000_000, '"' + "x" * 5_000_000])
def test_huge_cell_gets_an_indonesian_message(sel: str) -> None:
    with pytest.raises(BacaGagal) as e:
        baca((JUDUL + "2025;63.03.07;" + sel + "\n").encode(), "besar.csv")
    pesan = str(e.value)
    assert pesan.startswith("Baris 2: sebuah sel berisi lebih dari 131.072 karakter")
    assert "field" not in pesan and "limit" not in pesan


@pytest.mark.parametrize("kode", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read(kode: str) -> None:
    t = baca("tahun\tkode_wilayah\tpenduduk\n2025\t63.03.07\t45.001\n".encode(kode), "unicode.txt")
    assert t.encoding == "UTF-16 (tanpa BOM)"
    assert t.baris == [["tahun", "kode_wilayah", "penduduk"], ["2025", "63.03.07", "45.001"]]


def test_broken_utf16_without_bom_says_so() -> None:
    data = "tahun;kode_wilayah\n2025;63.03.07\n".encode("utf-16-le") + b"\x01\xd8" + "x\n".encode("utf-16-le")
    with pytest.raises(BacaGagal, match="UTF-16 tanpa tanda BOM"):
        baca(data, "rusak.txt")


def test_real_binary_is_still_binary() -> None:
    with pytest.raises(BacaGagal, match="biner"):
        baca(bytes(range(256)) * 4, "x.csv")
