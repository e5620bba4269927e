"""The rollback preview's indicator queries, written over the batch's own cells, give what the versioning macro
gives (issue 17: the macro ranked every row of the table before a join narrowed it, 6-10 s for any rollback
preview on the national store's 12 million indicator rows; 0,01-0,06 s now, bench/RESULTS.md).

The reference is the macro ``nilai_per_sel`` of migration 0004, the definition every page reads through
``v_nilai_tersimpan``: if the two ever drift apart, a rollback preview would promise other values than the pages
show after the rollback. The model-based test (test_model_versi.py) checks the preview against the rollback too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from tkpk.ingest import batalkan, ingest_file
from tkpk.toko.db import connect
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

DATA = Path(__file__).resolve().parents[1] / "data" / "upload"


def _pratinjau_makro() -> str:
    baru = sql("batal_pratinjau_nilai_indikator")
    return PRATINJAU_MAKRO + baru[baru.index("), d AS (\n") + len("), d AS (\n"):]


def test_the_rollback_queries_agree_with_the_macro_for_every_batch(store_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "tkpk.duckdb"
    shutil.copy(store_path, db)
    con = connect(db)
    try:
        # overlapping uploads of the same cells (restated, changed, emptied), one of them rolled back, so cells
        # have several active batches, a cancelled one, and values that fall back to an older batch
        data = (DATA / "baik_indikator_desa_koma_lf.csv").read_bytes()
        pertama = ingest_file(con, data, "a.csv", "indikator", "uji")
        teks = data.decode("utf-8").replace(",41\n", ",44\n").replace(",66\n", ",\n")
        ingest_file(con, teks.encode("utf-8"), "b.csv", "indikator", "uji")
        ketiga = ingest_file(con, teks.replace(",35\n", ",36\n").encode("utf-8"), "c.csv", "indikator", "uji")
        assert pertama.batch_id is not None and ketiga.batch_id is not None
        batalkan(con, ketiga.batch_id, "uji", "uji ulang")
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
