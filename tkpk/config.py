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


def is_parquet_store(raw: str | os.PathLike[str] | None = None) -> bool:
    """``TKPK_DB`` names a read-only Parquet set (see :mod:`tkpk.toko.parket`) when it ends with a slash or is a folder.

    Why: replicas of the app read a snapshot exported by the one writer; the same variable switches them over.
    """
    text = os.environ.get("TKPK_DB", "") if raw is None else os.fspath(raw)
    if not text:
        return False
    path = Path(text)
    return text.endswith(("/", os.sep)) or (path if path.is_absolute() else ROOT / path).is_dir()
