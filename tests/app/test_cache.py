"""The page caches (tkpk.ui.cache, tkpk.ui.grafik) never outlive the data they were computed from."""

from __future__ import annotations

import re
import shutil
from functools import partial
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from tkpk.ingest.proses import ingest_file
from tkpk.toko.db import connect


def _p0(at) -> tuple[str, str]:
    m = next(m for m in at.metric if m.label.endswith("persentase penduduk miskin"))
    tahun = re.search(r"P0 (\d{4})", m.label)
    assert tahun is not None, m.label
    return tahun.group(1), m.value


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



def _tampilan(at, i: int = 0) -> list[str]:
    """The id-ID text the browser shows in the first column of table ``i`` (the Styler display values)."""
    import pyarrow as pa

    s = at.dataframe[i].proto.arrow_data.styler
    return pa.ipc.open_stream(s.display_values).read_all().to_pandas().iloc[:, 0].tolist()


SKRIP_TABEL = """
import pandas as pd
import streamlit as st

from tkpk import fmt
from tkpk.pilar import tabel as kinerja_tabel
from tkpk.tren import data as tren
from tkpk.ui.unduhan import tabel_angka

d = st.session_state.get("desimal", 0)
satuan = st.session_state.get("satuan", "%")
tabel_angka(pd.DataFrame({"Nilai": [1234.5, 2.25]}), {"Nilai": fmt.Format("angka", d)})
tabel_angka(pd.DataFrame({"Status": ["● Baik"], "Nilai": [7.0]}), {"Nilai": fmt.ANGKA_2},
            css=("Status", kinerja_tabel.css_status))
tabel_angka(pd.DataFrame({"Nilai": [3.5]}), {"Nilai": tren.format_nilai(satuan)})
tabel_angka(pd.DataFrame({"Nilai": [2.5]}), {"Nilai": fmt.persen})
tabel_angka(pd.DataFrame({"Nilai": [1.5]}), {"Nilai": fmt.Format("angka", d)})
"""


def test_a_replayed_table_keeps_its_formats_and_follows_page_state():
    """``tabel_angka`` replays a drawn table from the cache, keyed by its format specs' values: a plain rerun
    draws the same tables again, and a spec built from page state (``d``, ``satuan``) follows it."""
    at = AppTest.from_string(SKRIP_TABEL, default_timeout=60).run()
    assert not at.exception
    awal = [["1.234", "2"], ["● Baik"], ["3,50%"], ["2,50%"], ["2"]]
    assert [_tampilan(at, i) for i in range(5)] == awal
    at.run()
    assert [_tampilan(at, i) for i in range(5)] == awal
    assert "color: #009E73" in at.dataframe[1].proto.arrow_data.styler.styles
    at.session_state["desimal"] = 2
    at.session_state["satuan"] = "jiwa"
    at.run()
    assert _tampilan(at, 0) == ["1.234,50", "2,25"]
    assert _tampilan(at, 2) == ["4 jiwa"]
    assert _tampilan(at, 4) == ["1,50"]


def test_table_cache_keys_are_format_values():
    """Specs are keyed by value, plain ``tkpk.fmt`` functions by name; a lambda, closure or ``partial`` has no
    value to key by (its table is refused), and a cache digest given one says so plainly."""
    import pytest

    from tkpk import fmt
    from tkpk.pilar import tabel as kinerja_tabel
    from tkpk.ui.sidik import sidik
    from tkpk.ui.unduhan import _kunci_css, _kunci_format

    assert _kunci_format(fmt.Format("angka", 1)) == _kunci_format(fmt.ANGKA_1)
    assert _kunci_format(fmt.Format("angka", 1)) != _kunci_format(fmt.Format("angka", 2))
    assert _kunci_format(fmt.persen) != _kunci_format(fmt.angka)
    assert sidik([_kunci_format(fmt.Format("persen", 1))]) == sidik([_kunci_format(fmt.PERSEN_1)])
    assert _kunci_format(lambda x: fmt.angka(x, 2)) is None
    assert _kunci_format(partial(fmt.angka, desimal=1)) is None
    assert _kunci_format(kinerja_tabel.css_status) is None  # a format must be a spec or a tkpk.fmt function
    assert _kunci_css(kinerja_tabel.css_status) == "tkpk.pilar.tabel.css_status"
    assert _kunci_css(lambda v: "color: red") is None
    with pytest.raises(TypeError, match=r"tkpk\.fmt\.Format"):
        sidik("kunci", (lambda x: x,))


def test_a_table_with_a_lambda_format_is_refused():
    """No table is drawn with a formatter the cache cannot key: a lambda names the fix instead of a silent miss."""
    import pytest

    from tkpk import fmt
    from tkpk.ui.unduhan import tabel_angka

    with pytest.raises(TypeError, match=r"\['Nilai'\].*tkpk\.fmt\.Format"):
        tabel_angka(pd.DataFrame({"Nilai": [1.5]}), {"Nilai": lambda x: fmt.angka(x, 2)})


SKRIP_VERSI = """
import streamlit as st

from tkpk.ingest.proses import ingest_file
from tkpk.ui.cache import satu_versi, versi
from tkpk.ui.koneksi import conn

with satu_versi():  # as app.py runs every page
    sebelum = versi()
    if st.session_state.get("tulis"):
        st.session_state["tulis"] = False
        ingest_file(conn(), st.session_state["berkas"], "koreksi.csv", "bps", "uji")
    st.session_state.setdefault("catatan", []).append((sebelum, versi()))
"""


def _salin_toko(store_path: Path, tmp_path: Path, monkeypatch) -> Path:
    db = tmp_path / "tkpk.duckdb"
    shutil.copy(store_path, db)
    monkeypatch.setenv("TKPK_DB", str(db))
    monkeypatch.chdir(ROOT)
    return db


def test_the_store_fingerprint_is_read_once_per_run_and_afresh_on_the_next(store_path: Path, tmp_path: Path,
                                                                          monkeypatch):
    """Within one run every cached call sees one version (even across a write); the next run sees the write."""
    _salin_toko(store_path, tmp_path, monkeypatch)
    at = AppTest.from_string(SKRIP_VERSI, default_timeout=60)
    at.session_state["berkas"] = KOREKSI
    at.run()
    at.session_state["tulis"] = True
    at.run()
    at.run()
    assert not at.exception
    (a0, a1), (b0, b1), (c0, c1) = at.session_state["catatan"]
    assert a0 == a1 == b0 == b1  # the write in the second run is not seen within that run
    assert c0 == c1 and c0 != b0  # the third run reads the new fingerprint


SKRIP_UNGGAH_LAIN = """
import streamlit as st

from tkpk.ingest.proses import ingest_file
from tkpk.ui.koneksi import conn

hasil = ingest_file(conn(), st.session_state["berkas"], "koreksi.csv", "bps", "uji")
st.write("ditolak" if hasil.ditolak else "tersimpan")
"""


def _seperti_server(monkeypatch) -> None:
    """Run ``app.py`` on every AppTest rerun, as the server does (``tkpk.ui.serve``). Left alone, AppTest reruns a
    multipage app that has a ``pages/`` folder by running the page file without its entry script."""
    from streamlit.runtime.pages_manager import PagesManager

    asli = PagesManager.__init__

    def init(self, *args, **kwargs) -> None:
        asli(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


def test_app_reads_the_fingerprint_once_per_run_and_sees_another_sessions_upload(store_path: Path,
                                                                                 tmp_path: Path, monkeypatch):
    """``app.py`` reads the fingerprint once per full rerun into ``st.session_state`` (public API, no script-run
    internals) for all of the page's cached calls, and drops it when the run ends; an upload from another session
    (its own AppTest, sharing the process's connection as two browser tabs do) shows on this session's next
    rerun."""
    from tkpk.ui import cache

    _salin_toko(store_path, tmp_path, monkeypatch)
    _seperti_server(monkeypatch)
    asli, dibaca = cache._baca_versi, []
    monkeypatch.setattr(cache, "_baca_versi", lambda: dibaca.append(1) or asli())
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert _p0(at) == ("2024", "2,36%")
    assert len(dibaca) == 1, "one read for the whole page (about ten cached calls)"
    assert cache.KUNCI_VERSI not in at.session_state, "no old run's fingerprint is left for the next run"
    lain = AppTest.from_string(SKRIP_UNGGAH_LAIN, default_timeout=60)
    lain.session_state["berkas"] = KOREKSI
    lain.run()
    assert not lain.exception and lain.markdown[0].value == "tersimpan"
    at.run()
    assert not at.exception
    assert len(dibaca) == 2
    assert _p0(at) == ("2024", "2,50%")


SKRIP_FRAGMEN = """
import streamlit as st

from tkpk.ingest.proses import ingest_file
from tkpk.ui.cache import fragmen, satu_versi, versi
from tkpk.ui.koneksi import conn


@fragmen
def bagian() -> None:
    st.session_state["dalam"] = versi()


with satu_versi():  # as app.py
    luar = versi()
    # Another session's upload lands after this run read the fingerprint: what a fragment rerun meets, since it
    # runs without app.py.
    if st.session_state.get("tulis"):
        st.session_state["tulis"] = False
        ingest_file(conn(), st.session_state["berkas"], "koreksi.csv", "bps", "uji")
    bagian()
    st.session_state["luar"] = luar
    st.session_state["setelah"] = versi()
"""


def test_a_fragment_reads_the_fingerprint_itself(store_path: Path, tmp_path: Path, monkeypatch):
    """A part declared with ``fragmen`` reads the store fingerprint at the start of each of its runs, so when it
    reruns alone (without app.py) after another session's upload, it shows the new data."""
    _salin_toko(store_path, tmp_path, monkeypatch)
    at = AppTest.from_string(SKRIP_FRAGMEN, default_timeout=60)
    at.session_state["berkas"] = KOREKSI
    at.run()
    assert not at.exception
    assert at.session_state["dalam"] == at.session_state["luar"]
    at.session_state["tulis"] = True
    at.run()
    assert not at.exception
    assert at.session_state["dalam"] != at.session_state["luar"], "the fragment read the fingerprint afresh"
    assert at.session_state["setelah"] == at.session_state["luar"], "the rest of the run keeps its version"


def test_the_page_caches_use_only_streamlits_public_api():
    """No script-run context or other ``streamlit.runtime`` internals in the cache modules (issue 16)."""
    for modul in ("cache", "unduhan", "grafik", "sidik"):
        teks = (ROOT / "tkpk" / "ui" / f"{modul}.py").read_text(encoding="utf-8")
        assert not re.search(r"streamlit\.(runtime|web|proto|elements)|script_run_ctx|\bcursors\b", teks), modul


def test_every_fragment_reads_the_fingerprint():
    """Every part of a page that reruns alone is declared with ``tkpk.ui.cache.fragmen``, never bare
    ``st.fragment``."""
    semua = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "tkpk").rglob("*.py"))]
    for berkas in semua:
        if berkas.name == "cache.py" and berkas.parent.name == "ui":
            continue
        assert not re.search(r"\bst\.fragment\b", berkas.read_text(encoding="utf-8")), berkas
