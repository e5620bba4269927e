"""Warm reruns of every page through AppTest, in a process of its own (``python -m bench.halaman DB RUNS``).

Why a separate process: AppTest runs the app in-process, so the cached DuckDB connection would keep the store
locked for the browser measurement that follows, and one store's caches would leak into the other's figures.
Prints one JSON object: page -> list of rerun milliseconds (the first run and the page switch are not timed),
with the floor's reruns taken in turn with the page's (``lantai_ms``): this host's speed drifts in phases of a few
seconds, and a floor measured minutes apart would turn that drift into the ratio.

Beside them, per-session costs (``sesi_baru_ms``, issue 17): the second run of the page in a *new* session (a new
AppTest per figure: its first run, the page switch, then the timed run), against the title-only floor measured the
same way in turn (``sesi_baru_lantai_ms``). A visitor's first clicks pay what a session sets up once (widget state,
session caches), which reruns within one session do not show.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["pages/ringkasan.py", "pages/tren.py", "pages/peta.py", "pages/pilar.py", "pages/presentasi.py",
         "pages/unggah.py", "pages/riwayat.py", "pages/tindak_lanjut.py"]
FLOOR = "bench/lantai.py"


def _timed(at: AppTest, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        at.run()
        out.append(1000 * (time.perf_counter() - t))
    return out


def _galat(at: AppTest) -> str | None:
    return str(at.exception[0].message)[:200] if at.exception else None


def seperti_server() -> None:
    """Rerun ``app.py`` on every AppTest rerun, as the server does (``tkpk.ui.serve.buat_app``).

    Why: AppTest treats an app with a ``pages/`` folder as a pages-directory app, and reruns the page file alone
    after the first run: the page figures then left out the entry script (page config, ``st.navigation``, the
    once-per-run store fingerprint of ``tkpk/ui/cache.py``) that every server rerun and every floor rerun run.
    """
    from streamlit.runtime.pages_manager import PagesManager

    asli = PagesManager.__init__

    def init(self: PagesManager, *args: object, **kwargs: object) -> None:
        asli(self, *args, **kwargs)  # type: ignore[arg-type]
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init  # type: ignore[method-assign]


SESI_BARU = 5


def _sesi_baru(path: str, page: str | None) -> float:
    """Milliseconds of the second run of ``page`` in a new session (``page`` None: the floor app)."""
    at = AppTest.from_file(path, default_timeout=300)
    at.run()
    if page is not None and page != PAGES[0]:
        at.switch_page(page)
        at.run()
    return _timed(at, 1)[0]


def measure(db: str, runs: int) -> dict[str, dict[str, object]]:
    """Floor first, then each page: first run (untimed: opens the store, fills caches), then ``runs`` reruns."""
    seperti_server()
    os.environ["TKPK_DB"] = db
    os.chdir(ROOT)
    result: dict[str, dict[str, object]] = {}
    floor = AppTest.from_file(str(ROOT / "bench/lantai_app.py"), default_timeout=300)
    floor.run()
    result[FLOOR] = {"ms": _timed(floor, runs), "error": _galat(floor), "first_ms": None}
    for page in PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
        t = time.perf_counter()
        at.run()
        if page != PAGES[0]:
            at.switch_page(page)
            at.run()
        first = 1000 * (time.perf_counter() - t)
        ms, lantai = [], []
        for _ in range(runs):
            lantai += _timed(floor, 1)
            ms += _timed(at, 1)
        sesi, sesi_lantai = [], []
        for _ in range(SESI_BARU):
            sesi_lantai.append(_sesi_baru(str(ROOT / "bench/lantai_app.py"), None))
            sesi.append(_sesi_baru(str(ROOT / "app.py"), page))
        result[page] = {"ms": ms, "error": _galat(at), "first_ms": first, "lantai_ms": lantai,
                        "sesi_baru_ms": sesi, "sesi_baru_lantai_ms": sesi_lantai}
    return result


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1], int(sys.argv[2]))))
