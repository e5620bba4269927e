"""The command line as a user runs it: exit codes and messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, table_hashes
from tkpk.toko.db import connect


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tkpk", *args], cwd=ROOT, capture_output=True, text=True,
                          check=False, timeout=120)


def test_init_twice_exits_zero_and_reports_no_change(tmp_path: Path):
    db = tmp_path / "cli.duckdb"
    first = _run("init", "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "indikator contoh" in first.stdout
    con = connect(db)
    before = table_hashes(con)
    con.close()
    second = _run("init", "--db", str(db))
    assert second.returncode == 0
    assert "tidak ada perubahan" in second.stdout
    con = connect(db)
    assert table_hashes(con) == before
    con.close()


def test_init_without_sample_loads_only_real_data(tmp_path: Path):
    db = tmp_path / "nyata.duckdb"
    assert _run("init", "--db", str(db), "--no-sample").returncode == 0
    con = connect(db)
    assert con.execute("SELECT count(*) FROM batch WHERE sampel").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM v_intervensi").fetchone()[0] == 0
    assert con.execute("SELECT p0 FROM v_kemiskinan_kabupaten WHERE tahun = 2024 AND kode_wilayah = '63.03'"
                       ).fetchone()[0] == 2.36
    con.close()


def test_a_store_locked_by_another_process_is_exit_2_with_a_clear_message(tmp_path: Path):
    db = tmp_path / "kunci.duckdb"
    assert _run("init", "--db", str(db), "--no-sample").returncode == 0
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('ok', flush=True); "
                               "time.sleep(60)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ok"
        result = _run("init", "--db", str(db))
        assert result.returncode == 2
        assert "sedang dipakai oleh proses lain" in result.stderr
        assert "Traceback" not in result.stderr
    finally:
        holder.kill()
        holder.wait()


def test_sample_command_writes_deterministic_files(tmp_path: Path):
    assert _run("sample", "--out", str(tmp_path)).returncode == 0
    assert (tmp_path / "indikator_contoh.csv").read_bytes() == (ROOT / "data/contoh/indikator_contoh.csv").read_bytes()


def test_unknown_command_is_a_usage_error():
    result = _run("tidak-ada")
    assert result.returncode == 2
    assert "usage" in result.stderr.lower()
