"""The map page's per-choice frames (values, classes, map properties, quadrant rows), each built in one call.

Why: the page reruns top to bottom on every click, and building these frames from the year's data took about a
third of each rerun (bench/RESULTS.md, page reruns). Built here, they are cached with the choice
(``tkpk.ui.cache.baca``) under the store version, so a rerun only unpickles them. The inputs (the level's year,
its pockets) come from the core's own cache (:func:`tkpk.toko.tahun.simpan`), so a first visit computes nothing
twice. Outlines are not part of it: they are shared between sessions (``baca_bersama``) and joined per rerun.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from tkpk.charts.peta import kelas_rasio, props_peta
from tkpk.peta import data as peta
from tkpk.peta.kantong import AturanKantong, AturanMoran
from tkpk.peta.klasifikasi import Kelas
from tkpk.peta.pilihan import data_kuadran, kelas_peta, nilai_rasio
from tkpk.peta.sasaran import HasilSasaran


@dataclass(frozen=True)
class PetaSiap:
    sampel: bool             # the level's year rests on sample figures
    nilai: pd.DataFrame      # :func:`tkpk.peta.data.nilai_peta`
    kelas: Kelas
    props: pd.DataFrame      # :func:`tkpk.charts.peta.props_peta`: what the choropleth's features carry
    kuadran: pd.DataFrame    # :func:`tkpk.peta.pilihan.data_kuadran`


def peta_siap(con: duckdb.DuckDBPyConnection, tingkat: str, tahun: int, indikator: str, skema: str, k: int,
              ambang: list[float] | None, aturan: AturanKantong | AturanMoran, kolom_jumlah: str) -> PetaSiap:
    """The choropleth of one indicator with the pockets of ``aturan`` outlined, and the quadrant's rows."""
    data = peta.data_tingkat(con, tingkat, tahun)
    hasil = peta.hitung_kantong(con, tingkat, tahun, aturan)
    nilai = peta.nilai_peta(data, indikator)
    kelas = kelas_peta(nilai["nilai"], skema, k, ambang, tingkat, indikator)
    jenis = dict(zip(hasil.tabel["kode"], hasil.tabel["jenis"], strict=True))
    kuadran = data_kuadran(hasil, data.lebar, kolom_jumlah, tingkat)
    return PetaSiap(data.sampel, nilai, kelas, props_peta(nilai, kelas, hasil.kode_kantong, jenis), kuadran)


@dataclass(frozen=True)
class SasaranSiap:
    sasaran: HasilSasaran
    kelas: Kelas             # classes of interventions per 1.000 (:func:`tkpk.charts.peta.kelas_rasio`)
    props: pd.DataFrame      # the targeting map's features


def sasaran_siap(con: duckdb.DuckDBPyConnection, tingkat: str, tahun: int, satuan: str, indikator: str,
                 aturan: AturanKantong | AturanMoran) -> SasaranSiap:
    """Targeting in ``satuan`` against the pockets of ``aturan``, and its map of interventions per need."""
    hasil = peta.hitung_kantong(con, tingkat, tahun, aturan)
    s = peta.sasaran(con, tingkat, tahun, satuan, hasil.kode_kantong)
    nilai_r = nilai_rasio(peta.nilai_peta(peta.data_tingkat(con, tingkat, tahun), indikator), s)
    kelas_r = kelas_rasio(nilai_r["nilai"])
    return SasaranSiap(s, kelas_r, props_peta(nilai_r, kelas_r, hasil.kode_kantong))
