"""Integration-layer fixtures: a store holding the reference data only (places, OPDs, BPS series), built once per
test process, and a private copy of it per test. Files whose tests need the bundled store instead define their own
``con`` over ``store_path`` (tests/conftest.py)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from tkpk.toko.db import connect, migrate
from tkpk.toko.referensi import load_reference


@pytest.fixture(scope="session")
def ref_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Reference data only, built once and copied for each test; tests must not write to it."""
    path = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    con = connect(path)
    migrate(con)
    load_reference(con)
    con.execute("CHECKPOINT")
    con.close()
    return path


@pytest.fixture
def con(ref_store: Path, tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A private copy of the reference store."""
    path = tmp_path / "t.duckdb"
    shutil.copy(ref_store, path)
    c = connect(path)
    yield c
    c.close()
