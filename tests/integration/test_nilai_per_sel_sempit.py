"""The queries that read the current indicator value of a few cells, written over those cells only, give what the
versioning macro gives: the rollback preview's two (issue 17: the macro ranked every row of the table before a
join narrowed it, 6-10 s for any rollback preview on the national store's 12 million indicator rows; 0,01-0,06 s
now, bench/RESULTS.md), and the upload's comparison and plausibility reads (4 s -> under 0,1 s of SQL for a
five-row file there).

The reference is the macro ``nilai_per_sel`` of migration 0004, the definition every page reads through
``v_nilai_tersimpan``: if the two ever drift apart, a rollback preview would promise other values than the pages
show after the rollback. The model-based test (test_model_versi.py) checks the preview against the rollback too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd

from tkpk.ingest import batalkan, ingest_file
from tkpk.toko.db import connect, new_batch, transaction
from tkpk.toko.queries import sql

# The same questions through the macro, as the SQL files asked them at b967a2a.
PRATINJAU_MAKRO = """
WITH k AS (
    SELECT DISTINCT tahun, kode_wilayah, indikator FROM nilai_indikator WHERE batch_id = $batch_id
), s AS (
    SELECT n.* FROM nilai_per_sel(NULL) n SEMI JOIN k USING (tahun, kode_wilayah, indikator)
), t AS (
    SELECT n.* FROM nilai_per_sel($batch_id) n SEMI JOIN k USING (tahun, kode_wilayah, indikator)
), d AS (
"""
KEWAJARAN_MAKRO = """
WITH k AS (SELECT DISTINCT tahun, kode_wilayah FROM nilai_indikator WHERE batch_id = $batch_id)
SELECT n.tahun, n.kode_wilayah, n.indikator, n.nilai, n.sampel
FROM nilai_per_sel($batch_id) n SEMI JOIN k USING (tahun, kode_wilayah)
ORDER BY n.tahun, n.kode_wilayah, n.indikator;
"""

# The upload's plausibility read as it was at b967a2a, through the view v_nilai_tersimpan; its comparison is
# derived from the current file (:func:`_banding_view`).
TERSIMPAN_VIEW = """
SELECT n.tahun, n.kode_wilayah, n.indikator, n.nilai, n.batch_id, n.sampel, b.nama_file
FROM v_nilai_tersimpan n
JOIN batch b USING (batch_id)
SEMI JOIN _kunci k ON k.tahun = n.tahun AND k.kode_wilayah = n.kode_wilayah
ORDER BY n.tahun, n.kode_wilayah, n.indikator;
"""

DATA = Path(__file__).resolve().parents[1] / "data" / "upload"


def _pratinjau_makro() -> str:
    baru = sql("batal_pratinjau_nilai_indikator")
    return PRATINJAU_MAKRO + baru[baru.index("), d AS (\n") + len("), d AS (\n"):]


def _banding_view() -> str:
    """``ingest_banding_nilai_indikator`` as it was at b967a2a: the same statuses, read through the view
    v_nilai_tersimpan instead of the narrowed ``s``, into its own temporary table."""
    baru = sql("ingest_banding_nilai_indikator")
    lama = baru[:baru.index("WITH s AS (")] + baru[baru.index("SELECT u.*"):]
    return lama.replace("LEFT JOIN s ON", "LEFT JOIN v_nilai_tersimpan s ON").replace("_banding", "_banding_lama")


def _toko_berlapis(store_path: Path, tmp_path: Path) -> duckdb.DuckDBPyConnection:
    """A copy of the bundled store with overlapping uploads of the same cells (restated, changed, emptied), one of
    them rolled back: cells with several active batches, a cancelled one, values that fall back to an older one."""
    db = tmp_path / "tkpk.duckdb"
    shutil.copy(store_path, db)
    con = connect(db)
    data = (DATA / "baik_indikator_desa_koma_lf.csv").read_bytes()
    pertama = ingest_file(con, data, "a.csv", "indikator", "uji")
    teks = data.decode("utf-8").replace(",41\n", ",44\n").replace(",66\n", ",\n")
    ingest_file(con, teks.encode("utf-8"), "b.csv", "indikator", "uji")
    ketiga = ingest_file(con, teks.replace(",35\n", ",36\n").encode("utf-8"), "c.csv", "indikator", "uji")
    assert pertama.batch_id is not None and ketiga.batch_id is not None
    batalkan(con, ketiga.batch_id, "uji", "uji ulang")
    # a newer batch holding empty cells (NULL values, which the versioning skips to the older value)
    with transaction(con) as cur:
        kosong = new_batch(cur, jenis="indikator", oleh="uji", nama_file="kosong.csv")
        cur.execute("INSERT INTO nilai_indikator (tahun, kode_wilayah, indikator, nilai, sumber, jenis_sumber, "
                    "batch_id) SELECT tahun, kode_wilayah, indikator, NULL, sumber, jenis_sumber, ? "
                    "FROM nilai_indikator WHERE batch_id = ? ORDER BY kode_wilayah, indikator LIMIT 3",
                    [kosong, pertama.batch_id])
    return con


def test_the_upload_reads_agree_with_the_view(store_path: Path, tmp_path: Path) -> None:
    """An upload of stored cells (same, changed, emptied, under another source) and new ones, compared and checked
    against the store through the narrowed queries and through v_nilai_tersimpan."""
    con = _toko_berlapis(store_path, tmp_path)
    try:
        simpan = con.execute("SELECT tahun, kode_wilayah, indikator, nilai FROM nilai_indikator "
                             "WHERE nilai IS NOT NULL ORDER BY batch_id DESC, tahun, kode_wilayah, indikator "
                             "LIMIT 40").df()
        unggah = pd.concat([
            simpan.assign(nilai=simpan["nilai"].where(simpan.index % 3 != 0, simpan["nilai"] + 1)),
            pd.DataFrame({"tahun": [2031, 2031], "kode_wilayah": ["63.03.01", "63.03.02"],
                          "indikator": ["kk", "kk"], "nilai": [1.0, None]})], ignore_index=True)
        unggah = unggah.assign(sumber=["Unggahan berkas x.csv" if i % 2 else "BPS" for i in range(len(unggah))],
                               jenis_sumber="unggahan", _baris=range(2, len(unggah) + 2))
        cur = con.cursor()
        cur.register("_unggah", unggah)
        cur.register("_kunci", unggah[["tahun", "kode_wilayah"]].drop_duplicates())
        for baru, lama in ((sql("ingest_banding_nilai_indikator"), _banding_view()),
                           (sql("ingest_tersimpan_nilai"), TERSIMPAN_VIEW)):
            a = cur.sql(baru).df().sort_values(["tahun", "kode_wilayah", "indikator"], ignore_index=True)
            b = cur.sql(lama).df().sort_values(["tahun", "kode_wilayah", "indikator"], ignore_index=True)
            pd.testing.assert_frame_equal(a, b, check_dtype=False)
            assert len(a) >= 40
        status = cur.sql(sql("ingest_banding_nilai_indikator")).df()["status"].value_counts().to_dict()
        assert status.get("baru") == 2 and status.get("berubah", 0) > 0 and status.get("sama", 0) > 0, status
        cur.close()
    finally:
        con.close()


def test_the_rollback_queries_agree_with_the_macro_for_every_batch(store_path: Path, tmp_path: Path) -> None:
    con = _toko_berlapis(store_path, tmp_path)
    try:
        batch = [int(b) for (b,) in con.execute("SELECT DISTINCT batch_id FROM nilai_indikator ORDER BY 1").fetchall()]
        assert len(batch) >= 4
        diperiksa = 0
        for bid in [*batch, -1]:  # -1: a batch without indicator values
            for baru, lama in ((sql("batal_pratinjau_nilai_indikator"), _pratinjau_makro()),
                               (sql("batal_kewajaran_nilai_indikator"), KEWAJARAN_MAKRO)):
                a = con.execute(baru, {"batch_id": bid}).df()
                b = con.execute(lama, {"batch_id": bid}).df()
                pd.testing.assert_frame_equal(a, b, check_dtype=False)
                diperiksa += len(a)
        assert diperiksa > 0
    finally:
        con.close()
