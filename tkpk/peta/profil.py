"""Profile of one place (kecamatan or desa) for the map page's drill-down.

Why a bundle: an official who clicks Paramasan wants, on one screen, how its figure moved over the years, which
of its desa are worst (for a kecamatan), what the OPDs did there this year by pillar and OPD, and why it is or
is not a pocket — all in the same units and from the same rows the rest of the page uses.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from tkpk import KODE_BANJAR, SUMBER_CONTOH, fmt, katalog
from tkpk.intervensi import penerima
from tkpk.peta.data import data_tingkat, intervensi_tahun, nilai_peta, tahun_tersedia, teks_nilai, tingkat_kode, wilayah
from tkpk.peta.kantong import HasilKantong
from tkpk.toko.tahun import perlindungan

__all__ = ["Profil", "intervensi_di", "profil"]


@dataclass(frozen=True)
class Profil:
    """Everything the profile panel shows; frames are ready to display (id-ID text beside numbers)."""

    kode: str
    nama: str
    tingkat: str
    nama_kecamatan: str | None
    indikator: str
    tren: pd.DataFrame          # tahun, nilai, nilai_teks, sumber, sampel (protected values of each year)
    desa: pd.DataFrame | None   # kecamatan only: nilai_peta rows of its desa (worst first)
    intervensi: pd.DataFrame    # per pilar × OPD: Pilar, OPD, Kegiatan, Pagu, Realisasi, Penerima (per unit)
    intervensi_kec: int         # desa only: activities booked on its kecamatan as a whole (not in the table)
    termasuk_kantong: bool
    jenis: str | None
    alasan: str | None
    sampel: bool
    penerima: str = fmt.TIDAK_ADA  # every activity here: beneficiaries per unit, small cells hidden

    @property
    def judul(self) -> str:
        if self.tingkat == "kecamatan":
            return f"Kecamatan {self.nama}"
        return f"{self.nama}, Kecamatan {self.nama_kecamatan}"


def intervensi_di(rows: pd.DataFrame, kode: str, lindung: penerima.Perlindungan | None = None) -> pd.DataFrame:
    """Activities located in ``kode``, grouped by pillar and OPD; for a kecamatan its desa rows are included.
    Beneficiaries are a text per unit built from the protected cells
    (:func:`tkpk.intervensi.penerima.ringkas_tempat`)."""
    lokasi = rows["kode_wilayah"].astype("string")
    if tingkat_kode(kode) == "kecamatan":
        di = (lokasi == kode) | lokasi.str.startswith(kode + ".").fillna(False)
    else:
        di = lokasi == kode
    d = rows[di.fillna(False)]
    kolom = ["Pilar", "OPD", "Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "Penerima"]
    if d.empty:
        return pd.DataFrame(columns=kolom)
    lindung = lindung or penerima.lindungi(rows)
    baris = []
    for (pilar, _, opd), g in d.groupby(["pilar", "nama_pilar", "nama_opd"], dropna=False, sort=True):
        baris.append({"Pilar": int(pilar), "OPD": opd, "Kegiatan": len(g),
                      "Pagu (Rp)": float(g["pagu"].sum(min_count=1)),
                      "Realisasi (Rp)": float(g["realisasi"].sum(min_count=1)),
                      "Penerima": penerima.ringkas_tempat(g, lindung)})
    return pd.DataFrame(baris, columns=kolom)


def _tren(con: duckdb.DuckDBPyConnection, kode: str, indikator: str, kode_kab: str) -> pd.DataFrame:
    """The place's protected value in every year with data (a small count stays "< 5" in every year)."""
    tingkat = tingkat_kode(kode)
    ind = katalog.INDIKATOR_BY_KODE[indikator]
    baris = []
    for th in sorted(tahun_tersedia(con, kode_kab)):
        data = data_tingkat(con, tingkat, th, kode_kab)
        pilih = data.lebar["kode"] == kode
        if not pilih.any():
            continue
        nilai = float(data.lebar.loc[pilih, indikator].iloc[0])
        status = str(data.samar.loc[pilih.to_numpy(), indikator].iloc[0])
        if pd.isna(nilai) and not status:
            continue
        sumber = data.sumber.loc[pilih.to_numpy(), indikator].iloc[0]
        # Sample per cell, not per level: a kecamatan's real census years sit between sample years
        # (tkpk.tren.seri_campuran marks the join), and a share is sample when either of its parts is.
        contoh = SUMBER_CONTOH in str(sumber) if not pd.isna(sumber) else data.sampel
        baris.append({"tahun": th, "nilai": nilai, "nilai_teks": teks_nilai(nilai, ind.satuan, status),
                      "sumber": fmt.TIDAK_ADA if pd.isna(sumber) else str(sumber), "sampel": contoh})
    return pd.DataFrame(baris, columns=["tahun", "nilai", "nilai_teks", "sumber", "sampel"])


def profil(con: duckdb.DuckDBPyConnection, kode: str, tahun: int, indikator: str,
           hasil: HasilKantong | None, kode_kab: str = KODE_BANJAR) -> Profil | None:
    """The profile of ``kode`` in ``tahun``; ``hasil`` = pockets at the place's own level (None: not computed).

    Returns None for a code that is not a kecamatan/desa of the kabupaten (a mistyped shared link).
    """
    w = wilayah(con, kode_kab)
    baris = w[w["kode"] == kode]
    if baris.empty:
        return None
    r = baris.iloc[0]
    tingkat = tingkat_kode(kode)
    tren = _tren(con, kode, indikator, kode_kab)
    desa = None
    if tingkat == "kecamatan":
        semua = nilai_peta(data_tingkat(con, "desa", tahun, kode_kab), indikator)
        semua = semua[data_tingkat(con, "desa", tahun, kode_kab).lebar["kode_kec"].to_numpy() == kode]
        # Worst first by rank; sizes (no rank) largest first.
        urut = ["peringkat", "kode"] if semua["peringkat"].notna().any() else ["nilai", "kode"]
        desa = semua.sort_values(urut, ascending=[urut[0] == "peringkat", True],
                                 na_position="last").reset_index(drop=True)
    rows = intervensi_tahun(con, tahun, kode_kab)
    lindung = perlindungan(con, tahun, kode_kab)
    tabel = intervensi_di(rows, kode, lindung)
    lokasi = rows["kode_wilayah"].astype("string")
    di_sini = (lokasi == kode) | (lokasi.str.startswith(kode + ".") if tingkat == "kecamatan" else False)
    kec = 0
    if tingkat == "desa" and not rows.empty:
        kec = int((rows["kode_wilayah"].astype("string") == str(r["kode_kec"])).fillna(False).sum())
    termasuk_kantong, jenis, alasan = False, None, None
    if hasil is not None:
        t = hasil.tabel[hasil.tabel["kode"].astype("str") == kode]
        if not t.empty:
            termasuk_kantong = bool(t["termasuk_kantong"].iloc[0])
            jenis = t["jenis"].iloc[0] if termasuk_kantong else None
            alasan = str(t["alasan"].iloc[0])
    return Profil(
        kode=kode, nama=str(r["nama"]), tingkat=tingkat,
        nama_kecamatan=None if tingkat == "kecamatan" else str(r["nama_kecamatan"]), indikator=indikator,
        tren=tren, desa=desa, intervensi=tabel, intervensi_kec=kec, termasuk_kantong=termasuk_kantong, jenis=jenis,
        alasan=alasan, sampel=bool(tren["sampel"].fillna(False).astype(bool).any()) if not tren.empty else False,
        penerima=penerima.ringkas_tempat(rows[di_sini.fillna(False)], lindung) if not rows.empty else fmt.TIDAK_ADA,
    )


def teks_status(p: Profil) -> str:
    """One sentence: pocket or not, and why, in plain words."""
    if p.alasan is None:
        return "Status kantong belum dihitung untuk wilayah ini."
    if p.termasuk_kantong:
        nama = "Kantong kemiskinan terisolasi" if p.jenis == "kantong terisolasi" else "Kantong kemiskinan"
        return f"**{nama}** — {p.alasan}."
    return f"Bukan kantong menurut aturan yang dipilih — {p.alasan.removeprefix('bukan kantong: ')}."


def ringkas_intervensi(p: Profil) -> str:
    """Totals line under the interventions table."""
    t = p.intervensi
    if t.empty:
        return "Tidak ada kegiatan OPD yang berlokasi di sini pada tahun ini."
    return (f"{fmt.angka(t['Kegiatan'].sum())} kegiatan, pagu {fmt.rupiah(t['Pagu (Rp)'].sum())}, realisasi "
            f"{fmt.rupiah(t['Realisasi (Rp)'].sum())}; penerima per satuan: {p.penerima}.")
