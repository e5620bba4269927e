"""Village status from the Indeks Desa Membangun (IDM): real facts from Dinas PMD, shown over any map indicator.

Why separate from the map's indicators: IDM is a village-development index, not a poverty measure, and only a
list of "Tertinggal" desa is public (IDM 2021: the source names 37 of its 40 desa; the last three kecamatan
could not be read). So it is an overlay that marks exactly the named desa and says how many are unknown, and a
line in a place's profile; it never colours the map as if it were a value per desa.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from tkpk import KODE_BANJAR, fmt
from tkpk.mutu_sumber import inti
from tkpk.toko.queries import fetch

TAHUN_DESA = 2021
SUMBER_SINGKAT = "Dinas PMD"


@dataclass(frozen=True)
class IdmTertinggal:
    """The desa named Tertinggal in one IDM year, against the total the source states."""

    tahun: int
    kode: tuple[str, ...]
    nama: tuple[str, ...]
    jumlah_sumber: int | None   # the kabupaten total stated by the source (None: not stated)
    sumber: str

    @property
    def jumlah_dikenal(self) -> int:
        return len(self.kode)

    @property
    def tidak_diketahui(self) -> int:
        return max(0, (self.jumlah_sumber or 0) - self.jumlah_dikenal)

    @property
    def keterangan(self) -> str:
        """"IDM 2021 (Dinas PMD): 40 desa Tertinggal; sumber menyebut nama 37, 3 tidak diketahui …"."""
        if not self.kode:
            return f"Belum ada data desa Tertinggal IDM {self.tahun} di basis data."
        total = f"{fmt.angka(self.jumlah_sumber)} desa Tertinggal" if self.jumlah_sumber else "desa Tertinggal"
        kurang = (f"; sumber menyebut nama {self.jumlah_dikenal}, {self.tidak_diketahui} lainnya tidak diketahui "
                  "dan tidak ditandai" if self.tidak_diketahui else f"; {self.jumlah_dikenal} desa ditandai")
        return (f"IDM {self.tahun} ({SUMBER_SINGKAT}): {total}{kurang}. Status pembangunan desa, bukan ukuran "
                f"kemiskinan. Sumber: {inti(self.sumber, 120)}.")


def desa_tertinggal(con: duckdb.DuckDBPyConnection, tahun: int = TAHUN_DESA,
                    kode_kab: str = KODE_BANJAR) -> IdmTertinggal:
    """The desa the source names as Tertinggal in ``tahun``, and the kabupaten total it states."""
    desa = fetch(con, "idm_desa", {"tahun": tahun, "kode_kab": kode_kab})
    kab = fetch(con, "idm_tempat", {"kode": kode_kab})
    total = kab[(kab["tahun"] == tahun) & (kab["indikator"] == "idm_jumlah_tertinggal")]
    sumber = str(desa["sumber"].iloc[0]).split(" [")[0] if not desa.empty else ""
    return IdmTertinggal(tahun, tuple(desa["kode"]), tuple(desa["nama"]),
                         int(total["nilai"].iloc[0]) if not total.empty else None, sumber)


def status_tempat(con: duckdb.DuckDBPyConnection, kode: str) -> list[str]:
    """Profile lines for one place: "IDM 2021: Tertinggal (Dinas PMD)" for a desa named so; for a kecamatan its
    count of Tertinggal desa and whether it still had some in 2022. Nothing when the sources say nothing."""
    rows = fetch(con, "idm_tempat", {"kode": kode})
    out = []
    for r in rows.itertuples(index=False):
        if r.indikator == "idm_tertinggal" and r.nilai == 1:
            out.append(f"IDM {r.tahun}: Tertinggal ({SUMBER_SINGKAT})")
        elif r.indikator == "idm_jumlah_tertinggal":
            out.append(f"IDM {r.tahun}: {fmt.angka(r.nilai)} desa Tertinggal ({SUMBER_SINGKAT})")
        elif r.indikator == "idm_kec_ada_tertinggal" and r.nilai == 1:
            out.append(f"IDM {r.tahun}: masih memiliki desa Tertinggal ({SUMBER_SINGKAT}; jumlah tidak disebut)")
    return out


def overlay(fitur_desa: list[dict], titik_desa: pd.DataFrame, d: IdmTertinggal) -> tuple[list[dict], pd.DataFrame]:
    """The desa outlines and label points of exactly the desa ``d`` names (from :class:`tkpk.peta.data.Geometri`)."""
    kode = set(d.kode)
    return [f for f in fitur_desa if f.get("kode") in kode], titik_desa[titik_desa["kode"].isin(kode)]
