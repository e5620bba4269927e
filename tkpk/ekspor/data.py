"""Everything one year's exports show, read once from the store and computed by the same functions as the pages.

Why one bundle: the workbook, the PDFs and the chart images of a year must agree with each other and with the
dashboard. So this module only reads named SQL and calls the domain functions the pages call
(:mod:`tkpk.skor` for scorecards, :mod:`tkpk.kantong` for pockets, :mod:`tkpk.sasaran` for targeting); it adds
no rule of its own. Pockets are computed at kecamatan level with the map page's default rule (count × share).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import geopandas as gpd
import pandas as pd

from tkpk import KODE_BANJAR, SAMPLE_SOURCE, katalog, skor
from tkpk.geo import batas
from tkpk.kantong import AturanKantong, HasilKantong, kantong_jumlah_persen
from tkpk.queries import fetch
from tkpk.sasaran import HasilSasaran, tepat_sasaran


class TahunTidakAda(ValueError):
    """The requested year has no program rows and no BPS figure: nothing to report (CLI exit 2)."""


@dataclass(frozen=True)
class BahanTahun:
    """One year's data and scores for every export. Frames are the domain functions' own output."""

    tahun: int
    bps: pd.DataFrame            # bps_seri: every kab/kota and the province, all years
    intervensi: pd.DataFrame     # program rows of the period (skor.pilih_periode)
    nilai_kec: pd.DataFrame      # long: tahun, kode, nama, indikator, nilai, sumber, sampel (all years)
    kecamatan: pd.DataFrame      # wide for ``tahun``: kode, nama, one column per indicator
    kantong: HasilKantong        # pockets by the map's default rule, kecamatan level
    desa: pd.DataFrame           # wide for ``tahun``: kode, nama, kode_kec, nama_kecamatan, indicators
    kantong_desa: HasilKantong   # the same rule among the 290 desa/kelurahan
    sasaran: HasilSasaran        # desa level: interventions per 1.000 poor persons, with "belum tersentuh"
    skor_pilar: pd.DataFrame
    skor_opd: pd.DataFrame
    skor_program: pd.DataFrame
    lokasi: pd.DataFrame         # skor.lokasi_program with place names
    batas_kec: gpd.GeoDataFrame  # kecamatan outlines (EPSG:4326)
    batas_desa: gpd.GeoDataFrame  # desa/kelurahan outlines
    nama_wilayah: pd.DataFrame   # kode_wilayah, nama, tingkat, kode_kec, nama_kecamatan

    @property
    def sampel(self) -> bool:
        """True when any kecamatan figure or program row shown is sample data (then every file says so)."""
        iv = bool(self.intervensi["sampel"].fillna(False).astype(bool).any()) if not self.intervensi.empty else False
        kec = bool(self.nilai_kec["sampel"].fillna(False).astype(bool).any()) if not self.nilai_kec.empty else False
        return iv or kec

    def sumber_bps(self) -> list[str]:
        """Distinct source notes of Banjar's BPS rows."""
        d = self.bps[self.bps["kode_wilayah"] == KODE_BANJAR]
        return sorted({str(s) for s in d["sumber"].dropna()})

    def sumber_program(self) -> str:
        """One line naming where program and kecamatan figures come from, with the sample label."""
        if self.sampel:
            return f"{SAMPLE_SOURCE}: data program OPD dan indikator kecamatan buatan untuk uji coba, bukan data resmi"
        asal = sorted({str(s) for s in self.intervensi["sumber"].dropna()})
        return "laporan program/intervensi OPD: " + ("; ".join(asal) if asal else "belum ada laporan")


def tahun_program(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Years with program rows, newest first."""
    return [int(t) for t in fetch(con, "ekspor_tahun_intervensi")["tahun"]]


def lebar(nilai: pd.DataFrame, tahun: int, kunci: tuple[str, ...] = ("kode", "nama")) -> pd.DataFrame:
    """Wide table of one year: one row per place, one column per catalogue indicator."""
    d = nilai[nilai["tahun"] == tahun]
    if d.empty:
        return pd.DataFrame(columns=[*kunci, *[i.kode for i in katalog.INDIKATOR]])
    w = d.pivot_table(index=list(kunci), columns="indikator", values="nilai", aggfunc="first")
    w = w.reset_index()
    w.columns.name = None
    for i in katalog.INDIKATOR:
        if i.kode not in w.columns:
            w[i.kode] = float("nan")
    return w.sort_values("kode").reset_index(drop=True)


def _beri_nama(df: pd.DataFrame, wilayah: pd.DataFrame) -> pd.DataFrame:
    w = wilayah[["kode_wilayah", "nama", "nama_kecamatan"]].rename(columns={"nama": "nama_wilayah"})
    out = df.merge(w, on="kode_wilayah", how="left")
    out["nama_wilayah"] = out["nama_wilayah"].where(out["kode_wilayah"].notna(), "Se-kabupaten")
    return out


def muat(con: duckdb.DuckDBPyConnection, tahun: int) -> BahanTahun:
    """Read and score one year; raises :class:`TahunTidakAda` when the store has nothing for it."""
    bps = fetch(con, "bps_seri")
    semua = fetch(con, "ekspor_intervensi_tahun", {"tahun": tahun})
    ada_bps = bool(((bps["tahun"] == tahun) & (bps["kode_wilayah"] == KODE_BANJAR)).any())
    if semua.empty and not ada_bps:
        raise TahunTidakAda(f"Tahun {tahun} tidak punya data program maupun angka BPS di basis data ini.")
    baris = skor.pilih_periode(semua, tahun).reset_index(drop=True) if not semua.empty else semua
    nilai_kec = fetch(con, "ekspor_nilai_kecamatan")
    kec = lebar(nilai_kec, tahun)
    desa = lebar(fetch(con, "ekspor_nilai_desa", {"tahun": tahun}), tahun,
                 ("kode", "nama", "kode_kec", "nama_kecamatan"))
    hasil = kantong_jumlah_persen(kec, AturanKantong())
    hasil_desa = kantong_jumlah_persen(desa.drop(columns=["kode_kec", "nama_kecamatan"]), AturanKantong())
    sasaran = tepat_sasaran(desa, baris, satuan="jiwa", tingkat="desa", kantong=hasil_desa.kode_kantong)
    semua_kantong = [*hasil.kode_kantong, *hasil_desa.kode_kantong]
    opd_list = list(katalog.OPD)
    wilayah = fetch(con, "pilar_wilayah")
    if baris.empty:
        program = pd.DataFrame(columns=[*skor.KUNCI_PROGRAM, "pagu", "realisasi", "status"])
        lokasi = pd.DataFrame(columns=[*skor.KUNCI_PROGRAM, "kode_wilayah", "nama_wilayah", "di_kantong"])
    else:
        program = skor.skor_program(baris)
        lokasi = _beri_nama(skor.lokasi_program(baris, semua_kantong), wilayah)
    return BahanTahun(
        tahun=tahun, bps=bps, intervensi=baris, nilai_kec=nilai_kec, kecamatan=kec, kantong=hasil, desa=desa,
        kantong_desa=hasil_desa, sasaran=sasaran, skor_pilar=skor.skor_pilar(baris, opd_list),
        skor_opd=skor.skor_opd(baris, opd_list), skor_program=program, lokasi=lokasi,
        batas_kec=batas(con, "kecamatan"), batas_desa=batas(con, "desa"), nama_wilayah=wilayah,
    )
