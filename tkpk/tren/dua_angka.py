"""Two poverty numbers, explained: BPS's survey estimate for the kabupaten beside the welfare register.

Why: in August 2025 the Bupati said poverty was falling (BPS: 14.461 jiwa, 2,36% in 2024) and the press answered
with Satu Data's register (161.726 "penduduk miskin" in 2024, 172.697 in 2025). Both are real; they measure
different things, about eleven times apart. This module gathers both from the store (real rows only, each with
its source and kind of source), computes how far apart they are, and states the known conflicts inside the
register figures (year labels, the Dinsos statement) as findings instead of hiding them. Every number in the
sentences comes from a stored row; the prose around it is ours.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from tkpk import KODE_BANJAR, fmt, mutu_sumber
from tkpk.toko.queries import fetch
from tkpk.tren.ringkasan import AngkaUtama, angka_utama, bps_seri, tahun_tersedia

# Register facts at kabupaten level, in the order the panel lists them (codes of katalog.INDIKATOR_FAKTA).
SATU_DATA, SIKS_NG = "reg_miskin_satudata", "reg_miskin_siksng"
FAKIR_SATU_DATA, FAKIR_SIKS_NG = "reg_fakir_miskin_satudata", "reg_fakir_miskin_siksng"
KODE_REGISTER = (SATU_DATA, SIKS_NG, "reg_miskin_bdt", "p3ke_jiwa", "p3ke_kk", FAKIR_SATU_DATA, FAKIR_SIKS_NG)
# Two counts this close (relative) under different years look like one figure filed under two year labels.
HAMPIR_SAMA = 0.001

BPS_APA = ("Persentase dan jumlah penduduk miskin dari Survei Sosial Ekonomi Nasional (Susenas) Maret: perkiraan "
           "dari sampel rumah tangga, hanya sampai tingkat kabupaten. Menghitung orang yang pengeluarannya di bawah "
           "garis kemiskinan.")
BPS_UNTUK = ("Menjawab: apakah kemiskinan di Banjar turun, dan bagaimana dibanding daerah lain? Dipakai untuk "
             "target RPJMD dan evaluasi (LP2KD).")
REGISTER_APA = ("Register kesejahteraan sosial (DTKS/DTSEN, P3KE, PPKS di SIKS-NG; diunggah Dinsos P3AP2KB ke Satu "
                "Data Banjar): daftar per rumah tangga untuk menyalurkan bantuan. Mencatat semua yang layak dibantu "
                "(kelompok kesejahteraan terbawah, termasuk hampir miskin dan rentan), bukan hanya yang di bawah garis "
                "kemiskinan.")
REGISTER_UNTUK = ("Menjawab: siapa dan di mana sasaran bantuan (per desa, per keluarga)? Tidak dipakai untuk "
                  "mengukur naik-turunnya kemiskinan: angkanya berubah juga karena pendataan dan verifikasi.")
BPS_UNTUK_SINGKAT = "Menjawab: apakah kemiskinan turun, dan di mana posisi Banjar di Kalsel?"
REGISTER_UNTUK_SINGKAT = "Menjawab: siapa dan di mana sasaran bantuan? Bukan ukuran naik-turunnya kemiskinan."
JANGAN = "Keduanya benar untuk pertanyaannya masing-masing; jangan dijumlahkan atau dibandingkan sebagai satu ukuran."


@dataclass(frozen=True)
class AngkaRegister:
    kode: str
    nama: str
    tahun: int
    nilai: float
    satuan: str
    sumber: str
    jenis_sumber: str | None

    @property
    def teks(self) -> str:
        return f"{fmt.angka(self.nilai)} {self.satuan}"

    @property
    def sumber_teks(self) -> str:
        return mutu_sumber.sebut(self.sumber, self.jenis_sumber, 110)


@dataclass(frozen=True)
class DuaAngka:
    """Both numbers for one year, with why they differ and the register's known conflicts."""

    tahun: int                                 # the BPS year shown
    bps: AngkaUtama
    register: list[AngkaRegister]             # every kabupaten register fact, in KODE_REGISTER order, by year
    konflik: list[str] = field(default_factory=list)

    @property
    def ada_register(self) -> bool:
        return bool(self.register)

    def _satu_data(self) -> list[AngkaRegister]:
        return [r for r in self.register if r.kode == SATU_DATA]

    @property
    def register_utama(self) -> AngkaRegister | None:
        """The Satu Data count of the BPS year if there is one, else the newest Satu Data count."""
        sd = self._satu_data()
        sama = [r for r in sd if r.tahun == self.tahun]
        return sama[0] if sama else (max(sd, key=lambda r: r.tahun) if sd else None)

    @property
    def rasio(self) -> float | None:
        """Register ÷ BPS count for the same year (None without both)."""
        r = self.register_utama
        n = self.bps.penduduk_miskin
        if r is None or r.tahun != self.tahun or n is None or n == 0:
            return None
        return r.nilai / n

    @property
    def mengapa_beda(self) -> str:
        gk = (f" ({fmt.rupiah(self.bps.garis_kemiskinan)} per kapita per bulan pada {self.tahun})"
              if self.bps.garis_kemiskinan is not None else "")
        kali = (f" Karena itu register Satu Data {self.tahun} sekitar {fmt.angka(self.rasio, 0)} kali angka BPS."
                if self.rasio is not None else "")
        return ("Beda ukuran, bukan salah hitung: BPS memperkirakan orang di bawah garis kemiskinan" + gk
                + " dari survei; register mendaftar semua keluarga di kelompok kesejahteraan terbawah yang terdata, "
                "termasuk yang hampir miskin dan rentan." + kali + " " + JANGAN)


    @property
    def label_angka_bps(self) -> str:
        """The survey count's tile label: "BPS 2024: penduduk miskin" only when the count itself was read from
        BPS's own release; otherwise its marker and the survey's name, never "BPS" ("▲ Susenas 2024: penduduk
        miskin"). The count's own kind is used, not P0's: versioning is per cell, so the count may come from a
        speech while P0 comes from BPS. The kind is :attr:`jenis_angka_bps`, on its own line so a narrow tile
        cannot cut it off."""
        if self.bps.resmi("penduduk_miskin"):
            return f"BPS {self.tahun}: penduduk miskin"
        return f"{self.bps.penanda_figur('penduduk_miskin')} Susenas {self.tahun}: penduduk miskin".strip()

    @property
    def jenis_angka_bps(self) -> str:
        """The line under the tile naming the count's kind of source ("Jenis sumber: ◆ angka BPS dikutip media")."""
        tanda = "" if self.bps.resmi("penduduk_miskin") else self.bps.penanda_figur("penduduk_miskin")
        return f"Jenis sumber: {tanda} {self.bps.nama_sumber_figur('penduduk_miskin')}".replace(":  ", ": ")

    @property
    def judul_angka_bps(self) -> str:
        """The survey figures' heading in a file (core-font safe, no markers): "Angka BPS (Susenas Maret 2024)"
        only when P0 and the count are both BPS's own release, else "Angka kemiskinan Susenas 2024 (…)" naming
        the kind of the first figure that is not."""
        bukan = [f for f in ("p0", "penduduk_miskin") if getattr(self.bps, f) is not None and not self.bps.resmi(f)]
        if not bukan:
            return f"Angka BPS (Susenas Maret {self.tahun})"
        return f"Angka kemiskinan Susenas {self.tahun} ({self.bps.nama_sumber_figur(bukan[0])})"

    @property
    def sumber_bps_teks(self) -> str:
        """The source line of the survey figures on the card: one line when P0 and the count share a source,
        else each figure with its own ("P0: BPS: …; penduduk miskin: ▲ dikutip pejabat…: …")."""
        b = self.bps
        if b.sumber_dari("p0") == b.sumber_dari("penduduk_miskin") and b.jenis("p0") == b.jenis("penduduk_miskin"):
            return b.sumber_teks_figur("p0")
        return "; ".join(f"{nama}: {b.sumber_teks_figur(f)}" for f, nama in
                         (("p0", "P0"), ("penduduk_miskin", "penduduk miskin")) if getattr(b, f) is not None)

    @property
    def jenis_bps(self) -> set[str | None]:
        """The kinds of source of the survey figures the card shows (for a marker legend)."""
        return {self.bps.jenis("p0"), self.bps.jenis("penduduk_miskin")}

    @property
    def mengapa_singkat(self) -> str:
        """The reason in two lines, for a projector."""
        kali = f" Register ≈ {fmt.angka(self.rasio, 0)}× angka BPS." if self.rasio is not None else ""
        return ("BPS mengukur kemiskinan (survei, garis kemiskinan); register mendaftar sasaran bantuan, termasuk "
                "hampir miskin dan rentan." + kali + " Jangan dijumlahkan.")


def _register(con: duckdb.DuckDBPyConnection, kode: str) -> list[AngkaRegister]:
    df = fetch(con, "dua_angka_register", {"kode": kode, "indikator": list(KODE_REGISTER)})
    urut = {k: i for i, k in enumerate(KODE_REGISTER)}
    df = df.assign(_u=df["indikator"].map(urut)).sort_values(["_u", "tahun"])
    return [AngkaRegister(str(r.indikator), str(r.nama), int(r.tahun), float(r.nilai), str(r.satuan),
                          str(r.sumber), r.jenis_sumber if isinstance(r.jenis_sumber, str) else None)
            for r in df.itertuples(index=False) if not (isinstance(r.nilai, float) and math.isnan(r.nilai))]


def konflik_register(register: list[AngkaRegister]) -> list[str]:
    """Sentences naming the register's inner conflicts, found in the stored figures themselves:

    - the same (or nearly the same) count filed under different years by Satu Data and by the Dinsos statement
      (SIKS-NG): a possible shifted year label;
    - different counts for the same year from the two.
    """
    out = []
    for a_kode, b_kode, apa in ((SATU_DATA, SIKS_NG, "penduduk miskin"), (FAKIR_SATU_DATA, FAKIR_SIKS_NG,
                                                                         "fakir miskin")):
        sd = [r for r in register if r.kode == a_kode]
        sk = [r for r in register if r.kode == b_kode]
        for b in sk:
            for a in sd:
                if a.tahun != b.tahun and abs(a.nilai - b.nilai) <= HAMPIR_SAMA * max(a.nilai, b.nilai):
                    sama = "sama" if a.nilai == b.nilai else "hampir sama"
                    out.append(f"Angka {apa} Satu Data {a.tahun} ({fmt.angka(a.nilai)}) {sama} dengan angka "
                               f"SIKS-NG yang dikutip Kabid Dinsos untuk {b.tahun} ({fmt.angka(b.nilai)}): label "
                               "tahun salah satunya mungkin bergeser satu tahun; sumber tidak menyelesaikan ini.")
            beda = [a for a in sd if a.tahun == b.tahun and a.nilai != b.nilai]
            for a in beda:
                out.append(f"Tahun {b.tahun}: Satu Data mencatat {fmt.angka(a.nilai)} {apa}, sedangkan data "
                           f"PPKS/SIKS-NG yang dikutip Kabid Dinsos mencatat {fmt.angka(b.nilai)}.")
    return out


def dua_angka(con: duckdb.DuckDBPyConnection, tahun: int | None = None, kode: str = KODE_BANJAR) -> DuaAngka:
    """Both numbers for ``tahun`` (default: the newest BPS year ≤ ``tahun`` with a P0 for Banjar)."""
    seri = bps_seri(con)
    tahun_bps = tahun_tersedia(seri, kode)
    pilihan = [t for t in tahun_bps if tahun is None or t <= tahun] or tahun_bps
    t = pilihan[0] if pilihan else (tahun or 0)
    register = _register(con, kode)
    return DuaAngka(t, angka_utama(seri, t, kode), register, konflik_register(register))


def tabel(d: DuaAngka) -> pd.DataFrame:
    """Both numbers as rows (for the workbook sheet and downloads): measure, year, value, kind, source."""
    b = d.bps
    baris = [{"Ukuran": "Persentase penduduk miskin (P0, Susenas)", "Tahun": d.tahun, "Nilai": b.p0, "Satuan": "%",
              "Jenis sumber": mutu_sumber.label(b.jenis("p0")), "Sumber": b.sumber_dari("p0")},
             {"Ukuran": "Jumlah penduduk miskin (Susenas)", "Tahun": d.tahun, "Nilai": b.penduduk_miskin,
              "Satuan": "jiwa", "Jenis sumber": mutu_sumber.label(b.jenis("penduduk_miskin")),
              "Sumber": b.sumber_dari("penduduk_miskin")}]
    baris += [{"Ukuran": r.nama, "Tahun": r.tahun, "Nilai": r.nilai, "Satuan": r.satuan,
               "Jenis sumber": mutu_sumber.label(r.jenis_sumber), "Sumber": r.sumber} for r in d.register]
    return pd.DataFrame(baris, columns=["Ukuran", "Tahun", "Nilai", "Satuan", "Jenis sumber", "Sumber"])
