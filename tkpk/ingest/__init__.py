"""Ingestion engine: OPD files (CSV/XLSX) to validated, previewed, atomically committed batches.

Free of Streamlit; the upload page and ``python -m tkpk ingest`` both call :func:`periksa` /
:func:`simpan_hasil` (or :func:`ingest_file`).
"""

from tkpk.ingest.proses import Hasil, ingest_file, periksa, simpan_hasil
from tkpk.ingest.simpan import BatalGagal, baris_batch, batalkan, riwayat

__all__ = ["BatalGagal", "Hasil", "baris_batch", "batalkan", "ingest_file", "periksa", "riwayat", "simpan_hasil"]
