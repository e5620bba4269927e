"""Warm-up at server start, so the first visit after a restart is not the slow one.

Why: the first visit of a page after ``make run`` took 2–3× a later one (bench/RESULTS.md, section e). Two costs
made the difference, and neither depends on the visitor:
- imports: the map's class breaks (``mapclassify``) pull in SciPy and scikit-learn, about 4 s on this machine, and
  every page imports the map's data module;
- the core cache (:func:`tkpk.toko.tahun.simpan`): the newest year's protected tables, outlines, pockets and the
  small-cell protection of the newest report year, seconds of queries and pandas.

The imports run before the server accepts visits (the lifespan hook): every visitor would wait for them anyway,
and importing in a thread next to a visit would only make both wait on the import lock. The store part runs in a
daemon thread on the app's own connection (``tkpk.ui.koneksi``), so the keys are the ones pages read; a visit that
arrives first computes what it needs itself, as before. A failure is logged and never stops the server.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import threading
import time
from collections.abc import Callable

import duckdb

LOG = logging.getLogger("tkpk.panas")
NAMA_UTAS = "tkpk-pemanasan"

# Not imported: command-line entry points (argument parsing, nothing a page uses).
_LEWATI = ("__main__", ".cli")


def impor() -> float:
    """Import every module of the package a page may use; seconds taken."""
    import tkpk

    mulai = time.perf_counter()
    for m in pkgutil.walk_packages(tkpk.__path__, "tkpk."):
        if not m.name.endswith(_LEWATI):
            importlib.import_module(m.name)
    return time.perf_counter() - mulai


def isi_cache(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Fill the core cache with what the first visit of each page reads for the newest years; names done."""
    from tkpk.peta import data as peta
    from tkpk.pilar import kartu

    langkah: list[tuple[str, Callable[[], object]]] = []
    tahun = peta.tahun_tersedia(con)
    if tahun:
        t = tahun[0]
        for tk in peta.TINGKAT:
            langkah += [(f"data {tk} {t}", lambda tk=tk: peta.data_tingkat(con, tk, t)),
                        (f"batas {tk}", lambda tk=tk: peta.geometri(con, tk)),
                        (f"kantong {tk} {t}", lambda tk=tk: peta.hitung_kantong(con, tk, t))]
        langkah.append((f"kantong bawaan {t}", lambda: peta.kantong_bawaan(con, t)))
    periode = kartu.pilihan_periode(con)
    if periode:
        # one scorecard fills the report year's rows and their small-cell protection for all four pillars
        t_lapor = max(periode)
        langkah.append((f"laporan {t_lapor}", lambda: kartu.kartu_skor(con, 1, t_lapor)))
    selesai = []
    for nama, f in langkah:
        f()
        selesai.append(nama)
    return selesai


def _latar(buka: Callable[[], duckdb.DuckDBPyConnection]) -> None:
    mulai = time.perf_counter()
    try:
        selesai = isi_cache(buka())
    except Exception:  # a warm-up must never take the server down; the visit computes it again and shows the error
        LOG.exception("pemanasan cache gagal; halaman akan menghitungnya saat dikunjungi")
        return
    LOG.info("pemanasan cache selesai dalam %.1f s: %s", time.perf_counter() - mulai, ", ".join(selesai))


def _bukan_utas_ini(rekaman: logging.LogRecord) -> bool:
    """Streamlit warns "missing ScriptRunContext" for any cached call outside a page run; the warm-up's calls are
    outside one on purpose."""
    return rekaman.threadName != NAMA_UTAS


def mulai(buka: Callable[[], duckdb.DuckDBPyConnection]) -> threading.Thread:
    """Imports now; the store part in a daemon thread (returned, so a test can wait for it)."""
    try:
        LOG.info("pemanasan: impor modul selesai dalam %.1f s", impor())
    except Exception:
        LOG.exception("pemanasan: impor modul gagal")
    penyaring = logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context")
    if _bukan_utas_ini not in penyaring.filters:
        penyaring.addFilter(_bukan_utas_ini)
    t = threading.Thread(target=_latar, args=(buka,), name=NAMA_UTAS, daemon=True)
    t.start()
    return t
