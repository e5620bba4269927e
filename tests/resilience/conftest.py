"""Resilience layer: crashes mid-write, a second process on the same file, concurrent sessions.

Everything is bounded (fixed sizes and deadlines) and loopback-only. The browser fixtures are the e2e layer's,
so a missing chromium skips locally and fails under REQUIRE_BROWSER=1 exactly as there.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.e2e.conftest import browser, chromium, page  # noqa: F401  (fixtures re-exported for this layer)


@pytest.fixture
def store_copy(store_path: Path, tmp_path: Path) -> Path:
    """A private copy of the bundled store: these tests kill and lock processes on it."""
    dst = tmp_path / "tkpk.duckdb"
    shutil.copy(store_path, dst)
    return dst
