"""Rakor and their decisions, kept as append-only event logs.

Why events and not rows that are updated: a decision is quoted back to an OPD at the next meeting ("on 18
December you agreed to ..."), so nobody may be able to change what was agreed, or its status, without a trace.
Every change, a corrected typo included, writes the decision's whole new state as a new event with who and when;
the current state is the newest event (``v_keputusan``) and the history is the log (:func:`riwayat`). Withdrawing
a decision or a rakor entered by mistake is an event too.

``terlambat`` (overdue) is never stored: it follows from the deadline and today's date (:func:`tandai_terlambat`).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from datetime import date, datetime
from typing import Any

import duckdb
import pandas as pd

from tkpk import KODE_BANJAR, katalog
from tkpk.toko.db import transaction
from tkpk.toko.queries import execute, fetch, sql

STATUS: tuple[str, ...] = ("baru", "berjalan", "selesai")
LABEL_STATUS: dict[str, str] = {"baru": "Baru", "berjalan": "Berjalan", "selesai": "Selesai"}
LABEL_TERLAMBAT = "Terlambat"
PANJANG_TEKS_MAKS = 1000
PANJANG_JUDUL_MAKS = 200


class IsianGagal(ValueError):
    """What the analyst typed cannot be recorded; ``pesan`` lists every reason, in Indonesian."""

    def __init__(self, pesan: list[str]) -> None:
        super().__init__("; ".join(pesan))
        self.pesan = pesan


@dataclass(frozen=True)
class IsiRakor:
    tanggal: date
    judul: str
    tempat: str | None = None


@dataclass(frozen=True)
class IsiKeputusan:
    """The editable state of a decision: what an event records in full."""

    teks: str
    kode_opd: str | None = None
    tenggat: date | None = None
    kode_wilayah: str | None = None
    program: str | None = None
    indikator: str | None = None
    target: float | None = None
    status: str = "baru"
    catatan: str | None = None


def _teks(x: object) -> str | None:
    """Trimmed text, or None for empty input (a form's blank field). Text of spaces and invisible format characters
    only (zero-width space, word joiner, BOM: Unicode category Cf) is empty too: it showed as a blank decision
    (review finding)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    s = str(x).strip()
    return s if any(not c.isspace() and unicodedata.category(c) != "Cf" for c in s) else None


def _tanggal(x: object) -> date | None:
    if x is None or x is pd.NaT or (isinstance(x, float) and math.isnan(x)):
        return None
    if isinstance(x, datetime):
        return x.date()
    if isinstance(x, date):
        return x
    return pd.Timestamp(str(x)).date()


def rapikan(isi: IsiKeputusan) -> IsiKeputusan:
    """Blank text fields become None, so "" and "not given" are one thing in the log."""
    target = None if isi.target is None or (isinstance(isi.target, float) and math.isnan(isi.target)) \
        else float(isi.target)
    return IsiKeputusan(
        teks=(_teks(isi.teks) or ""), kode_opd=_teks(isi.kode_opd), tenggat=_tanggal(isi.tenggat),
        kode_wilayah=_teks(isi.kode_wilayah), program=_teks(isi.program), indikator=_teks(isi.indikator),
        target=target, status=(_teks(isi.status) or "baru"), catatan=_teks(isi.catatan),
    )


def _indikator_dikenal(kode: str) -> bool:
    return kode in katalog.INDIKATOR_BY_KODE or kode in katalog.INDIKATOR_BPS_BY_KODE


def periksa_rakor(isi: IsiRakor) -> list[str]:
    pesan = []
    judul = _teks(isi.judul)
    if not judul:
        pesan.append("Judul rakor wajib diisi.")
    elif len(judul) > PANJANG_JUDUL_MAKS:
        pesan.append(f"Judul rakor terlalu panjang (paling banyak {PANJANG_JUDUL_MAKS} karakter).")
    if _tanggal(isi.tanggal) is None:
        pesan.append("Tanggal rakor wajib diisi.")
    return pesan


def periksa_keputusan(isi: IsiKeputusan, tanggal_rakor: date | None, wilayah: Mapping[str, str]) -> list[str]:
    """Every reason the decision cannot be recorded (empty list: fine).

    ``wilayah`` maps the codes of Banjar's kecamatan and desa to their names: a decision's place must be one.
    """
    isi = rapikan(isi)
    pesan = []
    if not isi.teks:
        pesan.append("Isi keputusan wajib diisi.")
    elif len(isi.teks) > PANJANG_TEKS_MAKS:
        pesan.append(f"Isi keputusan terlalu panjang (paling banyak {PANJANG_TEKS_MAKS} karakter).")
    if isi.kode_opd is not None and isi.kode_opd not in katalog.OPD_BY_KODE:
        pesan.append(f"OPD \"{isi.kode_opd}\" tidak dikenal.")
    if isi.status not in STATUS:
        pesan.append(f"Status \"{isi.status}\" tidak dikenal; pilih baru, berjalan atau selesai.")
    if isi.kode_wilayah is not None and isi.kode_wilayah != KODE_BANJAR and isi.kode_wilayah not in wilayah:
        pesan.append(f"Wilayah \"{isi.kode_wilayah}\" bukan kecamatan atau desa di Kabupaten Banjar.")
    if isi.indikator is not None and not _indikator_dikenal(isi.indikator):
        pesan.append(f"Indikator \"{isi.indikator}\" tidak ada di katalog.")
    if isi.program is not None and isi.indikator is not None:
        pesan.append("Pilih program atau indikator sebagai acuan target, tidak keduanya.")
    if isi.target is not None:
        if not math.isfinite(isi.target) or isi.target < 0:
            pesan.append("Target harus angka 0 atau lebih.")
        elif isi.program is None and isi.indikator is None:
            pesan.append("Target perlu acuan: sebutkan program OPD atau indikator yang diukur.")
    if isi.tenggat is not None and tanggal_rakor is not None and isi.tenggat < tanggal_rakor:
        pesan.append("Tenggat tidak boleh sebelum tanggal rakor.")
    return pesan


def _sekarang(waktu: datetime | None) -> datetime:
    return waktu or datetime.now()


def _wilayah_banjar(cur: duckdb.DuckDBPyConnection) -> dict[str, str]:
    rows = cur.execute(sql("wilayah_kecamatan_desa")).fetchall()
    return {str(k): str(n) for k, n in rows}


def buat_rakor(con: duckdb.DuckDBPyConnection, isi: IsiRakor, *, oleh: str, sampel: bool = False,
               waktu: datetime | None = None) -> int:
    """Record a new meeting; returns its id."""
    pesan = periksa_rakor(isi)
    if pesan:
        raise IsianGagal(pesan)
    with transaction(con) as cur:
        rakor_id = int(execute(cur, "tulis_rakor_id_baru")[0])
        execute(cur, "tulis_rakor_peristiwa", {
            "rakor_id": rakor_id, "tanggal": _tanggal(isi.tanggal), "judul": _teks(isi.judul),
            "tempat": _teks(isi.tempat), "sampel": sampel, "dihapus": False, "oleh": oleh,
            "waktu": _sekarang(waktu)})
    return rakor_id


def _rakor_terakhir(cur: duckdb.DuckDBPyConnection, rakor_id: int) -> dict[str, Any]:
    row = execute(cur, "rakor_terakhir", {"rakor_id": rakor_id})
    if row is None:
        raise IsianGagal([f"Rakor {rakor_id} tidak ada."])
    return dict(zip(("rakor_id", "tanggal", "judul", "tempat", "sampel", "dihapus"), row, strict=True))


def ubah_rakor(con: duckdb.DuckDBPyConnection, rakor_id: int, isi: IsiRakor, *, oleh: str,
               waktu: datetime | None = None) -> bool:
    """Record a rakor's corrected date, title or place; False (and nothing written) when nothing changed."""
    pesan = periksa_rakor(isi)
    if pesan:
        raise IsianGagal(pesan)
    with transaction(con) as cur:
        lama = _rakor_terakhir(cur, rakor_id)
        if lama["dihapus"]:
            raise IsianGagal([f"Rakor {rakor_id} sudah ditarik."])
        baru = {"tanggal": _tanggal(isi.tanggal), "judul": _teks(isi.judul), "tempat": _teks(isi.tempat)}
        if all(lama[k] == v for k, v in baru.items()):
            return False
        dini = cur.execute(sql("keputusan_tenggat_sebelum"),
                           {"rakor_id": rakor_id, "tanggal": baru["tanggal"]}).fetchall()
        if dini:
            daftar = ", ".join(f"keputusan {k} ({t:%d-%m-%Y})" for k, t in dini[:5])
            lain = f" dan {len(dini) - 5} lainnya" if len(dini) > 5 else ""
            raise IsianGagal([f"Tanggal rakor tidak boleh sesudah tenggat keputusannya sendiri: {daftar}{lain}. "
                              "Perbaiki dulu tenggat keputusan itu, atau periksa tanggal rakor."])
        execute(cur, "tulis_rakor_peristiwa", {**baru, "rakor_id": rakor_id, "sampel": lama["sampel"],
                                               "dihapus": False, "oleh": oleh, "waktu": _sekarang(waktu)})
    return True


def tarik_rakor(con: duckdb.DuckDBPyConnection, rakor_id: int, *, oleh: str, waktu: datetime | None = None) -> None:
    """Withdraw a rakor entered by mistake (its decisions leave the lists with it); the log keeps it all."""
    with transaction(con) as cur:
        lama = _rakor_terakhir(cur, rakor_id)
        if lama["dihapus"]:
            return
        execute(cur, "tulis_rakor_peristiwa", {**{k: lama[k] for k in ("tanggal", "judul", "tempat", "sampel")},
                                               "rakor_id": rakor_id, "dihapus": True, "oleh": oleh,
                                               "waktu": _sekarang(waktu)})


def _tulis_keputusan(cur: duckdb.DuckDBPyConnection, keputusan_id: int, rakor_id: int, isi: IsiKeputusan, *,
                     dihapus: bool, sampel: bool, oleh: str, waktu: datetime) -> None:
    execute(cur, "tulis_keputusan_peristiwa", {**asdict(isi), "keputusan_id": keputusan_id, "rakor_id": rakor_id,
                                               "dihapus": dihapus, "sampel": sampel, "oleh": oleh, "waktu": waktu})


def catat_keputusan(con: duckdb.DuckDBPyConnection, rakor_id: int, isi: IsiKeputusan, *, oleh: str,
                    sampel: bool = False, waktu: datetime | None = None) -> int:
    """Record a new decision of a rakor; returns its id. Refused with every reason when the input is wrong."""
    isi = rapikan(isi)
    with transaction(con) as cur:
        rakor = _rakor_terakhir(cur, rakor_id)
        if rakor["dihapus"]:
            raise IsianGagal([f"Rakor {rakor_id} sudah ditarik."])
        pesan = periksa_keputusan(isi, rakor["tanggal"], _wilayah_banjar(cur))
        if pesan:
            raise IsianGagal(pesan)
        keputusan_id = int(execute(cur, "tulis_keputusan_id_baru")[0])
        _tulis_keputusan(cur, keputusan_id, rakor_id, isi, dihapus=False, sampel=sampel or bool(rakor["sampel"]),
                         oleh=oleh, waktu=_sekarang(waktu))
    return keputusan_id


def _keputusan_terakhir(cur: duckdb.DuckDBPyConnection, keputusan_id: int) -> tuple[int, IsiKeputusan, bool, bool]:
    row = execute(cur, "keputusan_terakhir", {"keputusan_id": keputusan_id})
    if row is None:
        raise IsianGagal([f"Keputusan {keputusan_id} tidak ada."])
    (_, rakor_id, teks, kode_opd, tenggat, kode_wilayah, program, indikator, target, status, catatan, dihapus,
     sampel) = row
    isi = IsiKeputusan(teks, kode_opd, tenggat, kode_wilayah, program, indikator, target, status, catatan)
    return int(rakor_id), isi, bool(dihapus), bool(sampel)


_BIDANG = {f.name for f in fields(IsiKeputusan)}


def ubah_keputusan(con: duckdb.DuckDBPyConnection, keputusan_id: int, *, oleh: str, waktu: datetime | None = None,
                   **perubahan: object) -> bool:
    """Record a change (status, deadline, text ...) as a new event; False (nothing written) when nothing changed."""
    tidak_dikenal = set(perubahan) - _BIDANG
    if tidak_dikenal:
        raise TypeError(f"bidang tidak dikenal: {sorted(tidak_dikenal)}")
    with transaction(con) as cur:
        rakor_id, lama, dihapus, sampel = _keputusan_terakhir(cur, keputusan_id)
        if dihapus:
            raise IsianGagal([f"Keputusan {keputusan_id} sudah ditarik."])
        rakor = _rakor_terakhir(cur, rakor_id)
        if rakor["dihapus"]:  # a withdrawn rakor's decisions are history, not work
            raise IsianGagal([f"Rakor {rakor_id} sudah ditarik; keputusannya tidak dapat diubah."])
        baru = rapikan(replace(lama, **perubahan))  # type: ignore[arg-type]
        if baru == rapikan(lama):
            return False
        pesan = periksa_keputusan(baru, rakor["tanggal"], _wilayah_banjar(cur))
        if pesan:
            raise IsianGagal(pesan)
        _tulis_keputusan(cur, keputusan_id, rakor_id, baru, dihapus=False, sampel=sampel, oleh=oleh,
                         waktu=_sekarang(waktu))
    return True


def tarik_keputusan(con: duckdb.DuckDBPyConnection, keputusan_id: int, *, oleh: str,
                    waktu: datetime | None = None, alasan: str | None = None) -> None:
    """Withdraw a decision recorded by mistake; it leaves the lists, and its history stays. ``alasan`` (why it
    was withdrawn) becomes the withdrawal event's note."""
    with transaction(con) as cur:
        rakor_id, lama, dihapus, sampel = _keputusan_terakhir(cur, keputusan_id)
        if dihapus:
            return
        isi = replace(lama, catatan=f"ditarik: {_teks(alasan)}") if _teks(alasan) else lama
        _tulis_keputusan(cur, keputusan_id, rakor_id, isi, dihapus=True, sampel=sampel, oleh=oleh,
                         waktu=_sekarang(waktu))


def peringatan_keputusan(con: duckdb.DuckDBPyConnection, isi: IsiKeputusan) -> list[str]:
    """Warnings (the decision is still recorded): a program the responsible OPD has never reported or planned
    under that name, in any year, so no report can ever suggest its status; with the stored name it most resembles.
    Nothing when the store holds no program of the OPD at all (nothing to compare with)."""
    from rapidfuzz import fuzz, process

    from tkpk.nama import kunci_nama

    isi = rapikan(isi)
    if isi.program is None or isi.kode_opd is None:
        return []
    tersimpan = fetch(con, "ingest_program_opd", {"opd": [isi.kode_opd]})
    if tersimpan.empty:
        return []
    nama = {kunci_nama(p): str(p) for p in tersimpan["program"]}
    kunci = kunci_nama(isi.program)
    if kunci in nama:
        return []
    opd = katalog.OPD_BY_KODE[isi.kode_opd].nama_singkat if isi.kode_opd in katalog.OPD_BY_KODE else isi.kode_opd
    teks = (f"Program \"{isi.program}\" belum pernah dilaporkan oleh OPD ini ({opd}); saran status dari laporan "
            "tidak akan menemukannya.")
    dekat = process.extractOne(kunci, list(nama), scorer=fuzz.ratio, score_cutoff=85.0)
    if dekat is not None:
        teks += (f" Nama ini mirip dengan \"{nama[dekat[0]]}\" yang sudah tersimpan: bila itu yang dimaksud, tulis "
                 "persis.")
    return [teks]


def pilihan_tempat(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Places a decision may name, by code: "Kec. Martapura", "Tambak Anyar — Martapura"; "" = no place given,
    :data:`tkpk.KODE_BANJAR` = explicitly the whole kabupaten (the two are told apart on every list)."""
    w = fetch(con, "wilayah_banjar")
    out = {"": "— tanpa lokasi —", KODE_BANJAR: "Seluruh Kabupaten Banjar"}
    for r in w.itertuples(index=False):
        out[str(r.kode)] = f"Kec. {r.nama}" if r.tingkat == "kecamatan" else f"{r.nama} — {r.nama_kec}"
    return out


def daftar_rakor(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every rakor, newest meeting first."""
    return fetch(con, "rakor_daftar")


@dataclass(frozen=True)
class PasanganRakor:
    """The rakor on the agenda now and the one before it, whose decisions the meeting follows up."""

    sekarang: dict[str, Any] | None
    sebelumnya: dict[str, Any] | None


def pilih_rakor(daftar: pd.DataFrame, rakor_id: int | None = None) -> PasanganRakor:
    """The chosen rakor (the latest by date when none is chosen or the choice is gone) and the one before it."""
    if daftar.empty:
        return PasanganRakor(None, None)
    urut = daftar.sort_values(["tanggal", "rakor_id"], ascending=False).reset_index(drop=True)
    cocok = urut.index[urut["rakor_id"] == rakor_id].tolist() if rakor_id is not None else []
    i = cocok[0] if cocok else 0
    sekarang = urut.iloc[i].to_dict()
    sebelumnya = urut.iloc[i + 1].to_dict() if i + 1 < len(urut) else None
    return PasanganRakor(sekarang, sebelumnya)


def tandai_terlambat(keputusan: pd.DataFrame, hari_ini: date) -> pd.DataFrame:
    """Add ``terlambat`` (deadline passed, not done) and ``status_tampil`` (the label a list shows)."""
    tenggat = pd.to_datetime(keputusan["tenggat"], errors="coerce")
    terlambat = tenggat.notna() & (tenggat < pd.Timestamp(hari_ini)) & (keputusan["status"] != "selesai")
    label = keputusan["status"].map(LABEL_STATUS).fillna(keputusan["status"])
    tampil = label.where(~terlambat, label + " · " + LABEL_TERLAMBAT)
    return keputusan.assign(terlambat=terlambat.astype(bool), status_tampil=tampil)


def keputusan_rakor(con: duckdb.DuckDBPyConnection, rakor_id: int, hari_ini: date) -> pd.DataFrame:
    """The current state of every decision of one rakor, with ``terlambat`` as of ``hari_ini``."""
    return tandai_terlambat(fetch(con, "rakor_keputusan", {"rakor_id": rakor_id}), hari_ini)


def riwayat(con: duckdb.DuckDBPyConnection, keputusan_id: int) -> pd.DataFrame:
    """Every event of one decision, oldest first, with what changed since the event before."""
    log = fetch(con, "keputusan_riwayat", {"keputusan_id": keputusan_id})
    bidang = [f.name for f in fields(IsiKeputusan)] + ["dihapus"]
    berubah = []
    for i in range(len(log)):
        if i == 0:
            berubah.append("dicatat")
            continue
        sebelum, sesudah = log.iloc[i - 1], log.iloc[i]
        beda = [b for b in bidang if not _sama(sebelum[b], sesudah[b])]
        berubah.append(", ".join("ditarik" if b == "dihapus" else b for b in beda) or "tanpa perubahan")
    return log.assign(berubah=berubah)


def _sama(a: object, b: object) -> bool:
    kosong_a, kosong_b = pd.isna(a), pd.isna(b)  # type: ignore[arg-type]
    if kosong_a or kosong_b:
        return bool(kosong_a and kosong_b)
    return bool(a == b)
