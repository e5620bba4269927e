"""A second app process on the same DuckDB file gets a clear Indonesian message, never a crash or a corrupt file.

Why it matters: DuckDB lets one process hold a file; an operator who starts the app twice (or runs an import
while the app is up) must be told why, and the store must come out intact.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, table_hashes
from tests.e2e.conftest import start_server, wait_for_app
from tkpk.toko.db import connect

pytestmark = [pytest.mark.resilience, pytest.mark.e2e]

LOCK_TEXT = "sedang dipakai oleh proses lain"


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def test_second_server_on_the_same_file_says_why(browser, store_copy: Path, tmp_path: Path):
    con = connect(store_copy)
    before = table_hashes(con)
    con.close()
    first, url1 = start_server(store_copy, tmp_path / "satu.log")
    second = None
    try:
        ctx = browser.new_context(viewport={"width": 1400, "height": 900})
        pg = ctx.new_page()
        pg.goto(url1 + "/")  # the first session opens (and from now on holds) the store
        wait_for_app(pg)
        pg.get_by_text("2,36%").first.wait_for(timeout=30_000)

        second, url2 = start_server(store_copy, tmp_path / "dua.log")
        pg2 = ctx.new_page()
        pg2.goto(url2 + "/")
        wait_for_app(pg2)
        pg2.get_by_text(LOCK_TEXT).first.wait_for(timeout=30_000)
        body = pg2.inner_text("body")
        assert "Hanya satu proses aplikasi yang boleh memakai satu berkas basis data" in body
        assert str(store_copy.parent) not in body and store_copy.name not in body, "no server path on screen"
        assert pg2.locator("[data-testid=stException]").count() == 0, "a traceback reached the user"
        assert "Traceback" not in body
        assert second.poll() is None, "the second server crashed"

        # The same refusal on the command line: exit 2 with the message, store untouched.
        cli = subprocess.run([sys.executable, "-m", "tkpk", "ingest", str(ROOT / "tests/data/upload/baik_bps.csv"),
                              "--kind", "bps", "--db", str(store_copy)], cwd=ROOT, capture_output=True, text=True,
                             timeout=120, check=False)
        assert cli.returncode == 2 and LOCK_TEXT in cli.stdout, cli.stdout + cli.stderr

        pg.reload()  # the first server keeps serving
        wait_for_app(pg)
        pg.get_by_text("2,36%").first.wait_for(timeout=30_000)
        ctx.close()
    finally:
        if second is not None:
            _stop(second)
        _stop(first)
    con = connect(store_copy)
    try:
        assert table_hashes(con) == before
    finally:
        con.close()
