"""Preview against the store, atomic commit as one batch, rollback and history.

Tables are append-only: a commit adds one batch holding only the rows that are new or changed, so unchanged
rows keep pointing at the batch that brought them, and rolling a batch back (status 'dibatalkan') lets the
v_* views fall back to exactly the previous values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tkpk.db import new_batch, transaction
from tkpk.queries import execute, fetch, muat, sql

TABEL = {"indikator": "nilai_indikator", "intervensi": "intervensi", "bps": "kemiskinan_kabupaten"}
KOLOM_NILAI = {
    "indikator": ("nilai",),
    "intervensi": ("pilar", "pagu", "realisasi", "satuan_output", "target_output", "capaian_output",
                   "target_penerima", "penerima", "sumber_dana", "keterangan"),
    "bps": ("p0", "penduduk_miskin", "garis_kemiskinan", "p1", "p2"),
}
_TEKS = {"kode_wilayah", "indikator", "sumber", "kode_opd", "program", "kegiatan", "satuan_output", "sumber_dana",
         "keterangan"}
_BULAT = {"tahun", "triwulan", "pilar", "_baris"}
# Rows per insert statement: big enough to be fast, small enough for a progress bar to move.
UKURAN_POTONG = 100_000
JENIS_BATAL = "pembatalan"

Progres = Callable[[float, str], None]


class BatalGagal(Exception):
    """A rollback that cannot be done; the message is for the analyst."""


@dataclass
class Pratinjau:
    """The upload compared with the store. ``tabel`` is the comparison as DuckDB returned it (Arrow); the
    pandas view :attr:`banding` is built only when a page shows it, since a million-row frame costs seconds."""

    jenis: str
    tabel: pa.Table  # upload rows + status (baru/berubah/sama) + <kolom>_lama
    batch_sama: dict[str, Any] | None = None
    _frame: pd.DataFrame | None = field(default=None, init=False, repr=False)
    _hitung: dict[str, int] | None = field(default=None, init=False, repr=False)

    @property
    def banding(self) -> pd.DataFrame:
        if self._frame is None:
            self._frame = self.tabel.to_pandas()
        return self._frame

    def jumlah(self, status: str) -> int:
        if self._hitung is None:  # one hash pass for all three counts (comparing strings is the slow way)
            hitung = pc.value_counts(self.tabel.column("status")) if self.tabel.num_rows else []
            self._hitung = {str(x["values"]): int(x["counts"]) for x in hitung.to_pylist()} if len(hitung) else {}
        return self._hitung.get(status, 0)

    @property
    def baru(self) -> int:
        return self.jumlah("baru")

    @property
    def berubah(self) -> int:
        return self.jumlah("berubah")

    @property
    def sama(self) -> int:
        return self.jumlah("sama")

    @property
    def tanpa_perubahan(self) -> bool:
        return self.batch_sama is not None or self.baru + self.berubah == 0

    def ringkasan(self) -> str:
        if self.batch_sama is not None:
            b = self.batch_sama
            return (f"Berkas yang sama persis sudah tersimpan sebagai batch {b['batch_id']} "
                    f"({b['nama_file']}, oleh {b['oleh']}, {b['waktu']:%d-%m-%Y %H:%M}); tidak ada perubahan.")
        if self.tanpa_perubahan:
            return f"Semua {self.sama} baris sama dengan data tersimpan; tidak ada perubahan."
        return f"{self.baru} baris baru, {self.berubah} berubah, {self.sama} sama (tidak ditulis ulang)."

    def perubahan(self) -> pd.DataFrame:
        """Changed rows as "lama → baru" per value column, for the preview table."""
        ubah = self.banding[self.banding["status"] == "berubah"]
        out = []
        for _, r in ubah.iterrows():
            for k in KOLOM_NILAI[self.jenis]:
                lama, baru = r.get(f"{k}_lama"), r.get(k)
                if not _sama(lama, baru):
                    out.append({"baris": r["_baris"], "kolom": k, "lama": lama, "baru": baru})
        return pd.DataFrame(out, columns=["baris", "kolom", "lama", "baru"])


def _sama(a: object, b: object) -> bool:
    na, nb = a is None or (isinstance(a, float) and pd.isna(a)), b is None or (isinstance(b, float) and pd.isna(b))
    return (na and nb) or (not na and not nb and a == b)


def bingkai_simpan(frame: pd.DataFrame) -> pd.DataFrame:
    """Explicit nullable dtypes, so empty cells reach DuckDB as NULL (not NaN, not a NULL-typed column)."""
    out = frame.copy()
    for k in out.columns:
        if k in _BULAT:
            out[k] = pd.array(out[k], dtype="Int64") if len(out) else out[k].astype("Int64")
        elif k in _TEKS:
            if isinstance(out[k].dtype, pd.StringDtype):  # already text (Arrow-backed): only NaN -> NA
                out[k] = out[k].astype("string")
            else:
                out[k] = out[k].astype("object").where(out[k].notna(), None).astype("string")
        else:
            out[k] = pd.to_numeric(out[k], errors="coerce").astype("Float64")
    return out


def tabel_simpan(frame: pd.DataFrame) -> pa.Table:
    """:func:`bingkai_simpan` as an Arrow table: DuckDB scans it without converting a million Python objects."""
    return pa.Table.from_pandas(bingkai_simpan(frame), preserve_index=False)


def _banding(cur: duckdb.DuckDBPyConnection, jenis: str, data: pd.DataFrame) -> pa.Table:
    cur.register("_unggah", tabel_simpan(data))
    try:
        # sql(): a relation streams its result to Arrow; execute() would copy it once more
        return cur.sql(sql(f"ingest_banding_{TABEL[jenis]}")).to_arrow_table()
    finally:
        cur.unregister("_unggah")


def _batch_sama(cur: duckdb.DuckDBPyConnection, jenis: str, sha256: str) -> dict[str, Any] | None:
    df = cur.execute(sql("ingest_batch_sama"), {"jenis": jenis, "sha256": sha256}).df()
    return None if df.empty else df.iloc[0].to_dict()


def pratinjau(con: duckdb.DuckDBPyConnection, jenis: str, data: pd.DataFrame, sha256: str) -> Pratinjau:
    cur = con.cursor()
    try:
        return Pratinjau(jenis, _banding(cur, jenis, data), _batch_sama(cur, jenis, sha256))
    finally:
        cur.close()


@dataclass
class Tersimpan:
    batch_id: int | None
    pratinjau: Pratinjau
    jumlah_ditulis: int


def simpan(con: duckdb.DuckDBPyConnection, jenis: str, data: pd.DataFrame, *, nama_file: str, sha256: str,
           oleh: str, progres: Progres | None = None) -> Tersimpan:
    """One transaction: compare again (the store may have moved since the preview), then write the batch."""
    lapor = progres or (lambda _f, _t: None)
    with transaction(con) as cur:
        lapor(0.0, "membandingkan dengan data tersimpan")
        pra = Pratinjau(jenis, _banding(cur, jenis, data), _batch_sama(cur, jenis, sha256))
        if pra.tanpa_perubahan:
            lapor(1.0, "tidak ada perubahan")
            return Tersimpan(None, pra, 0)
        tulis = pra.tabel
        if pra.sama:
            tulis = tulis.filter(pc.is_in(tulis.column("status"), pa.array(["baru", "berubah"])))
        tulis = tulis.select([c for c in data.columns if c != "_baris"])
        bid = new_batch(cur, jenis=jenis, oleh=oleh, nama_file=nama_file, sha256=sha256,
                        jumlah_baris=tulis.num_rows, keterangan=f"Unggahan: {pra.ringkasan()}")
        total = tulis.num_rows
        for mulai in range(0, total, UKURAN_POTONG):
            potong = tulis.slice(mulai, UKURAN_POTONG)
            potong = potong.append_column("batch_id", pa.array(np.full(potong.num_rows, bid, dtype=np.int64)))
            muat(cur, TABEL[jenis], potong)  # type: ignore[arg-type]  # DuckDB registers Arrow tables as well
            lapor(min(1.0, (mulai + potong.num_rows) / total), f"menulis {mulai + potong.num_rows} dari {total} baris")
        return Tersimpan(bid, pra, total)


def batalkan(con: duckdb.DuckDBPyConnection, batch_id: int, oleh: str, alasan: str | None = None) -> int:
    """Mark a data batch 'dibatalkan' and record the rollback as its own batch; returns the rollback's id."""
    with transaction(con) as cur:
        df = cur.execute(sql("batch_satu"), {"batch_id": batch_id}).df()
        if df.empty:
            raise BatalGagal(f"Batch {batch_id} tidak ada.")
        b = df.iloc[0]
        if b["status"] != "aktif":
            raise BatalGagal(f"Batch {batch_id} sudah dibatalkan sebelumnya.")
        if b["jenis"] not in TABEL:
            raise BatalGagal(f"Batch {batch_id} berjenis {b['jenis']} dan tidak dapat dibatalkan dari sini.")
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
