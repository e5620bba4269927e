"""Writing the sample data to ``data/contoh/`` and loading those files into the store.

The files are committed: a reader can open them and see the ``DATA CONTOH (sintetis)`` label, and a test checks
that the generator still reproduces them byte for byte.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd

from tkpk import katalog
from tkpk.config import DATA_DIR
from tkpk.contoh import rakor as contoh_rakor
from tkpk.contoh.register import generate
from tkpk.toko.db import new_batch, transaction
from tkpk.toko.queries import execute, scalar, sisipkan
from tkpk.toko.referensi import PENGGUNA_SISTEM, WAKTU_BAWAAN, already_loaded, sha256_of

DIR_CONTOH = DATA_DIR / "contoh"
FILE_INDIKATOR = "indikator_contoh.csv"
FILE_INTERVENSI = "intervensi_contoh.csv"
FILE_RENCANA = "rencana_contoh.csv"
FILE_RAKOR = "rakor_contoh.csv"
FILE_KEPUTUSAN = "keputusan_contoh.csv"
KETERANGAN = "DATA CONTOH (sintetis), dibuat oleh `python -m tkpk sample`"


def tulis_contoh(out_dir: Path = DIR_CONTOH) -> list[Path]:
    """Generate and write every sample file; the same seed always gives the same bytes."""
    out_dir.mkdir(parents=True, exist_ok=True)
    contoh = generate()
    rakor = contoh_rakor.generate(contoh.indikator, contoh.intervensi)
    berkas = {FILE_INDIKATOR: contoh.indikator, FILE_INTERVENSI: contoh.intervensi, **rakor.laporan,
              FILE_RENCANA: rakor.rencana, FILE_RAKOR: rakor.rakor, FILE_KEPUTUSAN: rakor.keputusan}
    paths = []
    for nama, frame in berkas.items():
        if frame.empty:  # a quarter in which no OPD reported late has no late file
            (out_dir / nama).unlink(missing_ok=True)
            continue
        frame.to_csv(out_dir / nama, index=False, lineterminator="\n")
        paths.append(out_dir / nama)
    return paths


def berkas_laporan() -> list[tuple[str, datetime]]:
    """The quarterly report files of the sample, with the time each is loaded (see :data:`contoh_rakor.JADWAL`)."""
    return [(contoh_rakor.nama_berkas_laporan(q, telat), contoh_rakor.jadwal(q, telat))
            for q in contoh_rakor.PORSI_LAPOR for telat in (False, True)]


def read_indikator_long(path: Path) -> pd.DataFrame:
    wide = pd.read_csv(path, dtype={"kode_wilayah": str, "nama_wilayah": str, "sumber": str})
    long = wide.melt(id_vars=["tahun", "kode_wilayah", "sumber"], value_vars=list(katalog.INDIKATOR_TERSIMPAN),
                     var_name="indikator", value_name="nilai")
    long = long.dropna(subset=["nilai"]).assign(jenis_sumber="contoh")
    return long[["tahun", "kode_wilayah", "indikator", "nilai", "sumber", "jenis_sumber"]].reset_index(drop=True)


def read_intervensi(path: Path) -> pd.DataFrame:
    raw = pd.read_csv(path, dtype={"kode_wilayah": str, "opd": str, "program": str, "kegiatan": str,
                                   "satuan_output": str, "sumber_dana": str, "keterangan": str, "sumber": str})
    kode_opd = {o.nama_singkat: o.kode for o in katalog.OPD}
    frame = raw.drop(columns=["opd", "nama_wilayah"]).assign(kode_opd=raw["opd"].map(kode_opd))
    if frame["kode_opd"].isna().any():
        raise ValueError("OPD tidak dikenal di berkas contoh")
    return frame


def read_rencana(path: Path) -> pd.DataFrame:
    raw = pd.read_csv(path, dtype={"kode_wilayah": str, "opd": str, "program": str, "kegiatan": str,
                                   "satuan_output": str, "keterangan": str, "sumber": str})
    kode_opd = {o.nama_singkat: o.kode for o in katalog.OPD}
    frame = raw.drop(columns=["opd"]).assign(kode_opd=raw["opd"].map(kode_opd))
    if frame["kode_opd"].isna().any():
        raise ValueError("OPD tidak dikenal di berkas rencana contoh")
    return frame


def muat_contoh(con: duckdb.DuckDBPyConnection, src_dir: Path = DIR_CONTOH) -> list[str]:
    """Load the committed sample files as sample batches, unless the same files are already loaded; the sample
    rakor and its decisions once (they are events, not batches: withdrawn by an analyst, they stay withdrawn)."""
    loaded = []
    jobs = [("indikator", src_dir / FILE_INDIKATOR, read_indikator_long, "nilai_indikator", WAKTU_BAWAAN),
            ("intervensi", src_dir / FILE_INTERVENSI, read_intervensi, "intervensi", WAKTU_BAWAAN),
            *[("intervensi", src_dir / nama, read_intervensi, "intervensi", waktu)
              for nama, waktu in berkas_laporan()],
            ("rencana", src_dir / FILE_RENCANA, read_rencana, "rencana_aksi", WAKTU_BAWAAN)]
    with transaction(con) as cur:
        for jenis, path, reader, table, waktu in jobs:
            if not path.exists():
                continue
            sha = sha256_of(path)
            if already_loaded(cur, jenis, sha):
                continue
            frame = reader(path)
            if frame.empty:
                continue
            bid = new_batch(cur, jenis=jenis, oleh=PENGGUNA_SISTEM, nama_file=path.name, sha256=sha,
                            jumlah_baris=len(frame), sampel=True, waktu=waktu, keterangan=KETERANGAN)
            sisipkan(cur, table, frame.assign(batch_id=bid))
            loaded.append(f"{jenis} contoh ({path.name}): {len(frame)} baris")
        if (src_dir / FILE_RAKOR).exists() and not scalar(cur, "rakor_contoh_ada"):
            n = _muat_rakor(cur, src_dir)
            loaded.append(f"rakor contoh: {n} peristiwa keputusan")
    return loaded


def _muat_rakor(cur: duckdb.DuckDBPyConnection, src_dir: Path) -> int:
    """The sample rakor and the events of their decisions, under fresh ids."""
    rakor = pd.read_csv(src_dir / FILE_RAKOR, dtype={"judul": str, "tempat": str})
    peristiwa = pd.read_csv(src_dir / FILE_KEPUTUSAN, dtype={"teks": str, "kode_opd": str, "kode_wilayah": str,
                                                             "program": str, "indikator": str, "catatan": str})
    peristiwa = peristiwa.astype(object).where(peristiwa.notna(), None)
    id_rakor, id_keputusan = {}, {}
    for r in rakor.itertuples(index=False):
        id_rakor[r.rakor] = int(execute(cur, "tulis_rakor_id_baru")[0])
        execute(cur, "tulis_rakor_peristiwa", {
            "rakor_id": id_rakor[r.rakor], "tanggal": r.tanggal, "judul": r.judul, "tempat": r.tempat,
            "sampel": True, "dihapus": False, "oleh": contoh_rakor.OLEH_CONTOH, "waktu": f"{r.tanggal} 09:00:00"})
    for e in peristiwa.itertuples(index=False):
        kunci = (e.rakor, e.keputusan)
        if kunci not in id_keputusan:
            id_keputusan[kunci] = int(execute(cur, "tulis_keputusan_id_baru")[0])
        execute(cur, "tulis_keputusan_peristiwa", {
            "keputusan_id": id_keputusan[kunci], "rakor_id": id_rakor[e.rakor], "teks": e.teks,
            "kode_opd": e.kode_opd, "tenggat": e.tenggat, "kode_wilayah": e.kode_wilayah, "program": e.program,
            "indikator": e.indikator, "target": e.target, "status": e.status, "catatan": e.catatan,
            "dihapus": False, "sampel": True, "oleh": e.oleh, "waktu": e.waktu})
    return len(peristiwa)
