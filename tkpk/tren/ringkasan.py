"""The headline figures of the home page: Banjar's poverty numbers for a year, how it ranks in Kalsel, and its target.

Why the rank rule lives here: "terendah dari 1 kab/kota" is not a finding. A rank is shown only when at least
:data:`MIN_PEMBANDING` kab/kota have a figure that year; otherwise every screen and file says "belum cukup
pembanding (n kab/kota)", from :func:`teks_peringkat`. The headline also carries the kind of source of its row,
so a figure quoted in a speech is never introduced as a BPS release.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from tkpk import KODE_BANJAR, fmt, mutu_sumber
from tkpk.toko.queries import fetch
from tkpk.tren import figur_bps

# Short names of the figures, for a source sentence ("Penduduk miskin, kemiskinan ekstrem: ▲ …").
NAMA_FIGUR: dict[str, str] = {
    "p0": "P0", "penduduk_miskin": "penduduk miskin", "garis_kemiskinan": "garis kemiskinan",
    "p1": "P1", "p2": "P2", "p0_ekstrem": "kemiskinan ekstrem", "penduduk_miskin_ekstrem": "penduduk miskin ekstrem",
}
# Fewer places than this and a rank says nothing ("1 dari 1").
MIN_PEMBANDING = 5


@dataclass(frozen=True)
class AngkaUtama:
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
    # Each figure's own (sumber, jenis_sumber): versioning is per cell, so the count of poor may come from a
    # speech while P0 comes from BPS. A figure missing here falls back to the row's (P0's) source.
    sumber_figur: dict[str, tuple[str, str | None]] = field(default_factory=dict)

    def jenis(self, figur: str) -> str | None:
        """The kind of source of one figure ("p0", "penduduk_miskin", ...)."""
        return self.sumber_figur[figur][1] if figur in self.sumber_figur else self.jenis_sumber

    def sumber_dari(self, figur: str) -> str:
        """The source text of one figure."""
        return self.sumber_figur[figur][0] if figur in self.sumber_figur else self.sumber

    def resmi(self, figur: str) -> bool:
        """True only when this figure was read from BPS's own table or release."""
        return mutu_sumber.resmi_bps(self.jenis(figur))

    def penanda_figur(self, figur: str) -> str:
        """The marker beside one figure ("" for BPS's own release or for no figure)."""
        ada = getattr(self, figur, None) is not None
        return mutu_sumber.penanda(self.jenis(figur)) if ada else ""

    def nama_sumber_figur(self, figur: str) -> str:
        """"BPS" for BPS's own release, otherwise the kind's short label, for one figure."""
        return "BPS" if self.resmi(figur) else mutu_sumber.label(self.jenis(figur))

    def sumber_teks_figur(self, figur: str) -> str:
        """The source line of one figure ("BPS: …" only for BPS's own release)."""
        s = self.sumber_dari(figur)
        return mutu_sumber.sebut(s, self.jenis(figur), 140) if s else "tidak ada data"

    @property
    def sumber_lain(self) -> list[tuple[list[str], str, str | None]]:
        """Figures shown whose source differs from P0's, grouped by source: ([figures], sumber, jenis), in
        :data:`tkpk.tren.figur_bps.FIGUR` order. Empty when every figure shares P0's source."""
        kelompok: dict[tuple[str, str | None], list[str]] = {}
        for f in figur_bps.FIGUR[1:]:
            if getattr(self, f, None) is None or f not in self.sumber_figur:
                continue
            s, j = self.sumber_figur[f]
            if self.p0 is not None and (s, j) == (self.sumber, self.jenis_sumber):
                continue
            kelompok.setdefault((s, j), []).append(f)
        return [(fs, s, j) for (s, j), fs in kelompok.items()]

    @property
    def keterangan_sumber_lengkap(self) -> str:
        """P0's source sentence, then one sentence per other source naming the figures it gives, so a count
        quoted in a speech is never read under P0's BPS release."""
        bagian = [self.keterangan_sumber] if self.p0 is not None and self.sumber else []
        for fs, s, j in self.sumber_lain:
            nama = ", ".join(NAMA_FIGUR[f] for f in fs)
            bagian.append(f"{nama[:1].upper() + nama[1:]}: {mutu_sumber.keterangan(j, s)}")
        return " ".join(bagian)

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
    """The BPS series with each figure on its own source; register and sample figures are nulled
    (:func:`tkpk.tren.figur_bps.saring`), so they never reach a headline, a slide, a file or a target's realisation."""
    return figur_bps.saring(fetch(con, "bps_seri_per_figur"))


def tahun_tersedia(seri: pd.DataFrame, kode: str = KODE_BANJAR) -> list[int]:
    """Years with a P0 for the place, newest first."""
    rows = seri[(seri["kode_wilayah"] == kode) & seri["p0"].notna()]
    return sorted(rows["tahun"].astype(int).unique().tolist(), reverse=True)


def _kolom(row: pd.Series | None, nama: str) -> float | None:
    return _num(row[nama]) if row is not None and nama in row.index else None


def angka_utama(seri: pd.DataFrame, tahun: int, kode: str = KODE_BANJAR) -> AngkaUtama:
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
    peringkat = None
    if p0 is not None and len(kab) >= MIN_PEMBANDING:
        peringkat = int((kab["p0"] < p0).sum()) + 1
    jenis = row["jenis_sumber"] if row is not None and "jenis_sumber" in row.index else None
    jenis_prev = own.loc[prev_year, "jenis_sumber"] if prev is not None and "jenis_sumber" in own.columns else None
    return AngkaUtama(
        tahun=tahun,
        p0=p0,
        p0_sebelumnya=prev,
        tahun_sebelumnya=prev_year if prev is not None else None,
        perubahan_poin=round(p0 - prev, 2) if p0 is not None and prev is not None else None,
        penduduk_miskin=_num(row["penduduk_miskin"]) if row is not None else None,
        garis_kemiskinan=_num(row["garis_kemiskinan"]) if row is not None else None,
        p1=_num(row["p1"]) if row is not None else None,
        p2=_num(row["p2"]) if row is not None else None,
        peringkat=peringkat,
        jumlah_pembanding=len(kab),
        sumber=str(row["sumber"]) if row is not None and isinstance(row["sumber"], str) else "",
        jenis_sumber=jenis if isinstance(jenis, str) else None,
        p0_ekstrem=_kolom(row, "p0_ekstrem"),
        penduduk_miskin_ekstrem=_kolom(row, "penduduk_miskin_ekstrem"),
        jenis_sumber_sebelumnya=jenis_prev if isinstance(jenis_prev, str) else None,
        sumber_figur=_sumber_figur(row),
    )


def _sumber_figur(row: pd.Series | None) -> dict[str, tuple[str, str | None]]:
    """Each present figure's own (sumber, jenis_sumber), from the ``sumber_<f>``/``jenis_sumber_<f>`` columns."""
    if row is None:
        return {}
    out: dict[str, tuple[str, str | None]] = {}
    for f in figur_bps.FIGUR:
        if f"sumber_{f}" in row.index and _kolom(row, f) is not None:
            s, j = row[f"sumber_{f}"], row.get(f"jenis_sumber_{f}")
            out[f] = (s if isinstance(s, str) else "", j if isinstance(j, str) else None)
    return out
