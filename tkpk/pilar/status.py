"""Status lights of the scorecard and the rules behind them, kept in one place so the page can print them.

The rakor asks for "output yang jelas, terukur dan tepat sasaran"; a light is only trusted when the rule that
produced it is written beside it, so :class:`AturanStatus` is both the configuration and the text of the rule.
Colours are Okabe–Ito (readable with colour-vision deficiencies) and every status also has its own symbol and
label, so colour is never the only cue.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

import numpy as np
import pandas as pd
from babel.numbers import format_decimal

LOCALE = "id_ID"
# Percentages are compared after rounding, so 80 computed as 79.99999999999999 still counts as 80.
_PEMBULATAN = 9


class Status(Enum):
    """One light. ``kode`` is the stable code used in tables and downloads; ``teks`` is what a cell shows."""

    HIJAU = ("hijau", "Baik", "#009E73", "●")
    KUNING = ("kuning", "Perlu perhatian", "#E69F00", "▲")
    MERAH = ("merah", "Kritis", "#D55E00", "■")
    ABU = ("abu", "Tidak ada data", "#999999", "○")

    def __init__(self, kode: str, label: str, warna: str, simbol: str) -> None:
        self.kode = kode
        self.label = label
        self.warna = warna
        self.simbol = simbol

    @classmethod
    def dari_kode(cls, kode: str) -> Status:
        for s in cls:
            if s.kode == kode:
                return s
        raise ValueError(f"kode status tidak dikenal: {kode!r}")

    @property
    def teks(self) -> str:
        """Symbol and words together, e.g. ``● Baik``: what a cell shows next to the numbers."""
        return f"{self.simbol} {self.label}"


def _angka(x: float) -> str:
    return format_decimal(x, locale=LOCALE)


@dataclass(frozen=True)
class AturanStatus:
    """Thresholds in percent. Change them here (or pass another instance) and the page text follows.

    Decisions that a threshold table alone does not settle:

    - a measure that cannot be computed (pagu or target 0 or missing) is *unknown*, never 0%: a program with
      no budget line (CSR, zakat) is judged on output alone; both unknown gives ``abu``;
    - ``hijau`` needs a measurable output when ``hijau_perlu_capaian`` is set, because spending money with no
      measurable output is not "baik"; such a program is at best ``kuning`` (``merah`` if serapan is low);
    - across programs (OPD, pillar) outputs of different units are never added: capaian is the pagu-weighted
      mean of program capaian %, each capped at ``batas_capaian_agregat`` so one over-achieving program cannot
      hide another that fell short; programs without pagu are left out of the mean unless none has one, then
      a plain mean is used.
    """

    hijau_capaian: float = 90.0
    hijau_serapan: float = 80.0
    merah_capaian: float = 60.0
    merah_serapan: float = 60.0
    batas_capaian_agregat: float = 100.0
    hijau_perlu_capaian: bool = True

    def __post_init__(self) -> None:
        if self.merah_capaian > self.hijau_capaian or self.merah_serapan > self.hijau_serapan:
            raise ValueError("ambang merah harus ≤ ambang hijau")

    def deskripsi(self) -> str:
        """The rule in Indonesian, one Markdown bullet per line, for printing beside the lights."""
        hc, hs = _angka(self.hijau_capaian), _angka(self.hijau_serapan)
        mc, ms = _angka(self.merah_capaian), _angka(self.merah_serapan)
        cap = _angka(self.batas_capaian_agregat)
        h, k, m, a = Status.HIJAU, Status.KUNING, Status.MERAH, Status.ABU
        baris = [
            f"{h.simbol} Hijau ({h.label}): capaian output ≥ {hc}% dan serapan anggaran ≥ {hs}%.",
            f"{m.simbol} Merah ({m.label}): capaian output < {mc}% atau serapan anggaran < {ms}%.",
            f"{k.simbol} Kuning ({k.label}): selain dua keadaan di atas.",
            f"{a.simbol} Abu-abu ({a.label}): capaian maupun serapan tidak dapat dihitung, atau OPD belum "
            "melapor untuk periode ini.",
            "Serapan anggaran = realisasi ÷ pagu × 100%; capaian output = capaian ÷ target × 100%. Bila pagu "
            "atau target nol/kosong, ukuran itu dianggap tidak ada (bukan 0%) dan status dinilai dari ukuran "
            "yang lain.",
        ]
        if self.hijau_perlu_capaian:
            baris.append("Tanpa target output yang terukur, status paling baik kuning.")
        baris.append(
            "Capaian OPD dan pilar tidak menjumlahkan output yang satuannya berbeda: nilainya adalah rata-rata "
            f"capaian program, dibobot pagu, dengan capaian tiap program dibatasi {cap}% (program tanpa pagu "
            "tidak ikut dibobot, kecuali tidak ada program berpagu)."
        )
        baris.append(
            "Penerima manfaat dijumlahkan antarprogram; satu orang atau keluarga dapat terhitung di lebih dari "
            "satu program."
        )
        return "\n".join(f"- {b}" for b in baris)


ATURAN_BAKU = AturanStatus()


def persen(pembilang: object, penyebut: object) -> float | None:
    """``pembilang / penyebut × 100``, or None when either is missing or the denominator is 0.

    None rather than 0 or inf because "tidak dapat dihitung" and "nol persen" are different findings.
    """
    try:
        a, b = float(pembilang), float(penyebut)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if math.isnan(a) or math.isnan(b) or b == 0:
        return None
    return a * 100.0 / b


def persen_kolom(pembilang: pd.Series, penyebut: pd.Series) -> pd.Series:
    """Vectorised :func:`persen`: NaN (shown as "–") where the denominator is 0 or missing."""
    a = pd.to_numeric(pembilang, errors="coerce").astype("float64")
    b = pd.to_numeric(penyebut, errors="coerce").astype("float64")
    return (a * 100.0 / b.where(b != 0)).astype("float64")


def status_kolom(capaian_pct: pd.Series, serapan_pct: pd.Series, aturan: AturanStatus = ATURAN_BAKU) -> pd.Series:
    """Status code per row; the single implementation of the rule (:func:`status` calls it too)."""
    c = pd.to_numeric(capaian_pct, errors="coerce").astype("float64").round(_PEMBULATAN).to_numpy()
    s = pd.to_numeric(serapan_pct, errors="coerce").astype("float64").round(_PEMBULATAN).to_numpy()
    ada_c, ada_s = ~np.isnan(c), ~np.isnan(s)
    with np.errstate(invalid="ignore"):
        merah = (ada_c & (c < aturan.merah_capaian)) | (ada_s & (s < aturan.merah_serapan))
        c_ok = np.where(ada_c, c >= aturan.hijau_capaian, not aturan.hijau_perlu_capaian)
        s_ok = np.where(ada_s, s >= aturan.hijau_serapan, True)
    hijau = c_ok & s_ok
    kode = np.select(
        [~ada_c & ~ada_s, merah, hijau],
        [Status.ABU.kode, Status.MERAH.kode, Status.HIJAU.kode],
        default=Status.KUNING.kode,
    )
    return pd.Series(kode, index=capaian_pct.index, dtype="str")


def status(capaian_pct: float | None, serapan_pct: float | None, aturan: AturanStatus = ATURAN_BAKU) -> Status:
    c = np.nan if capaian_pct is None else capaian_pct
    s = np.nan if serapan_pct is None else serapan_pct
    kode = status_kolom(pd.Series([c], dtype="float64"), pd.Series([s], dtype="float64"), aturan).iloc[0]
    return Status.dari_kode(kode)


def tambah_kolom_status(df: pd.DataFrame, aturan: AturanStatus = ATURAN_BAKU) -> pd.DataFrame:
    """Adds ``status`` (code), ``status_label``, ``status_simbol``, ``status_warna`` from the pct columns."""
    kode = status_kolom(df["capaian_pct"], df["serapan_pct"], aturan)
    if "belum_melapor" in df.columns:
        kode = kode.where(~df["belum_melapor"].astype(bool), Status.ABU.kode)
    peta = {s.kode: s for s in Status}
    return df.assign(
        status=kode,
        status_label=kode.map(lambda k: peta[k].label).astype("str"),
        status_simbol=kode.map(lambda k: peta[k].simbol).astype("str"),
        status_warna=kode.map(lambda k: peta[k].warna).astype("str"),
    )
