"""Decoding files that mix UTF-8 and Windows-1252, down to one line holding both (review finding 8)."""

from __future__ import annotations

import pytest

from tkpk.ingest.pengodean import BacaGagal, dekode


def test_satu_baris_utf8_dan_cp1252():
    data = "opd;ket\r\nBaznas;Tahap – ".encode() + "caf\xe9".encode("cp1252") + b"\r\n"
    teks, label, pesan = dekode(data)
    assert teks == "opd;ket\r\nBaznas;Tahap – café\r\n"
    assert label == "UTF-8 bercampur Windows-1252"
    assert len(pesan) == 1 and "baris 2" in pesan[0].teks


def test_cp1252_saja_dibaca_utuh():
    teks, label, pesan = dekode("opd;ket\r\nBaznas;café – 2\r\n".encode("cp1252"))
    assert (teks, label, pesan) == ("opd;ket\r\nBaznas;café – 2\r\n", "Windows-1252", [])


def test_mojibake_asli_ditolak_dengan_kolom():
    with pytest.raises(BacaGagal, match='Baris 2, kolom "ket" berisi teks rusak'):
        dekode("opd;ket\r\nBaznas;Tahap â€“ 1\r\n".encode())


def test_mojibake_asli_di_baris_campuran_ditolak():
    data = "opd;ket\r\nBaznas;â€“ ".encode() + "caf\xe9".encode("cp1252") + b"\r\n"
    with pytest.raises(BacaGagal, match="Baris 2"):
        dekode(data)
