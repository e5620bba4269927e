"""XLSX files: guarded against zip bombs, read from the sheet named after the kind (else the first), and
checked for formulas that Excel never calculated (no cached value) or that point into another workbook.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime, time

from tkpk.ingest import tabel as batas
from tkpk.ingest.kolom import kunci
from tkpk.ingest.pengodean import BacaGagal
from tkpk.ingest.tabel import Sel, Tabel, rapikan, tanpa_gc


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
        if info.file_size > 1024 * 1024 and rasio > batas.MAKS_RASIO_ZIP:
            raise BacaGagal(
                f"Berkas XLSX ditolak: bagian {info.filename} memuai {rasio:.0f} kali saat dibuka "
                "(ciri berkas jebakan/zip bomb)."
            )
    if total > batas.MAKS_XLSX_TERURAI:
        raise BacaGagal(
            f"Berkas XLSX ditolak: isinya {total / 1e6:.0f} MB setelah dibuka "
            f"(batas {batas.MAKS_XLSX_TERURAI / 1e6:.0f} MB)."
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


_SEL_XML = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_REF = re.compile(rb'\br="([A-Z]+)([0-9]+)"')


def _kolom_ke(huruf: bytes) -> int:
    n = 0
    for c in huruf:
        n = n * 26 + (c - 64)
    return n - 1


def _rumus(data: bytes, path: str | None) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Cells holding a formula without a cached value (a file written by a program that does not calculate: openpyxl
    reads them as empty, so the numbers would silently be "not reported"), and cells whose formula points into
    another workbook ("[1]Sheet1!A1": the number is only as fresh as the last time Excel could open that file).
    As (Excel row, column index) pairs."""
    if not path:
        return [], []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            xml = zf.read(path.lstrip("/"))
    except (KeyError, zipfile.BadZipFile, OSError):
        return [], []
    if b"<f" not in xml:
        return [], []
    kosong, luar = [], []
    for m in _SEL_XML.finditer(xml):
        isi = m.group(2) or b""
        if b"<f" not in isi:
            continue
        ref = _REF.search(m.group(1))
        if ref is None:
            continue
        sel = (int(ref.group(2)), _kolom_ke(ref.group(1)))
        nilai = re.search(rb"<v>(.*?)</v>", isi, re.S)
        if nilai is None or not nilai.group(1).strip():
            kosong.append(sel)
        elif re.search(rb"<f[^>]*>[^<]*\[[0-9]+\]", isi):
            luar.append(sel)
    return kosong, luar


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
        with tanpa_gc():
            for i, row in enumerate(lembar.iter_rows(min_row=1, values_only=True), start=1):
                tabel.baris.append([_sel(v) for v in row[:batas.MAKS_KOLOM]])
                tabel.nomor.append(i)
        tabel.rumus_kosong, tabel.tautan_luar = _rumus(data, getattr(lembar, "_worksheet_path", None))
        return rapikan(tabel)
    except BacaGagal:
        raise
    except Exception as exc:
        raise BacaGagal("Isi berkas XLSX tidak dapat dibaca; simpan ulang dari Excel lalu coba lagi.") from exc
    finally:
        wb.close()
