"""A deterministic national-scale store in the app's schema, cached under ``bench/out/`` by generator version.

Why: the pages must keep working when the store holds the whole country (issue 8). The store starts as the
bundled one (real Kalimantan Selatan figures and the labelled Banjar sample, so every page still has its
kabupaten), then gains 37 synthetic provinces up to 38 provinces, 514 kab/kota, 7,277 kecamatan and 83,000
desa, 15 years of every stored indicator per desa and kecamatan, 1,000,000 intervention rows and a grid cell
for every place. All synthetic rows sit in batches marked ``sampel`` and named "Sintetis", with codes that
never start with 63, so nothing synthetic can pass for Banjar. Bulk work is DuckDB SQL (``bench/sql``), not
Python loops: the whole build takes about a minute on two cores.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from tkpk import katalog
from tkpk.bangun import init_store
from tkpk.toko.db import connect, new_batch, transaction

VERSI = 1
OUT = Path(__file__).resolve().parent / "out"
SQL = Path(__file__).resolve().parent / "sql" / "nasional.sql"
SUMBER = "DATA SINTETIS NASIONAL (bench, bukan data riil)"
WAKTU = datetime(2026, 11, 2)


@dataclass(frozen=True)
class Ukuran:
    """Targets for the whole store, including Kalimantan Selatan's real rows (1 province, 13 kab/kota,
    Banjar's 20 kecamatan and 290 desa), so the synthetic part makes up the difference."""

    provinsi: int = 38
    kabkota: int = 514
    kecamatan: int = 7_277
    desa: int = 83_000
    intervensi: int = 1_000_000
    tahun_awal: int = 2010
    tahun_akhir: int = 2024


NASIONAL = Ukuran()


def statements() -> dict[str, str]:
    """The named statements of ``bench/sql/nasional.sql``."""
    parts = re.split(r"^-- name: (\w+)\s*$", SQL.read_text(encoding="utf-8"), flags=re.M)
    return {parts[i]: parts[i + 1].strip() for i in range(1, len(parts), 2)}


def build(con: duckdb.DuckDBPyConnection, u: Ukuran = NASIONAL) -> dict[str, float]:
    """Fill a migrated store; returns seconds per step."""
    init_store(con)
    base = dict(con.execute("SELECT tingkat, count(*) FROM wilayah GROUP BY 1").fetchall())
    kab = u.kabkota - base.get("kabupaten", 0) - base.get("kota", 0)
    kec = u.kecamatan - base.get("kecamatan", 0)
    desa = u.desa - base.get("desa", 0) - base.get("kelurahan", 0)
    sql = statements()
    stored = [i.kode for i in katalog.INDIKATOR if not i.pembilang]
    took: dict[str, float] = {}
    common = {"sumber": SUMBER, "tahun_awal": u.tahun_awal, "tahun_akhir": u.tahun_akhir}
    with transaction(con) as cur:
        t = time.perf_counter()
        cur.execute(sql["tempat"], {"n_prov": u.provinsi - 1, "n_kab": kab, "n_kec": kec, "n_desa": desa})
        n_tempat = cur.execute("SELECT count(*) FROM _tempat").fetchone()[0]
        bid = new_batch(cur, jenis="referensi", oleh="bench", nama_file="nasional (sintetis)", sampel=True,
                        jumlah_baris=2 * n_tempat, waktu=WAKTU, keterangan=SUMBER)
        cur.execute(sql["wilayah"], {"batch": bid})
        cur.execute(sql["batas"], {"batch": bid, "sumber": SUMBER})
        took["wilayah + batas"] = time.perf_counter() - t

        t = time.perf_counter()
        bid = new_batch(cur, jenis="bps", oleh="bench", nama_file="bps (sintetis)", sampel=True, waktu=WAKTU,
                        keterangan=SUMBER)
        cur.execute(sql["bps"], {**common, "batch": bid})
        took["bps"] = time.perf_counter() - t

        t = time.perf_counter()
        bid = new_batch(cur, jenis="indikator", oleh="bench", nama_file="indikator (sintetis)", sampel=True,
                        waktu=WAKTU, keterangan=SUMBER)
        cur.execute(sql["indikator_desa"], {**common, "batch": bid, "indikator": stored})
        cur.execute(sql["indikator_kecamatan"], {"sumber": SUMBER, "batch": bid})
        took["nilai_indikator"] = time.perf_counter() - t

        t = time.perf_counter()
        bid = new_batch(cur, jenis="intervensi", oleh="bench", nama_file="intervensi (sintetis)", sampel=True,
                        jumlah_baris=u.intervensi, waktu=WAKTU, keterangan=SUMBER)
        cur.execute(sql["intervensi"], {
            **common, "batch": bid, "n_intervensi": u.intervensi,
            "opd": [o.kode for o in katalog.OPD], "pilar": [o.pilar for o in katalog.OPD]})
        took["intervensi"] = time.perf_counter() - t
        cur.execute("DROP TABLE _tempat")
        cur.execute("UPDATE batch SET jumlah_baris = (SELECT count(*) FROM nilai_indikator WHERE batch_id = ?) "
                    "WHERE batch_id = ?", [bid - 1, bid - 1])
    t = time.perf_counter()
    con.execute("CHECKPOINT")
    took["checkpoint"] = time.perf_counter() - t
    return took


def national_store(u: Ukuran = NASIONAL, out: Path = OUT) -> Path:
    """The cached store for this generator version, built (to a temporary name, then renamed) when missing."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"nasional-v{VERSI}.duckdb"
    if path.exists():
        return path
    tmp = path.with_suffix(".tmp")
    for stale in (tmp, Path(str(tmp) + ".wal")):
        stale.unlink(missing_ok=True)
    con = connect(tmp)
    try:
        took = build(con, u)
    finally:
        con.close()
    tmp.rename(path)
    print("nasional:", ", ".join(f"{k} {v:.1f} s" for k, v in took.items()))
    return path


def counts(db: Path) -> dict[str, int]:
    """Rows per level and table, for RESULTS.md."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = dict(con.execute("SELECT tingkat, count(*) FROM wilayah GROUP BY 1 ORDER BY 1").fetchall())
        for t in ("batas_wilayah", "nilai_indikator", "intervensi", "kemiskinan_kabupaten"):
            out[t] = con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
    finally:
        con.close()
    return out


if __name__ == "__main__":
    t0 = time.perf_counter()
    p = national_store()
    print(p, counts(p), f"{time.perf_counter() - t0:.1f} s")
