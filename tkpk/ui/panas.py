"""Warm-up at server start, so the first visit after a restart is not the slow one.

Why: the first visit of a page after ``make run`` took 2–3× a later one (bench/RESULTS.md, section e). Two costs
made the difference, and neither depends on the visitor:
- imports: the map's class breaks (``mapclassify``) pull in SciPy and scikit-learn, about 4 s on this machine, and
  every page imports the map's data module;
- the core cache (:func:`tkpk.toko.tahun.simpan`): the newest year's protected tables, outlines and pockets, and
  the report rows of every year with their small-cell protection (the pillar page compares the years), about 8 s
  of queries and pandas.

Both run before the server accepts visits (the lifespan hook), on the app's own connection (``tkpk.ui.koneksi``),
so the keys are the ones pages read. Why not in a background thread, as first built: measured with
``bench.selesai``, a visit that arrived while the thread ran (pandas holds the GIL) took 2–5 s longer, even on
pages that read nothing it computed; the server now answers a few seconds later, and then at full speed. The log
says how long each step took. A failure is logged and never stops the server: the visit computes it again.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import time
from collections.abc import Callable

import duckdb

LOG = logging.getLogger("tkpk.panas")

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
        # one scorecard fills the newest year's report rows and small-cell protection for all four pillars; one
        # year comparison those of every other year
        t_lapor = max(periode)
        langkah.append((f"laporan {t_lapor}", lambda: kartu.kartu_skor(con, 1, t_lapor)))
        langkah.append(("laporan antartahun", lambda: kartu.antartahun(con, 1)))
    selesai = []
    for nama, f in langkah:
        f()
        selesai.append(nama)
    return selesai


def _isi(buka: Callable[[], duckdb.DuckDBPyConnection]) -> None:
    mulai = time.perf_counter()
    try:
        selesai = isi_cache(buka())
    except Exception:  # a warm-up must never take the server down; the visit computes it again and shows the error
        LOG.exception("pemanasan cache gagal; halaman akan menghitungnya saat dikunjungi")
        return
    LOG.info("pemanasan cache selesai dalam %.1f s: %s", time.perf_counter() - mulai, ", ".join(selesai))


def mulai(buka: Callable[[], duckdb.DuckDBPyConnection]) -> None:
    """Imports, then the store part; both logged, neither raises."""
    try:
        LOG.info("pemanasan: impor modul selesai dalam %.1f s", impor())
    except Exception:
        LOG.exception("pemanasan: impor modul gagal")
    # Streamlit warns "missing ScriptRunContext" for a cached call outside a page run; this one is on purpose.
    penyaring = logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context")
    lama = penyaring.level
    penyaring.setLevel(logging.ERROR)
    try:
        _isi(buka)
    finally:
        penyaring.setLevel(lama)
