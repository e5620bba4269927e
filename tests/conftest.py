"""Shared fixtures: a store built once per test session on a temporary file, and fresh stores per test."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from tkpk.bangun import init_path
from tkpk.toko.db import connect, migrate

ROOT = Path(__file__).resolve().parent.parent
# Tests marked ``uji_penuh`` run a reduced number of examples in `make test` and all of them in `make test-full`.
UJI_PENUH = os.environ.get("TKPK_UJI_PENUH") == "1"


def jumlah_contoh(cepat: int, penuh: int) -> int:
    """The example count of a ``uji_penuh`` test: ``cepat`` in the fast loop, ``penuh`` in `make test-full`."""
    return penuh if UJI_PENUH else cepat


@pytest.fixture(autouse=True)
def argon2_murah(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process tests hash and check passwords with argon2id at its smallest cost (m=8 KiB, t=1), the way
    Django's tests swap in a fast hasher: the deployed cost (0,2 s a check here) made the account and login tests
    about 40 s of the fast loop. Only the cost changes; the code path, the hash format and the checks on it are the
    same. Tests marked ``argon2_asli`` keep the deployed hasher (tests/unit/test_auth.py checks its parameters), and
    so do the browser and resilience layers: the accounts they write are checked by a served app, whose logins,
    lockouts and concurrent sessions must run at the deployed cost (argon2 checks at the cost stored in the hash)."""
    if any(request.node.get_closest_marker(m) for m in ("argon2_asli", "e2e", "resilience")):
        return
    import secrets

    from argon2 import PasswordHasher

    from tkpk.akun import lokal

    murah = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr(lokal, "_HASHER", murah)
    monkeypatch.setattr(lokal, "_HASH_PALSU", murah.hash(secrets.token_urlsafe(32)))


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled store (real reference data + sample data), built once; tests must not write to it."""
    path = tmp_path_factory.mktemp("store") / "tkpk.duckdb"
    init_path(path)
    return path


@pytest.fixture(scope="session")
def ekspor_2024(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole 2024 export (workbook, PDFs, chart images) as ``python -m tkpk export`` writes it, built once per
    test process and read by every test that checks an exported file. It exports a copy of the store: the export
    opens its file read-only, which DuckDB refuses while this process holds the same file open (AppTest's cached
    connection)."""
    from tkpk.cli import main

    salinan = tmp_path_factory.mktemp("ekspor_db") / "tkpk.duckdb"
    shutil.copy(store_path, salinan)
    out = tmp_path_factory.mktemp("ekspor")
    assert main(["export", "--year", "2024", "--out", str(out), "--db", str(salinan)]) == 0
    return out


@pytest.fixture
def fresh_con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A migrated, empty store on its own temporary file."""
    con = connect(tmp_path / "kosong.duckdb")
    migrate(con)
    yield con
    con.close()


@pytest.fixture
def app_env(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app at the session store and run from the project root, as `make run` does."""
    monkeypatch.setenv("TKPK_DB", str(store_path))
    monkeypatch.chdir(ROOT)
    return store_path


def table_hashes(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """A content hash of every table, to prove that a refused operation changed nothing."""
    out = {}
    tables = [r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' ORDER BY 1").fetchall()]
    for t in tables:
        row = con.execute(f'SELECT count(*), coalesce(sum(hash(COLUMNS(*))), 0) FROM "{t}"').fetchone()
        out[t] = repr(row)
    return out


os.environ.setdefault("STREAMLIT_BROWSER_GATHER_USAGE_STATS", "false")
