"""Rollback of a batch, its preview, and the history.

Rolling back marks the batch 'dibatalkan'; the v_* views compute every cell from the active batches only, so
each cell becomes exactly what it would be had the batch never been loaded, and the file can be loaded again.
The preview computes the same thing before anything changes: the views' own macros, once leaving the batch out
(:file:`tkpk/toko/sql/batal_pratinjau_*.sql`), so preview and result cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb
import pandas as pd

from tkpk import fmt
from tkpk.ingest.simpan import TABEL
from tkpk.toko.db import new_batch, transaction
from tkpk.toko.queries import execute, fetch, sql

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
    nama_wilayah: dict[str, str] = field(default_factory=dict)
    peringatan: list[str] = field(default_factory=list)

    def ringkasan(self) -> str:
        teks = self.ringkasan_sel()
        return "\n".join([teks, *(f"PERINGATAN: {p}" for p in self.peringatan)])

    def ringkasan_sel(self) -> str:
        b = self.batch
        awal = (f"Membatalkan batch {b['batch_id']} ({b['jenis']}, {b['nama_file']}, "
                f"{fmt.angka(int(b['jumlah_baris']))} baris, oleh {b['oleh']})")
        if self.jumlah == 0:
            return (awal + " tidak mengubah satu sel pun: setiap nilainya juga dilaporkan oleh batch aktif yang lebih "
                    "baru.")
        return awal + f" mengubah {fmt.angka(self.jumlah)} sel (lama → baru; kosong = sel menjadi kosong)."


def pratinjau_batal(con: duckdb.DuckDBPyConnection, batch_id: int, batas: int = BATAS_PRATINJAU) -> PratinjauBatal:
    """The cells a rollback would change, old → new; writes nothing."""
    cur = con.cursor()
    try:
        b = _periksa_batch(cur, batch_id)
        sel = cur.execute(sql(f"batal_pratinjau_{TABEL[b['jenis']]}"), {"batch_id": batch_id}).df()
        setelah = (cur.execute(sql("batal_kewajaran_nilai_indikator"), {"batch_id": batch_id}).df()
                   if b["jenis"] == "indikator" else pd.DataFrame())
        kode = sorted({str(k) for k in sel["kode_wilayah"].head(batas).dropna()} |
                      {str(k) for k in setelah.get("kode_wilayah", pd.Series(dtype=str)).dropna()})
        nama = dict(cur.execute(sql("batal_nama_wilayah"), {"kode": kode}).fetchall()) if kode else {}
    finally:
        cur.close()
    return PratinjauBatal(b, sel.head(batas).reset_index(drop=True), len(sel), nama, _tak_wajar(setelah, nama))


def _tak_wajar(setelah: pd.DataFrame, nama: dict[str, str]) -> list[str]:
    """The upload's plausibility rules (:mod:`tkpk.ingest.kewajaran`) on the state a rollback would leave: a part
    above its whole (desil 1–4 above the population) would put an impossible share on the map."""
    from tkpk import fmt
    from tkpk.ingest.kewajaran import PASANGAN, angka_teks

    if setelah.empty:
        return []
    nilai = setelah.pivot_table(index=["tahun", "kode_wilayah"], columns="indikator", values="nilai", aggfunc="last")
    contoh = setelah.pivot_table(index=["tahun", "kode_wilayah"], columns="indikator", values="sampel",
                                 aggfunc="last")
    out = []
    for p in PASANGAN["indikator"]:
        if p.bagian not in nilai or p.keseluruhan not in nilai:
            continue
        for (tahun, kode), r in nilai[nilai[p.bagian] > nilai[p.keseluruhan]].iterrows():
            label = [" DATA CONTOH" if bool(contoh.loc[(tahun, kode), c]) else "" for c in (p.bagian, p.keseluruhan)]
            persen = fmt.persen(100 * r[p.bagian] / r[p.keseluruhan], 2) if r[p.keseluruhan] else ""
            out.append(f"setelah pembatalan, {nama.get(kode, kode)} ({kode}) {tahun}: {p.bagian} "
                       f"({angka_teks(r[p.bagian])}{label[0]}) lebih besar dari {p.keseluruhan} "
                       f"({angka_teks(r[p.keseluruhan])}{label[1]})" + (f"; peta akan menampilkan {persen}"
                                                                         if persen else "")
                       + ". Periksa atau unggah angka pengganti sebelum atau sesudah membatalkan.")
    return out


def batalkan(con: duckdb.DuckDBPyConnection, batch_id: int, oleh: str, alasan: str | None = None) -> int:
    """Mark a data batch 'dibatalkan' and record the rollback as its own batch; returns the rollback's id."""
    with transaction(con) as cur:
        b = _periksa_batch(cur, batch_id)
        execute(cur, "batch_tandai_batal", {"batch_id": batch_id})
        ket = (f"Membatalkan batch {batch_id} ({b['jenis']}, {b['nama_file']}, "
               f"{fmt.angka(int(b['jumlah_baris']))} baris)")
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


def teks_sel(nilai: object) -> str:
    """A cell for a person to read: Indonesian number format, "(kosong)" for an empty cell."""
    from tkpk import fmt

    if nilai is None or (isinstance(nilai, float) and nilai != nilai) or nilai is pd.NA:
        return "(kosong)"
    if isinstance(nilai, int | float) and not isinstance(nilai, bool):
        x = float(nilai)
        desimal = 0 if x.is_integer() else min(6, len(f"{x:.6f}".rstrip("0").split(".")[1]))
        return fmt.angka(x, desimal)
    return str(nilai)


# A source text in a preview line is cut to about this many characters ("BRS No. 40 …").
PANJANG_SUMBER = 60


def teks_sumber(nilai: object, batas: int = PANJANG_SUMBER) -> str:
    """A source text for a preview line: quoted, shortened to ``batas`` characters ("Rilis A" → "Rilis B")."""
    if nilai is None or (isinstance(nilai, float) and nilai != nilai) or nilai is pd.NA:
        return "(kosong)"
    teks = " ".join(str(nilai).split())
    if len(teks) > batas:
        teks = teks[:batas - 1].rstrip() + "…"
    return f'"{teks}"'


def _sel(kolom: object, angka: object, teks: object) -> str:
    """One side of a preview cell: a source text quoted and shortened (kolom "sumber …"), a kind of source or a
    text value as it is, a number in Indonesian format."""
    if isinstance(kolom, str) and (kolom == "sumber" or kolom.startswith("sumber ")):
        return teks_sumber(teks if isinstance(teks, str) else None)
    return teks_sel(teks if isinstance(teks, str) else angka)


def sel_dibaca(pra: PratinjauBatal) -> pd.DataFrame:
    """The preview's cells as text (Indonesian numbers, "(kosong)", source texts quoted), for the page and the
    CLI. A change of the kind of a figure's source is kolom "jenis sumber …", a change of its source text
    "sumber …"."""
    s = pra.sel
    lama = [_sel(k, a, t) for k, a, t in zip(s["kolom"], s["lama"], s["lama_teks"], strict=True)]
    baru = [_sel(k, a, t) for k, a, t in zip(s["kolom"], s["baru"], s["baru_teks"], strict=True)]
    return pd.DataFrame({
        "Tahun": s["tahun"].astype("Int64"),
        "Wilayah": [f"{pra.nama_wilayah.get(k, '')} ({k})".strip() if isinstance(k, str) else "(seluruh kabupaten)"
                    for k in s["kode_wilayah"]],
        "Rincian": s["rincian_kunci"].astype(object).where(s["rincian_kunci"].notna(), ""),
        "Kolom": s["kolom"], "Lama": lama, "Baru": baru,
        "Lama → baru": [f"{a} → {b}" for a, b in zip(lama, baru, strict=True)],
    })


def baris_pratinjau(pra: PratinjauBatal, batas: int) -> list[str]:
    """The CLI's lines: one per cell, old → new."""
    if pra.sel.empty:
        return []
    d = sel_dibaca(pra)
    out = []
    for r in d.head(batas).to_dict("records"):
        rincian = f" · {r['Rincian']}" if r["Rincian"] else ""
        out.append(f"  {r['Tahun']} · {r['Wilayah']}{rincian} · {r['Kolom']}: {r['Lama → baru']}")
    if pra.jumlah > batas:
        out.append(f"  … dan {fmt.angka(pra.jumlah - batas)} sel lain")
    return out
