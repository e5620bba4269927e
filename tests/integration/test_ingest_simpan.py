"""Preview, commit, "no change", rollback and history against a real store file."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from tests.conftest import table_hashes
from tkpk.ingest import BatalGagal, baris_batch, batalkan, ingest_file, periksa, riwayat, simpan_hasil
from tkpk.ingest.simpan import simpan

V1 = b"tahun;kode_wilayah;penduduk;penduduk_miskin\n2025;63.03.01;1.000;100\n2025;63.03.02;2.000;200\n"
V2 = b"tahun;kode_wilayah;penduduk;penduduk_miskin\n2025;63.03.01;1.000;90\n2025;63.03.03;3.000;300\n"


def nilai(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], float]:
    rows = con.execute("SELECT kode_wilayah, indikator, nilai FROM v_nilai_tersimpan WHERE tahun = 2025 "
                       "AND kode_wilayah IN ('63.03.01', '63.03.02', '63.03.03')").fetchall()
    return {(k, i): v for k, i, v in rows}


def test_preview_counts_new_changed_unchanged_and_writes_every_row(con: duckdb.DuckDBPyConnection):
    b1 = ingest_file(con, V1, "v1.csv", "indikator", "ani")
    assert b1.status == "diterima" and b1.pratinjau is not None and b1.pratinjau.baru == 4
    sebelum = table_hashes(con)
    pra = periksa(con, V2, "v2.csv", "indikator")
    assert table_hashes(con) == sebelum  # preview writes nothing
    assert pra.status == "pratinjau" and pra.pratinjau is not None
    assert (pra.pratinjau.baru, pra.pratinjau.berubah, pra.pratinjau.sama) == (2, 1, 1)
    ubah = pra.pratinjau.perubahan()
    assert ubah.to_dict("records") == [{"baris": 2, "kolom": "nilai", "lama": 100.0, "baru": 90.0}]
    seen: list[float] = []
    b2 = simpan_hasil(con, pra, "budi", progres=lambda f, _t: seen.append(f))
    assert b2.status == "diterima" and seen[-1] == 1.0
    row = con.execute("SELECT jumlah_baris, oleh FROM batch WHERE batch_id = ?", [b2.batch_id]).fetchone()
    assert row == (4, "budi")
    # the unchanged row is written too: v2 restated it, so it is reported by v2 (README, "Versi data")
    assert con.execute("SELECT batch_id FROM v_nilai_tersimpan WHERE kode_wilayah = '63.03.01' AND tahun = 2025 "
                       "AND indikator = 'penduduk'").fetchone() == (b2.batch_id,)
    assert nilai(con)[("63.03.01", "jiwa_desil_1_4")] == 90  # old header, new code


def test_same_file_again_is_no_change_and_writes_nothing(con: duckdb.DuckDBPyConnection):
    ingest_file(con, V1, "v1.csv", "indikator", "ani")
    sebelum = table_hashes(con)
    again = ingest_file(con, V1, "v1-lagi.csv", "indikator", "ani")
    assert again.status == "tanpa_perubahan" and again.batch_id is None
    assert "sudah tersimpan sebagai batch" in again.ringkasan()
    assert table_hashes(con) == sebelum
    # same content in a different file (other bytes): still nothing to write
    same_values = V1.replace(b"\n", b"\r\n")
    h = ingest_file(con, same_values, "v1-crlf.csv", "indikator", "ani")
    assert h.status == "tanpa_perubahan" and "tidak ada perubahan" in h.ringkasan()
    assert table_hashes(con) == sebelum


def test_rollback_restores_exactly_the_previous_state_and_is_recorded(con: duckdb.DuckDBPyConnection):
    ingest_file(con, V1, "v1.csv", "indikator", "ani")
    sesudah_v1 = nilai(con)
    b2 = ingest_file(con, V2, "v2.csv", "indikator", "budi")
    assert nilai(con) != sesudah_v1
    assert len(baris_batch(con, b2.batch_id)) == 4
    bid = batalkan(con, b2.batch_id, "citra", "salah kirim")
    assert nilai(con) == sesudah_v1
    hist = riwayat(con).set_index("batch_id")
    assert hist.loc[b2.batch_id, "status"] == "dibatalkan"
    assert hist.loc[bid, "jenis"] == "pembatalan" and hist.loc[bid, "oleh"] == "citra"
    assert f"batch {b2.batch_id}" in hist.loc[bid, "keterangan"] and "salah kirim" in hist.loc[bid, "keterangan"]
    with pytest.raises(BatalGagal, match="sudah dibatalkan"):
        batalkan(con, b2.batch_id, "citra")
    with pytest.raises(BatalGagal, match="tidak ada"):
        batalkan(con, 999, "citra")
    with pytest.raises(BatalGagal, match="referensi"):
        batalkan(con, 1, "citra")
    # after a rollback the same file may be loaded again
    again = ingest_file(con, V2, "v2.csv", "indikator", "budi")
    assert again.status == "diterima"


def test_dry_run_and_refusal_write_nothing(con: duckdb.DuckDBPyConnection):
    sebelum = table_hashes(con)
    assert ingest_file(con, V1, "v1.csv", "indikator", "ani", dry_run=True).status == "pratinjau"
    assert ingest_file(con, b"tahun;kode_wilayah;penduduk\n2025;63.03.01;x\n", "x.csv", "indikator",
                       "ani").status == "ditolak"
    assert table_hashes(con) == sebelum


def test_failure_inside_commit_rolls_back_everything(con: duckdb.DuckDBPyConnection):
    pra = periksa(con, V1, "v1.csv", "indikator")
    sebelum = table_hashes(con)

    def gagal(f: float, _t: str) -> None:
        if f > 0:
            raise RuntimeError("disk penuh")

    with pytest.raises(RuntimeError):
        simpan_hasil(con, pra, "ani", progres=gagal)
    assert table_hashes(con) == sebelum


def test_intervensi_and_bps_changes(con: duckdb.DuckDBPyConnection):
    a = "tahun;pilar;opd;program;kode_wilayah;pagu\n2025;4;BPBD;Logistik;;100\n2025;4;BPBD;Logistik;63.03.01;50\n"
    h = ingest_file(con, a.encode(), "a.csv", "intervensi", "ani")
    assert h.status == "diterima" and h.pratinjau.baru == 2
    b = a.replace(";100\n", ";120\n")
    h2 = periksa(con, b.encode(), "b.csv", "intervensi")
    assert (h2.pratinjau.baru, h2.pratinjau.berubah, h2.pratinjau.sama) == (0, 1, 1)
    # BPS: an empty cell keeps the stored figure, so a P0-only file equal to the bundled 2,36 with the same kind
    # of source (media_bps) changes nothing
    bps = "tahun;kode_kab;p0;p1;jenis_sumber\n2024;63.03;2,36;;media_bps\n"
    h3 = periksa(con, bps.encode(), "bps.csv", "bps")
    assert h3.status == "tanpa_perubahan" and h3.pratinjau is not None and h3.pratinjau.sama == 1
    h4 = ingest_file(con, bps.replace("2,36", "2,4").encode(), "bps2.csv", "bps", "ani")
    assert h4.status == "diterima"
    row = con.execute("SELECT p0, penduduk_miskin, garis_kemiskinan FROM v_kemiskinan_kabupaten "
                      "WHERE tahun = 2024 AND kode_wilayah = '63.03'").fetchone()
    assert row == (2.4, 14461.0, 589164.0)


def test_bulk_insert_is_set_based(con: duckdb.DuckDBPyConnection):
    n = 200_000
    frame = pd.DataFrame({"tahun": 2025, "kode_wilayah": [f"X{i}" for i in range(n)], "indikator": "kk",
                          "nilai": range(n), "sumber": "uji", "_baris": range(2, n + 2)})
    mulai = time.perf_counter()
    t = simpan(con, "indikator", frame, nama_file="besar.csv", sha256="0" * 64, oleh="ani")
    assert t.jumlah_ditulis == n
    assert time.perf_counter() - mulai < 30
    assert con.execute("SELECT count(*) FROM nilai_indikator WHERE batch_id = ?", [t.batch_id]).fetchone() == (n,)


def test_history_lists_every_batch(con: duckdb.DuckDBPyConnection, tmp_path: Path):
    ingest_file(con, V1, "v1.csv", "indikator", "ani")
    hist = riwayat(con)
    assert {"batch_id", "jenis", "nama_file", "oleh", "waktu", "jumlah_baris", "status"} <= set(hist.columns)
    assert hist.iloc[0]["nama_file"] == "v1.csv"
