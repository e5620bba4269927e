"""The ingest package's entry points stay functions after every submodule has been imported."""

from __future__ import annotations

import importlib
import pkgutil

import tkpk.ingest


def test_no_submodule_shadows_an_entry_point():
    """A submodule named like an exported function (e.g. ``periksa.py``) replaces the package attribute once it
    is imported; the upload page then calls a module."""
    for m in pkgutil.iter_modules(tkpk.ingest.__path__):
        importlib.import_module(f"tkpk.ingest.{m.name}")
    for nama in tkpk.ingest.__all__:
        assert callable(getattr(tkpk.ingest, nama)), nama
