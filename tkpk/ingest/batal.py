"""Rollback of a batch, its preview, and the history.

Rolling back marks the batch 'dibatalkan'; the v_* views compute every cell from the active batches only, so
each cell becomes exactly what it would be had the batch never been loaded, and the file can be loaded again.
The preview computes the same thing before anything changes: the views' own macros, once leaving the batch out
(:file:`tkpk/sql/batal_pratinjau_*.sql`), so preview and result cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd

from tkpk.db import new_batch, transaction
from tkpk.ingest.simpan import TABEL
from tkpk.queries import execute, fetch, sql

JENIS_BATAL = "pembatalan"
# Cells listed in a preview; the count is always complete.
BATAS_PRATINJAU = 2_000


class BatalGagal(Exception):
    """A rollback that cannot be done; the message is for the analyst."""


def _periksa_batch(cur: duckdb.DuckDBPyConnection, batch_id: int) -> dict[str, Any]:
    """The batch, if it can be rolled back; else :class:`BatalGagal` with the page's and the CLI's message."""
    df = cur.execute(sql("batch_satu"), {"batch_id": batch_id}).df()
    if df.empty:
        raise BatalGagal(f"Batch {batch_id} tidak ada.")
    b = df.iloc[0].to_dict()
    if b["status"] != "aktif":
        raise BatalGagal(f"Batch {batch_id} sudah dibatalkan sebelumnya.")
    if b["jenis"] not in TABEL:
        raise BatalGagal(f"Batch {batch_id} berjenis {b['jenis']} dan tidak dapat dibatalkan dari sini.")
    return b


@dataclass
class PratinjauBatal:
    """What a rollback would change: ``sel`` holds one row per cell (tahun, kode_wilayah, rincian_kunci, kolom,
    lama, baru, lama_teks, baru_teks), at most :data:`BATAS_PRATINJAU`; ``jumlah`` counts them all."""

    batch: dict[str, Any]
    sel: pd.DataFrame
    jumlah: int

    def ringkasan(self) -> str:
        b = self.batch
        awal = (f"Membatalkan batch {b['batch_id']} ({b['jenis']}, {b['nama_file']}, {int(b['jumlah_baris'])} baris, "
                f"oleh {b['oleh']})")
        if self.jumlah == 0:
            return (awal + " tidak mengubah satu sel pun: setiap nilainya juga dilaporkan oleh batch aktif yang lebih "
                    "baru.")
        return awal + f" mengubah {self.jumlah} sel (lama → baru; kosong = sel menjadi kosong)."


def pratinjau_batal(con: duckdb.DuckDBPyConnection, batch_id: int, batas: int = BATAS_PRATINJAU) -> PratinjauBatal:
    """The cells a rollback would change, old → new; writes nothing."""
    cur = con.cursor()
    try:
        b = _periksa_batch(cur, batch_id)
        sel = cur.execute(sql(f"batal_pratinjau_{TABEL[b['jenis']]}"), {"batch_id": batch_id}).df()
    finally:
        cur.close()
    return PratinjauBatal(b, sel.head(batas).reset_index(drop=True), len(sel))


def batalkan(con: duckdb.DuckDBPyConnection, batch_id: int, oleh: str, alasan: str | None = None) -> int:
    """Mark a data batch 'dibatalkan' and record the rollback as its own batch; returns the rollback's id."""
    with transaction(con) as cur:
        b = _periksa_batch(cur, batch_id)
        execute(cur, "batch_tandai_batal", {"batch_id": batch_id})
        ket = f"Membatalkan batch {batch_id} ({b['jenis']}, {b['nama_file']}, {int(b['jumlah_baris'])} baris)"
        return new_batch(cur, jenis=JENIS_BATAL, oleh=oleh, nama_file=b["nama_file"], jumlah_baris=0,
                         keterangan=ket + (f"; alasan: {alasan}" if alasan else ""))


def riwayat(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return fetch(con, "batch_riwayat")


def baris_batch(con: duckdb.DuckDBPyConnection, batch_id: int, batas: int = 10_000) -> pd.DataFrame:
    """The rows a batch brought (empty for rollbacks and unknown ids)."""
    df = fetch(con, "batch_satu", {"batch_id": batch_id})
    if df.empty or df.iloc[0]["jenis"] not in TABEL:
        return pd.DataFrame()
    return fetch(con, f"batch_baris_{TABEL[df.iloc[0]['jenis']]}", {"batch_id": batch_id, "batas": batas})
