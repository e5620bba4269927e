"""The whole upload in two steps the page can show separately: :func:`periksa` (read, validate, check against
the store, preview; writes nothing) and :func:`simpan_hasil` (commit). :func:`ingest_file` does both for the CLI.

No exception from a bad file escapes: reading and validation problems become messages and a refusal. Only a
failing store (disk, lock) raises, and the CLI turns that into exit code 1.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

import duckdb
import pandas as pd

from tkpk.galat import rujukan
from tkpk.ingest import simpan as sp
from tkpk.ingest.pesan import Hitungan, Pesan, ada_galat, pesan_berkas, ringkas_baris
from tkpk.ingest.reader import BacaGagal, baca
from tkpk.ingest.tersimpan import periksa_tersimpan
from tkpk.ingest.validasi import HasilValidasi, batasi, validasi
from tkpk.ingest.wilayah import Pencocok

LAPORKAN = "Kirim berkas ini beserta kode {ref} kepada pengelola dasbor; rinciannya ada di log server"

Status = Literal["diterima", "ditolak", "tanpa_perubahan", "pratinjau"]


class DitolakTersimpan(Exception):
    """The checks against the store, redone inside the commit, found an error (the store moved since the
    preview); the transaction rolls back and the upload is refused with these messages."""

    def __init__(self, pesan: list[Pesan]) -> None:
        super().__init__("; ".join(p.teks for p in pesan if p.galat))
        self.pesan = pesan


@dataclass
class Hasil:
    """Verdict of one upload. ``status``: pratinjau (checked, not yet saved), diterima (saved as ``batch_id``),
    tanpa_perubahan (nothing to write), ditolak (errors; nothing written)."""

    status: Status
    jenis: str
    nama_file: str
    sha256: str
    pesan: list[Pesan] = field(default_factory=list)
    validasi: HasilValidasi | None = None
    pratinjau: sp.Pratinjau | None = None
    batch_id: int | None = None
    pencocok: Pencocok | None = field(default=None, repr=False)
    hitungan: Hitungan | None = None  # counts of every message (validation and store checks) before the cut

    @property
    def ditolak(self) -> bool:
        return self.status == "ditolak"

    @property
    def data(self) -> pd.DataFrame:
        return self.validasi.data if self.validasi is not None else pd.DataFrame()

    def ringkasan(self, putusan: bool = True) -> str:
        """``putusan=False`` leaves out "Berkas DITOLAK …" for a caller that already says so in its heading."""
        bagian = []
        if self.validasi is not None:
            v = self.validasi
            bagian.append(ringkas_baris(v.jumlah_baris, self.hitungan or self.pesan))
        if self.ditolak and putusan:
            bagian.append("Berkas DITOLAK; tidak ada yang disimpan.")
        if self.pratinjau is not None and not self.ditolak:
            bagian.append(self.pratinjau.ringkasan())
        if self.status == "diterima" and self.batch_id is not None:
            bagian.append(f"Tersimpan sebagai batch {self.batch_id}.")
        return " ".join(bagian)

    def baris_teks(self) -> list[str]:
        """What the CLI prints: every message, then the summary."""
        out = [str(p) for p in self.pesan]
        if self.validasi is not None:
            out = [f"Berkas: {self.nama_file} ({'; '.join(self.validasi.keterangan_berkas)})", *out]
        return [*out, self.ringkasan()]


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _cek_tersimpan(cur: duckdb.DuckDBPyConnection, hasil: Hasil) -> tuple[pd.DataFrame, list[Pesan]]:
    """The checks against the store (names, plausibility) on a validated upload."""
    assert hasil.validasi is not None
    v, cocok = hasil.validasi, hasil.pencocok

    def label(kode: str) -> str:
        return cocok.label(cocok.tempat[kode]) if cocok is not None and kode in cocok.tempat else kode

    return periksa_tersimpan(cur, hasil.jenis, v.data, lambda k: v.judul.get(k, k), label)


def _hitungan(v: HasilValidasi | None, tambahan: list[Pesan]) -> Hitungan | None:
    if v is None:
        return None
    return (v.hitungan or Hitungan.dari(v.pesan)) + Hitungan.dari(tambahan)


def periksa(con: duckdb.DuckDBPyConnection, data: bytes, nama_file: str, jenis: str,
            pencocok: Pencocok | None = None, bandingkan: bool = True) -> Hasil:
    """Read, validate, check against the store and compare with it; never writes and never raises for a bad file.

    ``bandingkan=False`` skips the store for a caller that saves at once: :func:`simpan_hasil` checks and compares
    inside its transaction anyway, and on a large file each pass costs seconds.
    """
    sha = sha256_hex(data)
    hasil = Hasil("ditolak", jenis, nama_file, sha)
    try:
        tabel = baca(data, nama_file, jenis)
    except BacaGagal as exc:
        hasil.pesan.append(pesan_berkas("galat", str(exc)))
        return hasil
    except Exception as exc:  # a reader bug must still end as a message, never a traceback or a class name
        ref = rujukan(exc, f"membaca berkas unggahan {nama_file!r} (jenis {jenis})")
        hasil.pesan.append(pesan_berkas("galat", f"Berkas tidak dapat dibaca karena galat internal (kode rujukan "
                                                 f"{ref}); tidak ada yang disimpan. {LAPORKAN.format(ref=ref)}"))
        return hasil
    try:
        hasil.pencocok = pencocok or Pencocok.dari_store(con)
        hasil.validasi = validasi(tabel, jenis, hasil.pencocok, nama_file)
    except Exception as exc:
        ref = rujukan(exc, f"memeriksa berkas unggahan {nama_file!r} (jenis {jenis})")
        hasil.pesan.append(pesan_berkas(
            "galat", f"Pemeriksaan berkas gagal karena galat internal (kode rujukan {ref}); tidak ada yang disimpan. "
                     f"{LAPORKAN.format(ref=ref)}"))
        return hasil
    hasil.pesan, hasil.hitungan = list(hasil.validasi.pesan), hasil.validasi.hitungan
    if not hasil.validasi.diterima:
        return hasil
    if not bandingkan:
        hasil.status = "pratinjau"
        return hasil
    cur = con.cursor()
    try:
        hasil.validasi.data, tambahan = _cek_tersimpan(cur, hasil)
    finally:
        cur.close()
    hasil.pesan = batasi([*hasil.pesan, *tambahan])
    hasil.hitungan = _hitungan(hasil.validasi, tambahan)
    if ada_galat(tambahan):
        return hasil
    hasil.pratinjau = sp.pratinjau(con, jenis, hasil.validasi.data, sha)
    hasil.status = "tanpa_perubahan" if hasil.pratinjau.tanpa_perubahan else "pratinjau"
    return hasil


def simpan_hasil(con: duckdb.DuckDBPyConnection, hasil: Hasil, oleh: str,
                 progres: sp.Progres | None = None) -> Hasil:
    """Commit a checked upload (status pratinjau); the store checks and the comparison are redone inside the
    transaction, so a store that moved since the preview can neither slip a contradiction in nor lose a change."""
    if hasil.status not in ("pratinjau", "tanpa_perubahan") or hasil.validasi is None:
        return hasil
    if not oleh.strip():
        raise ValueError("oleh (nama pengguna) wajib diisi")
    validasi_pesan = list(hasil.validasi.pesan)

    def sesuaikan(cur: duckdb.DuckDBPyConnection, data: pd.DataFrame) -> pd.DataFrame:
        data, tambahan = _cek_tersimpan(cur, hasil)
        hasil.pesan = batasi([*validasi_pesan, *tambahan])
        hasil.hitungan = _hitungan(hasil.validasi, tambahan)
        if ada_galat(tambahan):
            raise DitolakTersimpan(tambahan)
        return data

    try:
        tersimpan = sp.simpan(con, hasil.jenis, hasil.validasi.data, nama_file=hasil.nama_file,
                              sha256=hasil.sha256, oleh=oleh, progres=progres, sesuaikan=sesuaikan,
                              sampel=hasil.validasi.sampel)
    except DitolakTersimpan:
        hasil.status, hasil.pratinjau = "ditolak", None
        return hasil
    hasil.pratinjau = tersimpan.pratinjau
    hasil.batch_id = tersimpan.batch_id
    hasil.status = "diterima" if tersimpan.batch_id is not None else "tanpa_perubahan"
    return hasil


def ingest_file(con: duckdb.DuckDBPyConnection, data: bytes, filename: str, kind: str, user: str,
                dry_run: bool = False, progres: sp.Progres | None = None) -> Hasil:
    hasil = periksa(con, data, filename, kind, bandingkan=dry_run)
    if dry_run or hasil.ditolak:
        return hasil
    return simpan_hasil(con, hasil, user, progres)
