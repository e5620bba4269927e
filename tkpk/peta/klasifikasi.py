"""Map classes for a choropleth: which class each place falls in, the legend labels and the colours.

Why a module of its own: the map, the pocket rule (:mod:`tkpk.peta.kantong`) and the tests must agree on exactly
the same breaks, so "kelas teratas" on the map is the same set of places the pocket table calls top class.

Conventions kept everywhere:

- classes are numbered 0..k-1 from the lowest values up; class ``i`` holds ``batas[i-1] < x <= batas[i]``
  (the mapclassify convention), so a value equal to a break belongs to the lower class;
- a missing value is never put in a class: it stays ``<NA>`` and is labelled "tidak ada data" (grey), so an
  unreported desa does not look like a well-off one;
- darker always means worse: for an indicator where higher is better the palette is reversed, not the classes;
- with fewer distinct values than classes the classes shrink (one class per distinct value) and
  :attr:`Kelas.catatan` says so, instead of mapclassify warnings and empty or duplicated classes.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import mapclassify
import numpy as np
import pandas as pd
from babel.numbers import format_decimal

__all__ = [
    "K_MAKS", "K_MIN", "SKEMA", "TIDAK_ADA_DATA", "WARNA_TANPA_DATA", "Kelas", "format_batas", "klasifikasi",
    "nama_skema", "palet",
]

LOCALE = "id_ID"
K_MIN, K_MAKS = 3, 7
TIDAK_ADA_DATA = "tidak ada data"
WARNA_TANPA_DATA = "#d9d9d9"  # same grey as tkpk.charts.tema.WARNA_TANPA_DATA

# Canonical scheme keys with the Indonesian names the page shows in its selector.
SKEMA: dict[str, str] = {
    "quantile": "Kuantil (jumlah wilayah sama per kelas)",
    "natural_breaks": "Natural breaks (Jenks)",
    "equal_interval": "Interval sama",
    "fixed": "Ambang tetap (diketik pengguna)",
}
_ALIAS = {
    "quantile": "quantile", "quantiles": "quantile", "kuantil": "quantile",
    "natural_breaks": "natural_breaks", "natural breaks": "natural_breaks", "jenks": "natural_breaks",
    "fisher_jenks": "natural_breaks",
    "equal_interval": "equal_interval", "equal interval": "equal_interval", "interval_sama": "equal_interval",
    "interval sama": "equal_interval",
    "fixed": "fixed", "tetap": "fixed", "ambang_tetap": "fixed", "user_defined": "fixed",
}

# ColorBrewer "OrRd" (sequential, colour-blind safe, prints in grey): light = better, dark = worse. Six and seven
# classes take their steps from the 9-class OrRd so neighbours stay ΔE00 ≥ 7 apart under deuteranopia and
# protanopia too (ColorBrewer's own 6/7-class "#fdd49e", "#fdbb84" pair was 4,4 apart for a deuteranope;
# tests/unit/test_warna_buta_warna.py).
_ORRD: dict[int, tuple[str, ...]] = {
    1: ("#fc8d59",),
    2: ("#fdbb84", "#e34a33"),
    3: ("#fee8c8", "#fdbb84", "#e34a33"),
    4: ("#fef0d9", "#fdcc8a", "#fc8d59", "#d7301f"),
    5: ("#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"),
    6: ("#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000", "#7f0000"),
    7: ("#fef0d9", "#fdcc8a", "#fc8d59", "#ef6548", "#d7301f", "#b30000", "#7f0000"),
}


def nama_skema(scheme: str) -> str:
    """Canonical key of a scheme name, so the page may pass either the English or the Indonesian word.

    Raises
    ------
    ValueError
        For an unknown scheme, rather than silently falling back to quantiles.
    """
    kunci = _ALIAS.get(str(scheme).strip().lower())
    if kunci is None:
        raise ValueError(f"Skema klasifikasi tidak dikenal: {scheme!r}. Pilihan: {', '.join(SKEMA)}.")
    return kunci


def palet(k: int, lebih_tinggi_lebih_buruk: bool = True) -> tuple[str, ...]:
    """Colours for classes 0..k-1 so that the worst class is always the darkest.

    Parameters
    ----------
    k : int
        Number of classes actually used (1–7).
    lebih_tinggi_lebih_buruk : bool
        The catalogue flag; False reverses the palette so low values (the bad end) get the dark colours.
    """
    if k < 1 or k > K_MAKS:
        raise ValueError(f"Jumlah kelas harus 1–{K_MAKS}, bukan {k}.")
    warna = _ORRD[k]
    return warna if lebih_tinggi_lebih_buruk else tuple(reversed(warna))


@dataclass(frozen=True)
class Kelas:
    """A finished classification: per-place class, legend and colours, ready for the map and the pocket rule.

    Attributes
    ----------
    skema : str
        Canonical scheme key (see :data:`SKEMA`).
    k_diminta, k : int
        Classes asked for and classes actually used (fewer when the data has few distinct values).
    batas : tuple[float, ...]
        Upper bound of each class (length ``k``); for "fixed" the last one is +inf when data lie above the
        highest threshold.
    minimum : float
        Lowest observed value (NaN when there is no data); the lower end of the first legend label.
    kelas : pd.Series
        ``Int64`` class per input row (index kept), ``<NA>`` for missing values.
    label : tuple[str, ...]
        Legend label per class in id-ID format, e.g. ``"2,1 – 3,4"``.
    warna : tuple[str, ...]
        Hex colour per class (darker = worse).
    jumlah : tuple[int, ...]
        Places per class, for the legend ("5 wilayah").
    catatan : str | None
        Plain-Indonesian note when classes had to be merged or reduced.
    """

    skema: str
    k_diminta: int
    k: int
    batas: tuple[float, ...]
    minimum: float
    kelas: pd.Series
    label: tuple[str, ...]
    warna: tuple[str, ...]
    jumlah: tuple[int, ...]
    lebih_tinggi_lebih_buruk: bool = True
    catatan: str | None = None

    @property
    def kelas_terburuk(self) -> int | None:
        """Index of the worst class (the darkest), None when nothing was classified."""
        if self.k == 0:
            return None
        return self.k - 1 if self.lebih_tinggi_lebih_buruk else 0

    def label_per_baris(self) -> pd.Series:
        """Legend label of each input row, "tidak ada data" for missing values (for tooltips and colour)."""
        peta = dict(enumerate(self.label))
        return self.kelas.map(lambda c: TIDAK_ADA_DATA if pd.isna(c) else peta[int(c)]).astype("object")

    def warna_per_baris(self) -> pd.Series:
        """Colour of each input row, grey for missing values."""
        peta = dict(enumerate(self.warna))
        return self.kelas.map(lambda c: WARNA_TANPA_DATA if pd.isna(c) else peta[int(c)]).astype("object")

    def domain_warna(self, tanpa_data: bool = True) -> tuple[list[str], list[str]]:
        """Domain and range for an Altair ordinal colour scale; "tidak ada data" last, grey."""
        domain, rentang = list(self.label), list(self.warna)
        if tanpa_data:
            domain.append(TIDAK_ADA_DATA)
            rentang.append(WARNA_TANPA_DATA)
        return domain, rentang

    def legenda(self) -> pd.DataFrame:
        """One row per class (kelas, label, warna, bawah, atas, jumlah), plus "tidak ada data" if any."""
        bawah = [self.minimum, *self.batas[:-1]]
        rows = pd.DataFrame({"kelas": range(self.k), "label": self.label, "warna": self.warna,
                             "bawah": bawah[: self.k], "atas": self.batas, "jumlah": self.jumlah})
        kosong = int(self.kelas.isna().sum())
        if kosong:
            rows = pd.concat([rows, pd.DataFrame({"kelas": [pd.NA], "label": [TIDAK_ADA_DATA],
                                                  "warna": [WARNA_TANPA_DATA], "bawah": [math.nan],
                                                  "atas": [math.nan], "jumlah": [kosong]})], ignore_index=True)
        return rows.astype({"jumlah": "int64", "kelas": "Int64"})


def _pola(desimal: int) -> str:
    return "#,##0" + ("." + "0" * desimal if desimal else "")


def format_batas(x: float, desimal: int) -> str:
    """One legend number in id-ID format (``1.234,5``); Babel, so the server's locale does not matter."""
    return format_decimal(x, format=_pola(desimal), locale=LOCALE)


def _desimal(tepi: Sequence[float], bulat: bool) -> int:
    """Fewest decimals (at least one for non-integer data) at which all finite class edges read differently."""
    terhingga = [t for t in tepi if math.isfinite(t)]
    awal = 0 if bulat else 1
    for d in range(awal, 7):
        teks = [format_batas(t, d) for t in terhingga]
        if len(set(teks)) == len(set(terhingga)):
            return d
    return 6


def _label(batas: Sequence[float], minimum: float, skema: str, bulat: bool, per_nilai: bool) -> tuple[str, ...]:
    """Legend labels; integer counts read "13 – 40" (no overlap), shares "2,1 – 3,4" (upper end included)."""
    k = len(batas)
    if k == 0:
        return ()
    if per_nilai:  # one class per distinct value: the value is the label
        d = 0 if bulat else _desimal(batas, bulat=False)
        return tuple(format_batas(b, d) for b in batas)
    if skema == "fixed":
        d = _desimal(batas, bulat=all(float(b).is_integer() for b in batas if math.isfinite(b)))
        f = [format_batas(b, d) for b in batas]
        out = [f"≤ {f[0]}"] + [f"{f[i - 1]} – {f[i]}" for i in range(1, k - 1)]
        return (*out, f"> {f[k - 2]}")
    if bulat:
        atas = [math.floor(b) for b in batas]
        bawah = [math.ceil(minimum)] + [a + 1 for a in atas[:-1]]
        f = lambda x: format_batas(x, 0)  # noqa: E731
        return tuple(f(a) if b == a else f"{f(b)} – {f(a)}" for b, a in zip(bawah, atas, strict=True))
    tepi = [minimum, *batas]
    d = _desimal(tepi, bulat=False)
    return tuple(f"{format_batas(tepi[i], d)} – {format_batas(tepi[i + 1], d)}" for i in range(k))


def _batas_data(x: np.ndarray, skema: str, k: int) -> np.ndarray:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if skema == "quantile":
            bins = mapclassify.Quantiles(x, k=k).bins
        elif skema == "natural_breaks":
            # FisherJenks is the exact (optimal) Jenks solution: deterministic, unlike sampled NaturalBreaks.
            bins = mapclassify.FisherJenks(x, k=k).bins
        else:
            bins = mapclassify.EqualInterval(x, k=k).bins
    # Rounded so 3.3000000000000003 does not leak into tests and exports; the maximum pinned so float
    # drift cannot push it outside the last class.
    bins = np.round(np.asarray(bins, dtype="float64"), 10)
    bins[-1] = x.max()  # guard against float drift making the maximum fall outside the last class
    return np.unique(bins)


def klasifikasi(
    values: pd.Series,
    scheme: str,
    k: int,
    batas: Sequence[float] | None = None,
    *,
    lebih_tinggi_lebih_buruk: bool = True,
) -> Kelas:
    """Classify one indicator for the map.

    Parameters
    ----------
    values : pd.Series
        One value per place (any index; it is kept). NaN/None = no data.
    scheme : str
        ``quantile``, ``natural_breaks`` (Jenks), ``equal_interval`` or ``fixed`` (Indonesian aliases work).
    k : int
        Classes wanted, 3–7. With ``fixed`` it is taken from ``batas`` (``len(batas) + 1``).
    batas : sequence of float, optional
        For ``fixed`` only: the thresholds typed by the user, e.g. ``[2, 5, 10]`` gives ``≤ 2``, ``2 – 5``,
        ``5 – 10``, ``> 10``. Unsorted or duplicated input is sorted and de-duplicated.
    lebih_tinggi_lebih_buruk : bool
        The catalogue flag; only the palette depends on it.

    Returns
    -------
    Kelas
        Deterministic: the same values give the same breaks, labels and colours.
    """
    skema = nama_skema(scheme)
    s = pd.to_numeric(pd.Series(values), errors="coerce").astype("float64")
    ada = s.notna()
    x = s[ada].to_numpy()
    catatan: str | None = None

    if skema == "fixed":
        if not batas:
            raise ValueError("Skema ambang tetap butuh batas kelas yang diketik pengguna.")
        ambang = sorted({float(b) for b in batas})
        if not K_MIN <= len(ambang) + 1 <= K_MAKS:
            raise ValueError(f"Ambang tetap harus {K_MIN - 1}–{K_MAKS - 1} angka berbeda "
                             f"(menghasilkan {K_MIN}–{K_MAKS} kelas).")
        k_diminta = len(ambang) + 1
        bins = np.array([*ambang, math.inf])
    else:
        if not K_MIN <= k <= K_MAKS:
            raise ValueError(f"Jumlah kelas harus {K_MIN}–{K_MAKS}, bukan {k}.")
        k_diminta = k
        unik = np.unique(x)
        if len(unik) == 0:
            bins = np.array([])
            catatan = "Tidak ada data untuk diklasifikasikan."
        elif len(unik) <= k:
            bins = unik
            if len(unik) < k:
                catatan = (f"Hanya {len(unik)} nilai berbeda: dibuat {len(unik)} kelas, satu per nilai, "
                           f"bukan {k}.")
        else:
            bins = _batas_data(x, skema, k)
            if len(bins) < k:
                catatan = f"Banyak nilai kembar: beberapa batas kelas sama, jadi hanya {len(bins)} kelas dipakai."

    bulat = bool(len(x)) and bool(np.all(np.mod(x, 1) == 0))
    if bulat and skema != "fixed" and len(bins):
        # Integer counts: (12.5, 40] holds the same counts as (12, 40], and the legend can say "13 – 40".
        bins = np.unique(np.floor(bins))
    kelas_np = np.searchsorted(bins, x, side="left") if len(bins) else np.zeros(0, dtype="int64")
    kelas = pd.Series(pd.NA, index=s.index, dtype="Int64")
    kelas[ada] = kelas_np
    k_pakai = len(bins)
    minimum = float(x.min()) if len(x) else math.nan
    per_nilai = skema != "fixed" and 0 < len(np.unique(x)) <= k_diminta
    jumlah = tuple(int(n) for n in np.bincount(kelas_np, minlength=k_pakai)) if k_pakai else ()
    return Kelas(
        skema=skema, k_diminta=k_diminta, k=k_pakai, batas=tuple(float(b) for b in bins), minimum=minimum,
        kelas=kelas, label=_label(list(bins), minimum, skema, bulat, per_nilai),
        warna=palet(k_pakai, lebih_tinggi_lebih_buruk) if k_pakai else (),
        jumlah=jumlah, lebih_tinggi_lebih_buruk=lebih_tinggi_lebih_buruk, catatan=catatan,
    )
