"""Property: whatever bytes or table arrive, reading and validating end in a verdict, never an exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tkpk.ingest.pengodean import dekode
from tkpk.ingest.reader import BacaGagal, Tabel, baca
from tkpk.ingest.tabel import MAKS_KOLOM, rapikan
from tkpk.ingest.validasi import validasi
from tkpk.ingest.wilayah import Pencocok

ROOT = Path(__file__).resolve().parents[2]
PENCOCOK = Pencocok.dari_csv(ROOT / "data" / "wilayah_banjar.csv")
JENIS = st.sampled_from(["indikator", "intervensi", "bps"])
JUDUL = st.sampled_from(["tahun", "kode_wilayah", "kecamatan", "desa", "penduduk", "penduduk_miskin", "indikator",
                         "nilai", "pilar", "opd", "program", "pagu", "realisasi", "triwulan", "p0", "kode_kab",
                         "kabupaten", "target_output", "capaian_output", "NIK", "x"])
SEL = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["2025", "63.03.01", "Aluh Aluh", "Dinsos", "2", "1.234", "12,5,0", "Rp1.000", "-1", "", "%"]),
    st.integers(-10**17, 10**17), st.floats(allow_nan=True, allow_infinity=True),
)
CEPAT = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@CEPAT
@given(data=st.binary(max_size=2000), nama=st.sampled_from(["a.csv", "a.xlsx", "a.txt"]), jenis=JENIS)
def test_arbitrary_bytes(data: bytes, nama: str, jenis: str):
    try:
        tabel = baca(data, nama, jenis)
    except BacaGagal as exc:
        assert str(exc)
        return
    h = validasi(tabel, jenis, PENCOCOK, nama)
    assert isinstance(h.diterima, bool)


@CEPAT
@given(judul=st.lists(JUDUL, min_size=1, max_size=8), isi=st.lists(st.lists(SEL, max_size=10), max_size=8),
       jenis=JENIS, pemisah=st.sampled_from([";", ",", "\t", None]))
def test_arbitrary_tables(judul: list[str], isi: list[list[object]], jenis: str, pemisah: str | None):
    rows: list[list[object]] = [list(judul), *isi]
    tabel = Tabel(baris=rows, nomor=list(range(1, len(rows) + 1)), format="xlsx" if pemisah is None else "csv",
                  pemisah=pemisah)
    h = validasi(tabel, jenis, PENCOCOK, "x.csv")  # type: ignore[arg-type]
    assert isinstance(h.diterima, bool)
    for p in h.pesan:
        assert p.teks and "Traceback" not in p.teks


def _baca_csv_modul(data: bytes) -> Tabel:
    """The reference reading: Python's csv module, cells stripped, blank rows dropped (Excel numbers kept)."""
    import csv
    import io

    from tkpk.ingest import reader

    teks, encoding, _ = dekode(data)
    pemisah = reader._pilih_pemisah(teks)
    rows = list(csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah))
    tabel = Tabel(baris=[[c.strip() for c in r[:MAKS_KOLOM]] for r in rows], nomor=list(range(1, len(rows) + 1)),
                  format="csv", pemisah=pemisah, encoding=encoding)
    return rapikan(tabel)


POTONGAN_CSV = ["a", "7", '"', " ", "\t", ";", ",", "\n", "\r", "\r\n", "\xa0", "\x1c", "é", "\u2028", "\x85", "\ufeff",
                "\x0b", "1.234"]
TEKS_CSV = st.lists(st.sampled_from(POTONGAN_CSV), min_size=1, max_size=40).map("".join)


@CEPAT
@given(teks=TEKS_CSV, bom=st.sampled_from([b"", b"\xef\xbb\xbf"]))
def test_columnar_csv_reader_matches_csv_module(teks: str, bom: bytes):
    """The Arrow reader must give exactly the table the csv module gives, or leave the file to it."""
    from tkpk.ingest.reader import baca_csv

    data = bom + teks.encode("utf-8")
    try:
        acuan = _baca_csv_modul(data)
    except BacaGagal:
        return
    hasil = baca_csv(data)
    assert (hasil.baris, hasil.nomor, hasil.pemisah, hasil.encoding) == \
        (acuan.baris, acuan.nomor, acuan.pemisah, acuan.encoding)
    for j in range(hasil.lebar):
        assert hasil.teks(j).to_pylist() == [r[j] if j < len(r) else "" for r in acuan.baris]
