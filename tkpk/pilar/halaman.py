"""Everything the Kinerja pilar page draws for one pillar, period and OPD, built in one call.

Why one call: the page reruns top to bottom on every click. Rounding and formatting its five tables from the
scorecard took about a quarter of each rerun (bench/RESULTS.md, page reruns); built here, they are cached with
the scorecard (``tkpk.ui.cache.baca``) under the store version, so a rerun only unpickles them. The first visit
pays a few tens of milliseconds more, against about a second for the scorecard itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from tkpk.pilar import tabel
from tkpk.pilar.kartu import Antartahun, KartuSkor, antartahun, kartu_skor
from tkpk.pilar.tabel import Tabel, siap


@dataclass(frozen=True)
class HalamanPilar:
    kartu: KartuSkor
    teks: dict[str, str]           # the headline strip (:func:`tkpk.pilar.tabel.teks_ringkasan`)
    opd: Tabel
    program: Tabel                 # the chosen OPD's programs, or the pillar's
    pilihan_program: dict[str, str]
    lokasi: dict[str, Tabel]       # per ``id_program`` of ``pilihan_program``
    kantong_tanpa: Tabel


def halaman_pilar(con: duckdb.DuckDBPyConnection, pilar: int, tahun: int, triwulan: int | None = None,
                  opd: str | None = None) -> HalamanPilar:
    k = kartu_skor(con, pilar, tahun, triwulan, opd_fokus=opd)
    program = tabel.pilihan_program(k, opd)
    return HalamanPilar(
        kartu=k, teks=tabel.teks_ringkasan(k), opd=siap(tabel.tabel_opd(k)),
        program=siap(tabel.tabel_program(k, opd)), pilihan_program=program,
        lokasi=tabel.lokasi_per_program(k, list(program)), kantong_tanpa=siap(tabel.tabel_kantong_tanpa(k)),
    )


@dataclass(frozen=True)
class HalamanAntartahun:
    antartahun: Antartahun
    tabel: Tabel


def halaman_antartahun(con: duckdb.DuckDBPyConnection, pilar: int, opd: str | None = None) -> HalamanAntartahun:
    """The Antartahun tab: computed only when that tab is open (it is most of a first scorecard's time)."""
    a = antartahun(con, pilar, opd)
    return HalamanAntartahun(a, siap(tabel.tabel_perbandingan(a)))
