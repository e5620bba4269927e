"""The page caches (tkpk.ui.cache, tkpk.ui.grafik) never outlive the data they were computed from."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from tkpk.db import connect
from tkpk.ingest.proses import ingest_file


def _p0(at) -> tuple[str, str]:
    m = next(m for m in at.metric if m.label.startswith("Persentase penduduk miskin (P0)"))
    return m.label[-4:], m.value


# A corrected 2024 figure for Banjar, as an analyst would upload it (test data, not a BPS number).
KOREKSI = b"Tahun;Kabupaten/Kota;P0 (%);Sumber\r\n2024;Kab. Banjar;2,50;uji cache\r\n"


def test_pages_show_a_new_batch_at_once(store_path: Path, tmp_path: Path, monkeypatch):
    """An upload from another session lands while the home page is open: the next rerun shows it."""
    db = tmp_path / "tkpk.duckdb"
    shutil.copy(store_path, db)
    monkeypatch.setenv("TKPK_DB", str(db))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert _p0(at) == ("2024", "2,36%")
    at.run()
    assert _p0(at) == ("2024", "2,36%")  # a cached rerun on an unchanged store
    con = connect(str(db))  # the same in-process database the app has open, as the upload page uses it
    hasil = ingest_file(con, KOREKSI, "koreksi.csv", "bps", "uji")
    assert not hasil.ditolak, hasil
    at.run()
    assert not at.exception
    assert _p0(at) == ("2024", "2,50%")


def test_pages_draw_charts_only_through_the_cached_helper():
    """The helper switches Altair's process-global theme and data transformer under a lock; a page calling
    ``st.altair_chart`` would race with it from another session's thread."""
    for page in [*sorted((ROOT / "pages").glob("*.py")), ROOT / "app.py"]:
        assert not re.search(r"\baltair_chart\(", page.read_text(encoding="utf-8")), page.name

