"""A process killed with SIGKILL in the middle of an ingest leaves the store exactly as before that ingest.

Why two tests: the first kills a writer deterministically inside its open transaction (after some chunks are
inserted), which proves the property; the second kills the real ``python -m tkpk ingest`` at several moments of
its run, where the commit may or may not have happened, and checks the store is then either untouched or holds
the whole file, never part of it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bench.intervensi_csv import kode_desa, tulis_csv
from tests.conftest import ROOT, table_hashes
from tkpk.toko.db import connect

pytestmark = pytest.mark.resilience

WRITER = textwrap.dedent("""
    import sys
    import pandas as pd
    from tkpk.toko.db import connect, new_batch, transaction
    from tkpk.toko.queries import sisipkan

    con = connect(sys.argv[1])
    template = con.execute("SELECT * EXCLUDE (sampel) FROM v_intervensi LIMIT 1000").df()
    with transaction(con) as cur:
        bid = new_batch(cur, jenis="intervensi", oleh="uji-bunuh", nama_file="besar.csv", jumlah_baris=10**6)
        for k in range(1000):
            chunk = pd.concat([template] * 20, ignore_index=True).assign(
                batch_id=bid, kegiatan=[f"potong {k} baris {i}" for i in range(len(template) * 20)])
            sisipkan(cur, "intervensi", chunk)
            print("potong", k, flush=True)
    print("selesai", flush=True)
""")


def _hashes(db: Path) -> dict[str, str]:
    con = connect(db)
    try:
        return table_hashes(con)
    finally:
        con.close()


def _app_starts(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The app starts normally on the store afterwards and shows the real 2024 headline."""
    cli = subprocess.run([sys.executable, "-m", "tkpk", "init", "--db", str(db)], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, check=False)
    assert cli.returncode == 0, cli.stdout + cli.stderr
    monkeypatch.setenv("TKPK_DB", str(db))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    assert any(m.value == "2,36%" for m in at.metric)


def test_sigkill_inside_the_transaction_leaves_the_store_as_before(store_copy: Path, monkeypatch):
    before = _hashes(store_copy)
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(store_copy)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        deadline = time.monotonic() + 60
        for line in proc.stdout:
            if line.startswith("potong 3"):  # 80,000 rows inserted, transaction open
                break
            assert time.monotonic() < deadline, "writer too slow"
        else:
            pytest.fail("writer ended before it was killed: " + proc.stderr.read())
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert _hashes(store_copy) == before
    _app_starts(store_copy, monkeypatch)
    assert _hashes(store_copy) == before  # the restart loaded nothing behind the analyst's back


def _summary(db: Path) -> tuple[dict[str, str], int, list[tuple]]:
    con = connect(db)
    try:
        h = table_hashes(con)
        n = con.execute("SELECT count(*) FROM intervensi").fetchone()[0]
        batches = con.execute("SELECT jenis, jumlah_baris, status FROM batch ORDER BY batch_id").fetchall()
    finally:
        con.close()
    return h, n, batches


def test_sigkill_during_cli_ingest_is_all_or_nothing(store_copy: Path, tmp_path: Path, monkeypatch):
    rows = 40_000
    csv = tulis_csv(tmp_path / "besar.csv", rows, kode_desa(store_copy))
    pristine = tmp_path / "asli.duckdb"
    pristine.write_bytes(store_copy.read_bytes())
    before, n_before, batches_before = _summary(pristine)
    cmd = [sys.executable, "-m", "tkpk", "ingest", str(csv), "--kind", "intervensi", "--db"]

    t0 = time.monotonic()
    full = subprocess.run([*cmd, str(store_copy)], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          check=False)
    duration = time.monotonic() - t0
    assert full.returncode == 0, full.stdout

    outcomes = []
    for frac in (0.3, 0.6, 0.85, 0.95, 0.99):
        db = tmp_path / f"bunuh_{frac}.duckdb"
        db.write_bytes(pristine.read_bytes())
        proc = subprocess.Popen([*cmd, str(db)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * frac)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        h, n, batches = _summary(db)
        if h == before:
            outcomes.append("sebelum")
        else:  # committed: the whole file, as one active batch, and nothing else changed
            assert n == n_before + rows, (frac, n)
            assert batches[:-1] == batches_before and batches[-1] == ("intervensi", rows, "aktif"), batches
            assert {k: v for k, v in h.items() if k not in ("intervensi", "batch")} == \
                   {k: v for k, v in before.items() if k not in ("intervensi", "batch")}
            outcomes.append("utuh")
    assert "sebelum" in outcomes, outcomes  # at least one kill landed before the commit
    _app_starts(tmp_path / "bunuh_0.3.duckdb", monkeypatch)
