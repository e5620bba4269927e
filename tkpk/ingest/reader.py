"""Bytes from an upload to a table of cells, for the files OPDs actually send.

Nothing here interprets values: it only finds the text (encoding, delimiter, sheet) and keeps the row number
the analyst sees in Excel, so every later message can point at the right cell. Problems become
:class:`BacaGagal` with an Indonesian reason; nothing else escapes.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time

from tkpk.ingest.kolom import kunci

# A CSV of a million rows is about 100 MB; anything larger is not an OPD report.
MAKS_BYTES = 150 * 1024 * 1024
# XLSX is a zip: the sum of its unpacked members and the packing ratio of each are checked before openpyxl
# sees it, so a small "zip bomb" cannot exhaust memory.
MAKS_XLSX_TERURAI = 400 * 1024 * 1024
MAKS_RASIO_ZIP = 100
MAKS_KOLOM = 200
PEMISAH_CALON = (";", "\t", ",")

Sel = str | float | int


class BacaGagal(Exception):
    """The file cannot be read at all; the message is for the analyst."""


@dataclass
class Tabel:
    """Cells by row, each row with its Excel row number; ``desimal_koma`` tells :mod:`angka` the file's locale."""

    baris: list[list[Sel]]
    nomor: list[int]
    format: str  # "csv" | "xlsx"
    pemisah: str | None = None
    encoding: str | None = None
    lembar: str | None = None
    catatan: list[str] = field(default_factory=list)

    @property
    def desimal_koma(self) -> bool:
        return self.pemisah != ","


def baca(data: bytes, nama_file: str, jenis: str | None = None) -> Tabel:
    """Read CSV or XLSX by content (not by extension alone: Excel users rename files)."""
    if len(data) == 0:
        raise BacaGagal("Berkas kosong.")
    if len(data) > MAKS_BYTES:
        raise BacaGagal(f"Berkas terlalu besar ({len(data) / 1e6:.0f} MB; batas {MAKS_BYTES / 1e6:.0f} MB).")
    if data[:4] == b"PK\x03\x04":
        return baca_xlsx(data, jenis)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise BacaGagal("Berkas Excel format lama (.xls) tidak didukung; simpan ulang sebagai .xlsx atau CSV.")
    if nama_file.lower().endswith((".xlsx", ".xlsm")):
        raise BacaGagal("Berkas berakhiran .xlsx tetapi isinya bukan berkas Excel yang sah.")
    return baca_csv(data)


def _dekode(data: bytes) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as exc:
            raise BacaGagal("Berkas bertanda UTF-16 tetapi isinya rusak.") from exc
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "UTF-8 (BOM)"
        except UnicodeDecodeError as exc:
            raise BacaGagal("Berkas bertanda UTF-8 tetapi berisi karakter yang rusak.") from exc
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"


def _pilih_pemisah(teks: str) -> str:
    """The delimiter that splits the first non-empty line into the most fields (``;`` wins ties, as Excel-ID)."""
    for baris in teks.splitlines()[:20]:
        if baris.strip():
            terbaik, jumlah = ";", 1
            for calon in PEMISAH_CALON:
                n = len(next(csv.reader([baris], delimiter=calon), []))
                if n > jumlah:
                    terbaik, jumlah = calon, n
            return terbaik
    return ";"


def baca_csv(data: bytes) -> Tabel:
    teks, encoding = _dekode(data)
    if "\x00" in teks:
        raise BacaGagal("Berkas ini bukan CSV teks (berisi data biner). Unggah CSV atau XLSX.")
    pemisah = _pilih_pemisah(teks)
    try:
        rows = list(csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah))
    except csv.Error as exc:
        raise BacaGagal(f"CSV tidak dapat dibaca: {exc}.") from exc
    tabel = Tabel(baris=[], nomor=[], format="csv", pemisah=pemisah, encoding=encoding)
    for i, row in enumerate(rows, start=1):
        tabel.baris.append([c.strip() for c in row[:MAKS_KOLOM]])
        tabel.nomor.append(i)
    return _rapikan(tabel)


def _rapikan(tabel: Tabel) -> Tabel:
    """Drop wholly empty rows (their numbers stay with the others) and trailing empty columns."""
    keep = [(r, n) for r, n in zip(tabel.baris, tabel.nomor, strict=True) if any(c != "" for c in r)]
    tabel.baris = [r for r, _ in keep]
    tabel.nomor = [n for _, n in keep]
    return tabel


def periksa_zip(data: bytes) -> None:
    """Refuse zip bombs before unpacking anything."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise BacaGagal("Berkas XLSX rusak atau bukan berkas Excel yang sah.") from exc
    total = 0
    for info in infos:
        total += info.file_size
        rasio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and rasio > MAKS_RASIO_ZIP:
            raise BacaGagal(
                f"Berkas XLSX ditolak: bagian {info.filename} memuai {rasio:.0f} kali saat dibuka "
                "(ciri berkas jebakan/zip bomb)."
            )
    if total > MAKS_XLSX_TERURAI:
        raise BacaGagal(
            f"Berkas XLSX ditolak: isinya {total / 1e6:.0f} MB setelah dibuka (batas {MAKS_XLSX_TERURAI / 1e6:.0f} MB)."
        )


def _sel(v: object) -> Sel:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, int | float):
        return v
    if isinstance(v, datetime | date | time):
        return v.isoformat()
    return str(v).strip()


def baca_xlsx(data: bytes, jenis: str | None = None) -> Tabel:
    periksa_zip(data)
    import openpyxl  # imported late: CSV-only uses never pay for it

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for malformed files
        raise BacaGagal("Berkas XLSX tidak dapat dibuka; simpan ulang dari Excel lalu coba lagi.") from exc
    try:
        lembar = wb.worksheets[0] if wb.worksheets else None
        if jenis is not None:
            for ws in wb.worksheets:
                if kunci(ws.title) == kunci(jenis):
                    lembar = ws
        if lembar is None:
            raise BacaGagal("Berkas XLSX tidak berisi lembar kerja.")
        if hasattr(lembar, "reset_dimensions"):
            lembar.reset_dimensions()  # some writers record wrong dimensions; read what is there
        tabel = Tabel(baris=[], nomor=[], format="xlsx", lembar=lembar.title)
        for i, row in enumerate(lembar.iter_rows(min_row=1, values_only=True), start=1):
            tabel.baris.append([_sel(v) for v in row[:MAKS_KOLOM]])
            tabel.nomor.append(i)
        return _rapikan(tabel)
    except BacaGagal:
        raise
    except Exception as exc:
        raise BacaGagal("Isi berkas XLSX tidak dapat dibaca; simpan ulang dari Excel lalu coba lagi.") from exc
    finally:
        wb.close()
