"""The headline figures of the home page: Banjar's poverty numbers for a year, how it ranks in Kalsel, and its target.

Why the rank rule lives here: "terendah dari 1 kab/kota" is not a finding. A rank is shown only when at least
:data:`MIN_PEMBANDING` kab/kota have a figure that year; otherwise every screen and file says "belum cukup
pembanding (n kab/kota)", from :func:`teks_peringkat`. The headline also carries the kind of source of its row,
so a figure quoted in a speech is never introduced as a BPS release.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import duckdb
import pandas as pd

from tkpk import KODE_BANJAR, fmt, mutu_sumber
from tkpk.queries import fetch

# Fewer places than this and a rank says nothing ("1 dari 1").
MIN_PEMBANDING = 5


@dataclass(frozen=True)
class Headline:
    tahun: int
    p0: float | None
    p0_sebelumnya: float | None
    tahun_sebelumnya: int | None
    perubahan_poin: float | None
    penduduk_miskin: float | None
    garis_kemiskinan: float | None
    p1: float | None
    p2: float | None
    peringkat: int | None          # 1 = lowest P0 among kab/kota with a figure that year (None below the minimum)
    jumlah_pembanding: int         # kab/kota of the province with a P0 that year, Banjar included
    sumber: str
    jenis_sumber: str | None = None
    p0_ekstrem: float | None = None
    penduduk_miskin_ekstrem: float | None = None
    jenis_sumber_sebelumnya: str | None = None

    @property
    def resmi_bps(self) -> bool:
        """True only when the year's figure was read from BPS's own table or release."""
        return mutu_sumber.resmi_bps(self.jenis_sumber)

    @property
    def nama_sumber(self) -> str:
        """Who the figure is from, for a tile or a title: "BPS" only for BPS's own release, otherwise the kind
        (katalog.JENIS_SUMBER's short label: "angka BPS dikutip media", "dikutip pejabat, bukan dari tabel BPS")."""
        return "BPS" if self.resmi_bps else mutu_sumber.label(self.jenis_sumber)

    @property
    def pembanding_teks(self) -> str:
        """The previous year's figure as the comparison quotes it, with its own marker and kind when it is not
        BPS's ("2020 (▲ 2,55%, dikutip pejabat, bukan dari tabel BPS)")."""
        if self.p0_sebelumnya is None or self.tahun_sebelumnya is None:
            return ""
        j = self.jenis_sumber_sebelumnya
        if mutu_sumber.resmi_bps(j):
            return f"{self.tahun_sebelumnya} ({fmt.persen(self.p0_sebelumnya)}, BPS)"
        return (f"{self.tahun_sebelumnya} ({mutu_sumber.penanda(j)} {fmt.persen(self.p0_sebelumnya)}, "
                f"{mutu_sumber.label(j)})")

    @property
    def peringkat_teks(self) -> str:
        """"terendah dari 12 kab/kota" / "ke-3 terendah dari 12 kab/kota" / "belum cukup pembanding (2 kab/kota)"."""
        return teks_peringkat(self.peringkat, self.jumlah_pembanding)

    @property
    def peringkat_singkat(self) -> str:
        """For a metric tile: "1 dari 12" or "belum cukup pembanding (2 kab/kota)"."""
        if self.peringkat is None:
            return teks_peringkat(None, self.jumlah_pembanding)
        return f"{self.peringkat} dari {self.jumlah_pembanding}"

    @property
    def penanda(self) -> str:
        """Marker of a figure not read from BPS's own release ("" for BPS)."""
        return mutu_sumber.penanda(self.jenis_sumber) if self.p0 is not None else ""

    @property
    def sumber_teks(self) -> str:
        """The source line: "BPS: …" only for BPS's own release; otherwise marker, kind and source."""
        return mutu_sumber.sebut(self.sumber, self.jenis_sumber, 140) if self.sumber else "tidak ada data"

    @property
    def keterangan_sumber(self) -> str:
        """Kind of source, source and the row's conflict note, in one sentence under the headline."""
        return mutu_sumber.keterangan(self.jenis_sumber, self.sumber) if self.sumber else ""


def teks_peringkat(peringkat: int | None, jumlah: int) -> str:
    """The rank sentence, or "belum cukup pembanding (n kab/kota)" when fewer than :data:`MIN_PEMBANDING` compare."""
    if peringkat is None or jumlah < MIN_PEMBANDING:
        return f"belum cukup pembanding ({jumlah} kab/kota)"
    urutan = "terendah" if peringkat == 1 else f"ke-{peringkat} terendah"
    return f"{urutan} dari {jumlah} kab/kota"


def _num(x: object) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)  # type: ignore[arg-type]


def bps_seri(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return fetch(con, "bps_seri")


def tahun_tersedia(seri: pd.DataFrame, kode: str = KODE_BANJAR) -> list[int]:
    """Years with a P0 for the place, newest first."""
    rows = seri[(seri["kode_wilayah"] == kode) & seri["p0"].notna()]
    return sorted(rows["tahun"].astype(int).unique().tolist(), reverse=True)


def _kolom(row: pd.Series | None, nama: str) -> float | None:
    return _num(row[nama]) if row is not None and nama in row.index else None


def headline(seri: pd.DataFrame, tahun: int, kode: str = KODE_BANJAR) -> Headline:
    """Figures for ``tahun``; the change is against the previous year only when that year has a P0."""
    own = seri[seri["kode_wilayah"] == kode].set_index("tahun")
    row = own.loc[tahun] if tahun in own.index else None
    p0 = _num(row["p0"]) if row is not None else None
    prev_year = tahun - 1
    prev = _num(own.loc[prev_year, "p0"]) if prev_year in own.index else None
    # Rank within the place's own province (Kalimantan Selatan for Banjar), even on a store holding the country.
    provinsi = kode.split(".")[0] + "."
    kab = seri[(seri["tahun"] == tahun) & seri["tingkat"].isin(["kabupaten", "kota"]) & seri["p0"].notna()
               & seri["kode_wilayah"].astype("str").str.startswith(provinsi)]
    rank = None
    if p0 is not None and len(kab) >= MIN_PEMBANDING:
        rank = int((kab["p0"] < p0).sum()) + 1
    jenis = row["jenis_sumber"] if row is not None and "jenis_sumber" in row.index else None
    jenis_prev = own.loc[prev_year, "jenis_sumber"] if prev is not None and "jenis_sumber" in own.columns else None
    return Headline(
        tahun=tahun,
        p0=p0,
        p0_sebelumnya=prev,
        tahun_sebelumnya=prev_year if prev is not None else None,
        perubahan_poin=round(p0 - prev, 2) if p0 is not None and prev is not None else None,
        penduduk_miskin=_num(row["penduduk_miskin"]) if row is not None else None,
        garis_kemiskinan=_num(row["garis_kemiskinan"]) if row is not None else None,
        p1=_num(row["p1"]) if row is not None else None,
        p2=_num(row["p2"]) if row is not None else None,
        peringkat=rank,
        jumlah_pembanding=len(kab),
        sumber=str(row["sumber"]) if row is not None else "",
        jenis_sumber=jenis if isinstance(jenis, str) else None,
        p0_ekstrem=_kolom(row, "p0_ekstrem"),
        penduduk_miskin_ekstrem=_kolom(row, "penduduk_miskin_ekstrem"),
        jenis_sumber_sebelumnya=jenis_prev if isinstance(jenis_prev, str) else None,
    )
