"""Ingestion engine: OPD files (CSV/XLSX) to validated, previewed, atomically committed batches.

Free of Streamlit; the upload page and ``python -m tkpk ingest`` both call :func:`periksa` /
:func:`simpan_hasil` (or :func:`ingest_file`); the history page and ``python -m tkpk rollback`` call
:func:`pratinjau_batal` / :func:`batalkan`.
"""

from tkpk.ingest.batal import BatalGagal, PratinjauBatal, baris_batch, batalkan, pratinjau_batal, riwayat
from tkpk.ingest.proses import Hasil, ingest_file, periksa, simpan_hasil

__all__ = ["BatalGagal", "Hasil", "PratinjauBatal", "baris_batch", "batalkan", "ingest_file", "periksa",
           "pratinjau_batal", "riwayat", "simpan_hasil"]
