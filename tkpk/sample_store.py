"""Writing the sample data to ``data/contoh/`` and loading those files into the store.

The files are committed: a reader can open them and see the ``DATA CONTOH (sintetis)`` label, and a test checks
that the generator still reproduces them byte for byte.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from tkpk import katalog
from tkpk.config import DATA_DIR
from tkpk.db import new_batch, transaction
from tkpk.queries import muat
from tkpk.reference import PENGGUNA_SISTEM, WAKTU_BAWAAN, already_loaded, sha256_of
from tkpk.sample import generate

SAMPLE_DIR = DATA_DIR / "contoh"
FILE_INDIKATOR = "indikator_contoh.csv"
FILE_INTERVENSI = "intervensi_contoh.csv"


def write_sample(out_dir: Path = SAMPLE_DIR) -> list[Path]:
    """Generate and write the two sample files; the same seed always gives the same bytes."""
    out_dir.mkdir(parents=True, exist_ok=True)
    contoh = generate()
    paths = [out_dir / FILE_INDIKATOR, out_dir / FILE_INTERVENSI]
    contoh.indikator.to_csv(paths[0], index=False, lineterminator="\n")
    contoh.intervensi.to_csv(paths[1], index=False, lineterminator="\n")
    return paths


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


def load_sample(con: duckdb.DuckDBPyConnection, src_dir: Path = SAMPLE_DIR) -> list[str]:
    """Load the committed sample files as two sample batches, unless the same files are already loaded."""
    loaded = []
    jobs = (("indikator", src_dir / FILE_INDIKATOR, read_indikator_long, "nilai_indikator"),
            ("intervensi", src_dir / FILE_INTERVENSI, read_intervensi, "intervensi"))
    with transaction(con) as cur:
        for jenis, path, reader, table in jobs:
            sha = sha256_of(path)
            if already_loaded(cur, jenis, sha):
                continue
            frame = reader(path)
            bid = new_batch(cur, jenis=jenis, oleh=PENGGUNA_SISTEM, nama_file=path.name, sha256=sha,
                            jumlah_baris=len(frame), sampel=True, waktu=WAKTU_BAWAAN,
                            keterangan="DATA CONTOH (sintetis), dibuat oleh `python -m tkpk sample`")
            muat(cur, table, frame.assign(batch_id=bid))
            loaded.append(f"{jenis} contoh: {len(frame)} baris")
    return loaded
