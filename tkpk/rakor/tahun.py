"""Everything one year's exports show, read once from the store through the loaders every page uses.

Why one bundle: the workbook, the PDFs, the chart images and the rakor slides of a year must agree with each
other and with the dashboard. So this module adds no rule and no query of its own for the year's figures: values
come from :func:`tkpk.toko.tahun.data_tingkat` (small cells protected), program rows from
:func:`tkpk.toko.tahun.intervensi_tahun`, pockets from :func:`tkpk.peta.data.hitung_kantong` with the default rule of
each level (:mod:`tkpk.peta.bawaan`), targeting from :func:`tkpk.peta.data.sasaran`, scorecards from
:mod:`tkpk.pilar.skor` with
the period's beneficiary protection. A test checks that the pockets here are the map page's and the slides'.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import geopandas as gpd
import pandas as pd

from tkpk import KODE_BANJAR, SUMBER_CONTOH, katalog
from tkpk.intervensi.penerima import Perlindungan
from tkpk.peta import bawaan
from tkpk.peta import data as peta
from tkpk.peta.kantong import HasilKantong
from tkpk.peta.sasaran import HasilSasaran
from tkpk.pilar import skor, status
from tkpk.toko import tahun as toko_tahun
from tkpk.toko.queries import fetch
from tkpk.toko.tahun import DataTingkat, KeadaanData
from tkpk.tren.ringkasan import bps_seri


class TahunTidakAda(ValueError):
    """The requested year has no program rows and no BPS figure: nothing to report (CLI exit 2)."""


@dataclass(frozen=True)
class BahanTahun:
    """One year's data and scores for every export. Frames are the domain functions' own output."""

    tahun: int
    bps: pd.DataFrame            # bps_seri: every kab/kota and the province, all years
    intervensi: pd.DataFrame     # program rows of the period (skor.pilih_periode), effective beneficiary unit
    nilai_kec: pd.DataFrame      # long: tahun, kode, nama, indikator, nilai, sampel (all years, protected)
    kecamatan: pd.DataFrame      # wide for ``tahun``: kode, nama, one column per indicator (protected)
    kantong: HasilKantong        # pockets by the map's default rule, kecamatan level
    desa: pd.DataFrame           # wide for ``tahun``: kode, nama, kode_kec, nama_kecamatan, indicators (protected)
    kantong_desa: HasilKantong   # the default rule among the 290 desa/kelurahan
    sasaran: HasilSasaran        # desa level: interventions per 1.000 poor persons, with "belum tersentuh"
    skor_pilar: pd.DataFrame
    skor_opd: pd.DataFrame
    skor_program: pd.DataFrame
    lokasi: pd.DataFrame         # skor.lokasi_program with place names
    batas_kec: gpd.GeoDataFrame  # kecamatan outlines (EPSG:4326)
    batas_desa: gpd.GeoDataFrame  # desa/kelurahan outlines
    nama_wilayah: pd.DataFrame   # kode_wilayah, nama, tingkat, kode_kec, nama_kecamatan
    data_kec: DataTingkat | None = None    # the protected kecamatan values with their small-cell status
    data_desa: DataTingkat | None = None
    sasaran_kec: HasilSasaran | None = None  # kecamatan level, for kecamatan pockets
    lindung: Perlindungan | None = None      # the period's hidden beneficiary cells
    keadaan: KeadaanData | None = None       # the store state every file names

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
            return f"{SUMBER_CONTOH}: data program OPD dan indikator kecamatan buatan untuk uji coba, bukan data resmi"
        asal = sorted({str(s) for s in self.intervensi["sumber"].dropna()})
        return "laporan program/intervensi OPD: " + ("; ".join(asal) if asal else "belum ada laporan")


def tahun_program(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Years with program rows, newest first."""
    return [int(t) for t in fetch(con, "tahun_intervensi")["tahun"]]


def _panjang(con: duckdb.DuckDBPyConnection, tingkat: str) -> pd.DataFrame:
    """Protected values of one level, every year, long: tahun, kode, nama, indikator, nilai, sampel."""
    bagian = []
    for th in peta.tahun_tersedia(con):
        d = toko_tahun.data_tingkat(con, tingkat, th)
        lebar = d.lebar[["kode", "nama", *[i.kode for i in katalog.INDIKATOR]]]
        p = lebar.melt(id_vars=["kode", "nama"], var_name="indikator", value_name="nilai")
        bagian.append(p.assign(tahun=th, sampel=d.sampel))
    kolom = ["tahun", "kode", "nama", "indikator", "nilai", "sampel"]
    return pd.concat(bagian, ignore_index=True)[kolom] if bagian else pd.DataFrame(columns=kolom)


def _beri_nama(df: pd.DataFrame, wilayah: pd.DataFrame) -> pd.DataFrame:
    w = wilayah[["kode_wilayah", "nama", "nama_kecamatan"]].rename(columns={"nama": "nama_wilayah"})
    out = df.merge(w, on="kode_wilayah", how="left")
    out["nama_wilayah"] = out["nama_wilayah"].where(out["kode_wilayah"].notna(), "Se-kabupaten")
    return out


def muat(con: duckdb.DuckDBPyConnection, tahun: int) -> BahanTahun:
    """Read and score one year; raises :class:`TahunTidakAda` when the store has nothing for it."""
    bps = bps_seri(con)
    baris = toko_tahun.intervensi_tahun(con, tahun)
    ada_bps = bool(((bps["tahun"] == tahun) & (bps["kode_wilayah"] == KODE_BANJAR)).any())
    if baris.empty and not ada_bps:
        raise TahunTidakAda(f"Tahun {tahun} tidak punya data program maupun angka BPS di basis data ini.")
    dk, dd = toko_tahun.data_tingkat(con, "kecamatan", tahun), toko_tahun.data_tingkat(con, "desa", tahun)
    hasil = peta.hitung_kantong(con, "kecamatan", tahun, bawaan.aturan_kantong("kecamatan"))
    hasil_desa = peta.hitung_kantong(con, "desa", tahun, bawaan.aturan_kantong("desa"))
    sasaran = peta.sasaran(con, "desa", tahun, bawaan.SATUAN_KEBUTUHAN, hasil_desa.kode_kantong)
    sasaran_kec = peta.sasaran(con, "kecamatan", tahun, bawaan.SATUAN_KEBUTUHAN, hasil.kode_kantong)
    lindung = toko_tahun.perlindungan(con, tahun)
    semua_kantong = [*hasil.kode_kantong, *hasil_desa.kode_kantong]
    opd_list = list(katalog.OPD)
    wilayah = fetch(con, "nama_wilayah_banjar")
    if baris.empty:
        program = pd.DataFrame(columns=[*skor.KUNCI_PROGRAM, "pagu", "realisasi", "status", "penerima_teks"])
        lokasi = pd.DataFrame(columns=[*skor.KUNCI_PROGRAM, "kode_wilayah", "nama_wilayah", "di_kantong"])
    else:
        program = skor.skor_program(baris, status.ATURAN_BAKU, lindung)
        lokasi = _beri_nama(skor.lokasi_program(baris, semua_kantong, lindung), wilayah)
    kec = dk.lebar.drop(columns=["tingkat", "kode_kec", "nama_kecamatan"])
    desa = dd.lebar.drop(columns=["tingkat"])
    return BahanTahun(
        tahun=tahun, bps=bps, intervensi=baris, nilai_kec=_panjang(con, "kecamatan"), kecamatan=kec,
        kantong=hasil, desa=desa, kantong_desa=hasil_desa, sasaran=sasaran,
        skor_pilar=skor.skor_pilar(baris, opd_list, status.ATURAN_BAKU, lindung),
        skor_opd=skor.skor_opd(baris, opd_list, status.ATURAN_BAKU, lindung), skor_program=program,
        lokasi=lokasi, batas_kec=peta.geometri(con, "kecamatan").gdf, batas_desa=peta.geometri(con, "desa").gdf,
        nama_wilayah=wilayah, data_kec=dk, data_desa=dd, sasaran_kec=sasaran_kec, lindung=lindung,
        keadaan=toko_tahun.keadaan_data(con),
    )
