"""Where things live. One environment variable, ``TKPK_DB``, chooses the store."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
DEFAULT_DB = DATA_DIR / "tkpk.duckdb"


def db_path() -> Path:
    """The store's path: ``$TKPK_DB`` relative to the project root, or ``data/tkpk.duckdb``."""
    raw = os.environ.get("TKPK_DB")
    if not raw:
        return DEFAULT_DB
    path = Path(raw)
    return path if path.is_absolute() else ROOT / path
