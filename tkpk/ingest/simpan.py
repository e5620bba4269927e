"""Preview against the store and the atomic commit of one batch.

Versioning is per cell (README, "Versi data"): each cell's value is the one from the newest active batch that
reported it, and an empty value cell means "not reported in this file". So a stored batch holds every row of its
file as the file gave it, empty cells included as NULL, rows that restate current values unchanged included:
they count as reported by this file, and rolling back an older batch must not take them away. A file in which no
cell differs from the current state is not stored at all (there is nothing to record).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tkpk.fmt import angka
from tkpk.toko.db import new_batch, transaction
from tkpk.toko.queries import lepas, sisipkan, sql

TABEL = {"indikator": "nilai_indikator", "intervensi": "intervensi", "bps": "kemiskinan_kabupaten",
         "target": "target_indikator", "rencana": "rencana_aksi"}
# The natural key of each kind: one cell per key and value column.
KUNCI = {
    "indikator": ("tahun", "kode_wilayah", "indikator"),
    "intervensi": ("tahun", "triwulan", "kode_opd", "program", "kegiatan", "kode_wilayah"),
    "bps": ("tahun", "kode_wilayah"),
    "target": ("tahun", "kode_wilayah", "indikator"),
    "rencana": ("tahun", "triwulan", "kode_opd", "program", "kegiatan", "kode_wilayah"),
}
# Value cells: compared with the store, and versioned one by one. Source columns of indikator/bps/intervensi are
# not values: each figure carries the source of the batch that reported it.
KOLOM_NILAI = {
    "indikator": ("nilai",),
    "intervensi": ("pilar", "pagu", "realisasi", "satuan_output", "target_output", "capaian_output",
                   "target_penerima", "penerima", "sumber_dana", "keterangan", "satuan_penerima"),
    "bps": ("p0", "penduduk_miskin", "garis_kemiskinan", "p1", "p2", "p0_ekstrem", "penduduk_miskin_ekstrem"),
    "target": ("nilai", "dokumen", "sumber", "jenis_sumber", "rincian"),
    "rencana": ("pilar", "satuan_output", "target_output", "pagu_rencana", "keterangan"),
}
_TEKS = {"kode_wilayah", "indikator", "sumber", "jenis_sumber", "kode_opd", "program", "kegiatan", "satuan_output",
         "sumber_dana", "keterangan", "satuan_penerima", "dokumen", "rincian"}
_BULAT = {"tahun", "triwulan", "pilar", "_baris"}
# Rows per insert statement: four of DuckDB's row groups (122.880 rows each). Smaller statements cost far more than
# they show (issue 17, 2026-12-02, a million rows from the upload's Arrow table into a copy of the store, two runs
# each): ten of 100.000 rows took 1,1-1,7 s to insert and 0,34-0,43 s to commit, slices of one row group 1,0 s +
# 0,17-0,22 s, of four 0,63 s + 0,05-0,06 s, one statement 0,57-0,80 s + 0,04-0,06 s. The stored row groups come
# out the same either way. The progress bar moves between statements, so it now steps only for batches of more
# than 491.520 rows (the CLI's); a file within the app's 20 MB upload limit (under about 330.000 rows) is written
# in one statement, about 0,3 s, and its bar goes from the comparison straight to done.
UKURAN_POTONG = 4 * 122_880

Progres = Callable[[float, str], None]


@dataclass
class Pratinjau:
    """The upload compared with the store. ``tabel`` is the comparison as DuckDB returned it (Arrow); the
    pandas view :attr:`banding` is built only when a page shows it, since a million-row frame costs seconds."""

    jenis: str
    tabel: pa.Table  # upload rows + status (baru/berubah/sama) + <kolom>_lama
    batch_sama: dict[str, Any] | None = None
    _frame: pd.DataFrame | None = field(default=None, init=False, repr=False)
    _hitung: dict[str, int] | None = field(default=None, repr=False)  # counts per status (None: count ``tabel``)

    @classmethod
    def tersimpan(cls, jenis: str, berubah: pa.Table, hitung: dict[str, int],
                  batch_sama: dict[str, Any] | None) -> Pratinjau:
        """The comparison of an upload written straight from the store (:func:`simpan`): the counts, and of the
        rows only the changed ones (what :meth:`perubahan` reads); the new and unchanged rows never left the store.
        """
        return cls(jenis, berubah, batch_sama, _hitung=dict(hitung))

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
        """Nothing to store: no cell of the file differs from the current state."""
        return self.baru + self.berubah == 0

    def ringkasan(self) -> str:
        b = self.batch_sama
        if self.tanpa_perubahan:
            if b is not None:
                return (f"Berkas yang sama persis sudah tersimpan sebagai batch {b['batch_id']} "
                        f"({b['nama_file']}, oleh {b['oleh']}, {b['waktu']:%d-%m-%Y %H:%M}); tidak ada perubahan.")
            return f"Semua {angka(self.sama)} baris sama dengan data tersimpan; tidak ada perubahan."
        teks = (f"{angka(self.baru)} baris baru, {angka(self.berubah)} berubah, {angka(self.sama)} sama (dicatat juga "
                "sebagai laporan berkas ini).")
        if b is not None:
            teks += (f" Berkas yang sama persis pernah disimpan sebagai batch {b['batch_id']}, tetapi batch yang lebih "
                     "baru telah mengubah sebagian selnya; menyimpan lagi mengembalikan isi berkas ini.")
        return teks

    def perubahan(self) -> pd.DataFrame:
        """Every reported cell whose value differs from the current one, as "lama → baru", for the preview; and,
        for BPS figures and indicator values, every reported figure whose source changes ("jenis sumber p0":
        kutipan_pejabat → bps; "sumber p0": the source texts): the screens name a figure's source, so a restated
        figure under another source is a change too."""
        kolom = KOLOM_NILAI[self.jenis]
        ubah = self.banding[self.banding["status"] == "berubah"]
        out = []
        for r in ubah.to_dict("records"):
            for k in kolom:
                lama, baru = r.get(f"{k}_lama"), r.get(k)
                if not _kosong(baru) and not _sama(lama, baru):
                    out.append({"baris": r["_baris"], "kolom": k, "lama": None if _kosong(lama) else lama,
                                "baru": baru})
                if self.jenis in KOLOM_SUMBER and not _kosong(baru) and not _kosong(lama):
                    nama = r["indikator"] if self.jenis == "indikator" else k
                    for label, sl, sb in perubahan_sumber(r, k):
                        out.append({"baris": r["_baris"], "kolom": f"{label} {nama}", "lama": sl, "baru": sb})
        return pd.DataFrame(out, columns=["baris", "kolom", "lama", "baru"])


# Kinds whose figures carry their own source, compared by the preview (columns sumber_<k>_lama and
# jenis_sumber_<k>_lama of the comparison).
KOLOM_SUMBER = frozenset({"bps", "indikator"})
# The source a file gets when it names none (tkpk.ingest.aturan.sumber): it claims no new source text.
SUMBER_BAWAAN = "Unggahan berkas "


def perubahan_sumber(r: dict[str, Any], k: str) -> list[tuple[str, str, str]]:
    """How a reported figure's source changes, as (label, old, new): ("jenis sumber", kind, kind) when the kind of
    source changes, ("sumber", text, text) when the file names another source text (both when both do)."""
    jl, jb = r.get(f"jenis_sumber_{k}_lama"), r.get("jenis_sumber")
    sl, sb = r.get(f"sumber_{k}_lama"), r.get("sumber")
    out = []
    if not _sama(jl, jb):
        out.append(("jenis sumber", "(tidak dicatat)" if _kosong(jl) else str(jl),
                    "(tidak dicatat)" if _kosong(jb) else str(jb)))
    if not _sama(sl, sb) and not (isinstance(sb, str) and sb.startswith(SUMBER_BAWAAN)):
        out.append(("sumber", "(kosong)" if _kosong(sl) else str(sl), "(kosong)" if _kosong(sb) else str(sb)))
    return out


def _kosong(a: object) -> bool:
    return a is None or a is pd.NA or (isinstance(a, float) and np.isnan(a))


def _sama(a: object, b: object) -> bool:
    na, nb = _kosong(a), _kosong(b)
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


def _tabel_unggah(jenis: str, data: pd.DataFrame) -> pa.Table:
    """The upload as the comparison reads it (:func:`tabel_simpan`)."""
    if jenis in KOLOM_SUMBER:  # the comparison reads both source columns; a frame may lack one (stored as NULL)
        data = data.assign(**{k: data[k] if k in data.columns else None for k in ("sumber", "jenis_sumber")})
    return tabel_simpan(data)


@contextlib.contextmanager
def _dibandingkan(cur: duckdb.DuckDBPyConnection, jenis: str, data: pd.DataFrame,
                  unggah: pa.Table | None = None) -> Iterator[duckdb.DuckDBPyRelation]:
    """The upload compared with the store, left in the cursor's temporary table ``_banding``; yields the script's
    final SELECT as a relation, not yet run (the commit of a large file reads only what it needs). The upload stays
    registered as ``_unggah`` inside the block: the intervention comparison joins its cells back by Excel row.
    ``unggah``: :func:`_tabel_unggah` of ``data`` when the caller has it already."""
    cur.register("_unggah", unggah if unggah is not None else _tabel_unggah(jenis, data))
    try:
        # sql() runs the script's CREATE at once; its relation streams the SELECT to Arrow (execute() would copy
        # the result once more)
        yield cur.sql(sql(f"ingest_banding_{TABEL[jenis]}"))
    finally:
        lepas(cur, "_unggah")


def _banding(cur: duckdb.DuckDBPyConnection, jenis: str, data: pd.DataFrame) -> pa.Table:
    with _dibandingkan(cur, jenis, data) as hasil:
        return hasil.to_arrow_table()


# Kinds whose commit writes the upload's own Arrow table (the one the comparison read), for a frame of exactly the
# upload columns their comparison SQL reads; of the comparison result only the changed rows travel to Python, for
# the summary (other frames, and the other kinds, small files all, take the round trip through the whole result).
TULIS_SQL = {"intervensi": frozenset({
    "tahun", "triwulan", "pilar", "kode_opd", "program", "kegiatan", "kode_wilayah", "pagu", "realisasi",
    "satuan_output", "target_output", "capaian_output", "target_penerima", "penerima", "sumber_dana", "keterangan",
    "satuan_penerima", "sumber", "_baris"})}


def _menurut_baris(unggah: pa.Table) -> pa.Table:
    """The upload in Excel row order: as it comes (the frame is built in that order), sorted when it is not."""
    baris = unggah.column("_baris").to_numpy()
    return unggah if len(baris) < 2 or bool(np.all(baris[1:] > baris[:-1])) else unggah.sort_by("_baris")


def _tulis(cur: duckdb.DuckDBPyConnection, jenis: str, tulis: pa.Table, bid: int, lapor: Progres) -> int:
    """Write the batch in the table's order, in slices of UKURAN_POTONG rows (the progress bar moves between
    them; a DuckDB scan of an Arrow table keeps its order); the number of rows written."""
    total = tulis.num_rows
    for mulai in range(0, total, UKURAN_POTONG):
        potong = tulis.slice(mulai, UKURAN_POTONG)
        potong = potong.append_column("batch_id", pa.array(np.full(potong.num_rows, bid, dtype=np.int64)))
        sisipkan(cur, TABEL[jenis], potong)  # type: ignore[arg-type]  # DuckDB registers Arrow tables as well
        lapor(min(1.0, (mulai + potong.num_rows) / total),
              f"menulis {angka(mulai + potong.num_rows)} dari {angka(total)} baris")
    return total


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


Sesuaikan = Callable[[duckdb.DuckDBPyConnection, pd.DataFrame], pd.DataFrame]


def simpan(con: duckdb.DuckDBPyConnection, jenis: str, data: pd.DataFrame, *, nama_file: str, sha256: str,
           oleh: str, progres: Progres | None = None, sesuaikan: Sesuaikan | None = None,
           sampel: bool = False) -> Tersimpan:
    """One transaction: check against the store and compare again (the store may have moved since the preview),
    then write the batch: every row of the file, as the file gave it.

    ``sesuaikan`` runs first inside the transaction (the checks against the store: spelling of stored programs,
    plausibility); it may raise to refuse the commit, which rolls everything back.
    """
    lapor = progres or (lambda _f, _t: None)
    with transaction(con) as cur:
        lapor(0.0, "membandingkan dengan data tersimpan")
        if sesuaikan is not None:
            data = sesuaikan(cur, data)
        if jenis in TULIS_SQL and set(data.columns) == TULIS_SQL[jenis]:
            unggah = _tabel_unggah(jenis, data)
            with _dibandingkan(cur, jenis, data, unggah):
                hitung = {str(k): int(n) for k, n in cur.execute(sql("ingest_banding_hitung")).fetchall()}
                berubah = cur.sql(sql("ingest_banding_berubah")).to_arrow_table()
            pra = Pratinjau.tersimpan(jenis, berubah, hitung, _batch_sama(cur, jenis, sha256))
            if pra.tanpa_perubahan:
                lapor(1.0, "tidak ada perubahan")
                return Tersimpan(None, pra, 0)
            bid = new_batch(cur, jenis=jenis, oleh=oleh, nama_file=nama_file, sha256=sha256,
                            jumlah_baris=len(data), sampel=sampel, keterangan=f"Unggahan: {pra.ringkasan()}")
            # the upload's own table, not the comparison: that comes out of a join in no order, and sorting a
            # million rows of it by _baris cost more than the write itself
            tulis = _menurut_baris(unggah).select([c for c in data.columns if c != "_baris"])
            return Tersimpan(bid, pra, _tulis(cur, jenis, tulis, bid, lapor))
        pra = Pratinjau(jenis, _banding(cur, jenis, data), _batch_sama(cur, jenis, sha256))
        if pra.tanpa_perubahan:
            lapor(1.0, "tidak ada perubahan")
            return Tersimpan(None, pra, 0)
        tulis = pra.tabel.select([c for c in data.columns if c != "_baris"])
        bid = new_batch(cur, jenis=jenis, oleh=oleh, nama_file=nama_file, sha256=sha256,
                        jumlah_baris=tulis.num_rows, sampel=sampel, keterangan=f"Unggahan: {pra.ringkasan()}")
        return Tersimpan(bid, pra, _tulis(cur, jenis, tulis, bid, lapor))
