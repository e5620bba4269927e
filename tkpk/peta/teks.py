"""The sentences of the map page: captions, headings, notices and source lines, built from the figures.

Why separate: the page only draws; every sentence that depends on a figure (how many pockets, which level, how
many places a level has, which notice the targeting section shows) is made here and tested without Streamlit.
"""

from __future__ import annotations

from typing import Literal

import pandas as pd

from tkpk import fmt, katalog, sel_kecil
from tkpk.peta.bawaan import K_KELAS
from tkpk.peta.data import NAMA_TINGKAT, TANPA_PERINGKAT
from tkpk.peta.idm import TAHUN_DESA, IdmTertinggal
from tkpk.peta.kantong import AturanKantong, AturanMoran, HasilKantong
from tkpk.peta.klasifikasi import SKEMA, Kelas
from tkpk.peta.moran import KOREKSI
from tkpk.peta.profil import Profil, ringkas_intervensi
from tkpk.peta.sasaran import HasilSasaran

__all__ = ["ASAL_KANTONG", "ASAL_PROFIL", "ASAL_SASARAN", "ASAL_SASARAN_UNDUH", "BAGIAN", "CELAH_BARAT", "TEKS_PILAR",
           "TEKS_SEL_KECIL", "galat_ambang", "judul_kantong", "judul_tingkat", "keterangan_indikator",
           "keterangan_ukuran", "pesan_sasaran", "subjudul_peta", "sumber_peta", "teks_bawaan",
           "teks_intervensi", "teks_tanpa_kantong", "teks_tidak_terpetakan", "teks_uji"]

# The page's sections (tabs); a label is also the value of ``?bagian=`` in a shared link.
BAGIAN = ("Peta dan profil", "Kantong kemiskinan", "Tepat sasaran")
# The gap in the west of every Banjar map: a city with its own government, inside the kabupaten's outline.
CELAH_BARAT = "Kota Banjarbaru"
ASAL_KANTONG = "register DTSEN per wilayah (pangsa register, bukan BPS)"
ASAL_PROFIL = "laporan program OPD dan register sosial per wilayah"
ASAL_SASARAN = "laporan program OPD (periode tahunan atau triwulan terakhir) dan register sosial per wilayah"
ASAL_SASARAN_UNDUH = ASAL_PROFIL
TEKS_SEL_KECIL = (f"Sel kecil dilindungi: jumlah rumah tangga atau orang 1–4 ditulis \"< {sel_kecil.AMBANG}\"; sel "
                  f"pelengkap (agar total kecamatan tidak membukanya) dan persentase dari sel tersembunyi ditulis "
                  f"\"{sel_kecil.TEKS_SAMAR}\" dan diberi warna abu-abu tua di peta.")
TEKS_PILAR = "Pilar: " + "; ".join(f"{p.kode} = {p.nama_singkat}" for p in katalog.PILAR)

# The legend line of the IDM layer (tkpk.charts.idm draws a purple ✕ on each such desa).
LABEL_IDM = "✕ ungu: desa Tertinggal IDM"


def judul_tingkat(tingkat: str) -> str:
    """The level inside a sentence: "kecamatan", "desa/kelurahan"."""
    return fmt.awal_kecil(NAMA_TINGKAT[tingkat])


def keterangan_indikator(indikator: str) -> str | None:
    """What a register indicator measures (and that it is not BPS's P0, unless its description says BPS)."""
    if indikator not in katalog.KODE_REGISTER:
        return None
    ind = katalog.INDIKATOR_BY_KODE[indikator]
    return f"**{ind.nama}**: {ind.deskripsi}" + ("" if "BPS" in ind.deskripsi else f" {katalog.DEFINISI_REGISTER}.")


def keterangan_ukuran(indikator: str) -> str | None:
    """Why a size (penduduk, KK) carries no rank."""
    if indikator not in TANPA_PERINGKAT:
        return None
    nama = katalog.INDIKATOR_BY_KODE[indikator].nama
    return f"{nama} adalah ukuran wilayah, bukan kebutuhan: tidak diberi peringkat."


def galat_ambang(galat: str) -> str:
    return f"Ambang tidak dapat dipakai: {galat} Peta memakai kuantil sampai ambang diperbaiki."


def subjudul_peta(n_kantong: int, idm: IdmTertinggal | None = None) -> list[str]:
    """The map's subtitle lines: how to read it, the gap in the west, and the IDM overlay when shown."""
    baris = [f"Lebih gelap = lebih buruk. Garis hitam tebal: {n_kantong} kantong. Klik wilayah untuk profilnya.",
             f"Celah kosong di barat = {CELAH_BARAT} (bukan bagian Kabupaten Banjar)."]
    if idm is not None:
        baris.append(f"{LABEL_IDM} {TAHUN_DESA} ({idm.jumlah_dikenal} dari {idm.jumlah_sumber} bernama)")
    return baris


def sumber_peta(nilai: pd.DataFrame, kelas: Kelas) -> str:
    """The map's source line: the sources of its values, the classification, the boundaries."""
    asal = "; ".join(sorted(set(nilai["sumber"]) - {fmt.TIDAK_ADA})) or "tidak ada data"
    return f"{asal}. Klasifikasi: {SKEMA[kelas.skema]}, {kelas.k} kelas. Batas wilayah: Kepmendagri 2025."


def teks_intervensi(p: Profil) -> str:
    """The totals line under a place's interventions, plus the ones for its whole kecamatan."""
    lain = f" Ditambah {p.intervensi_kec} kegiatan untuk kecamatannya secara keseluruhan." if p.intervensi_kec else ""
    return ringkas_intervensi(p) + lain


def judul_kantong(tahun: int, n_kantong: int, tingkat: str) -> str:
    return f"Kantong kemiskinan {tahun}: {n_kantong} {judul_tingkat(tingkat)}"


def teks_uji(aturan: AturanKantong | AturanMoran, hasil: HasilKantong, tingkat: str) -> str | None:
    """Moran's tests in one bold line: significant before and after the multiple-testing correction."""
    if not isinstance(aturan, AturanMoran) or hasil.uji is None:
        return None
    u = hasil.uji
    setelah = (f"setelah koreksi {KOREKSI['fdr']}: {u.signifikan}.**" if u.koreksi == "fdr" else
               "tanpa koreksi uji berganda.**")
    return (f"**Signifikan sebelum koreksi: {u.signifikan_mentah} dari {u.jumlah_diuji} {judul_tingkat(tingkat)}; "
            + setelah)


def teks_bawaan(jumlah_wilayah: dict[str, int]) -> str:
    """The default rule, with the number of places each level has (:func:`tkpk.peta.pilihan.jumlah_wilayah`)."""
    return (f"Bawaan: jumlah × persentase, kuantil, {K_KELAS['kecamatan']} kelas di tingkat kecamatan "
            f"({jumlah_wilayah['kecamatan']} wilayah) dan {K_KELAS['desa']} kelas di tingkat desa "
            f"({jumlah_wilayah['desa']} wilayah); halaman lain, slide rakor, buku kerja dan PDF memakai aturan "
            "bawaan yang sama.")


def teks_tanpa_kantong(tingkat: str, tahun: int) -> str:
    return (f"**Tidak ada {tingkat} yang memenuhi aturan ini pada {tahun}.** Tidak ada wilayah yang sekaligus "
            "berada di kelas teratas kedua ukuran. Coba kurangi jumlah kelas, pakai aturan Moran, atau lihat "
            "tingkat desa.")


def pesan_sasaran(s: HasilSasaran, ada_laporan: bool, n_kantong: int, n_belum: int,
                  tahun: int) -> tuple[Literal["info", "success", "error"], str]:
    """The targeting section's notice: no reports yet, no pockets, all reached, or how many are not."""
    if not ada_laporan:
        return "info", (f"Belum ada laporan program OPD untuk {tahun}, jadi tepat sasaran {tahun} belum dapat dinilai "
                        "(kantong tanpa laporan bukan berarti belum tersentuh).")
    if n_kantong == 0:
        return "info", "Tidak ada kantong menurut aturan ini, jadi tidak ada daftar kantong belum tersentuh."
    if n_belum == 0:
        return "success", f"Semua {n_kantong} kantong menerima intervensi di atas ambang pada {tahun}."
    return "error", (f"### 🚩 {n_belum} dari {n_kantong} kantong belum tersentuh\nKantong tanpa intervensi, atau "
                     f"dengan intervensi di bawah ambang ({fmt.angka(s.ambang_rasio, 2)} "
                     f"{fmt.awal_kecil(s.label_rasio)}).")


def teks_tidak_terpetakan(s: HasilSasaran) -> str | None:
    """Interventions that name no place of this level, by reason."""
    if s.tidak_terpetakan.empty:
        return None
    return "Tidak terpetakan di tingkat ini: " + "; ".join(
        f"{r.alasan}: {r.jumlah_intervensi} kegiatan ({fmt.rupiah(r.pagu)})" for r in s.tidak_terpetakan.itertuples())
