"""What the map page's choices mean: the measure's columns, typed thresholds, the classes drawn, the rule for a
place of the other level, and the frames the quadrant chart and the ratio map draw.

Why separate: the page reads widgets and draws; every rule that turns a choice into figures is here, pure, so it
is tested without Streamlit (:mod:`tkpk.ui.peta` only passes the widgets' values in).
"""

from __future__ import annotations

import pandas as pd

from tkpk import fmt, katalog
from tkpk.peta.bawaan import K_KELAS, aturan_kantong
from tkpk.peta.data import tingkat_kode
from tkpk.peta.kantong import AturanKantong, AturanMoran, HasilKantong
from tkpk.peta.klasifikasi import K_MAKS, K_MIN, Kelas, klasifikasi
from tkpk.peta.sasaran import HasilSasaran
from tkpk.peta.tabel import baca_ambang

__all__ = ["KOLOM_UKURAN", "ambang_dari_teks", "aturan_lain", "data_kuadran", "jumlah_wilayah", "kelas_peta",
           "nilai_rasio"]

# The poverty measure of the pocket rule → (share column, count column) of the level's data.
KOLOM_UKURAN: dict[str, tuple[str, str]] = {"jiwa": ("persen_jiwa_desil_1_4", "jiwa_desil_1_4"),
                                            "KK": ("persen_kk_desil_1", "kk_desil_1")}


def ambang_dari_teks(teks: str) -> tuple[list[float] | None, str | None]:
    """Typed class thresholds → (thresholds, None), or (None, the Indonesian reason) when they cannot be used:
    unreadable, or not :data:`K_MIN` − 1 … :data:`K_MAKS` − 1 distinct numbers."""
    try:
        ambang = baca_ambang(teks)
        if not K_MIN - 1 <= len(ambang) <= K_MAKS - 1:
            raise ValueError(f"Butuh {K_MIN - 1}–{K_MAKS - 1} ambang berbeda, bukan {len(ambang)}.")
    except ValueError as e:
        return None, str(e)
    return ambang, None


def kelas_peta(nilai: pd.Series, skema: str, k: int, ambang: list[float] | None, tingkat: str,
               indikator: str) -> Kelas:
    """The classes the map draws: typed thresholds when usable; a "fixed" choice whose thresholds are not usable
    falls back to quantiles; ``k`` 0 (fixed) means the level's default number of classes."""
    ind = katalog.INDIKATOR_BY_KODE[indikator]
    dipakai = "fixed" if ambang else ("quantile" if skema == "fixed" else skema)
    return klasifikasi(nilai, dipakai, k or K_KELAS[tingkat], ambang,
                       lebih_tinggi_lebih_buruk=ind.lebih_tinggi_lebih_buruk)


def aturan_lain(tingkat_tempat: str, aturan: AturanKantong | AturanMoran) -> AturanKantong | AturanMoran:
    """The rule for a selected place of the OTHER level than the map's: the same Moran rule, or that level's
    default count × share rule (its number of classes differs from the one chosen for the map's level)."""
    return aturan if isinstance(aturan, AturanMoran) else aturan_kantong(tingkat_tempat)


def data_kuadran(hasil: HasilKantong, lebar: pd.DataFrame, kolom_jumlah: str,
                 tingkat: str = "kecamatan") -> pd.DataFrame:
    """The quadrant chart's rows: the pocket result with its ``jumlah`` (the Moran rule has none: joined from the
    level's data by the measure's count column). At desa level each row names its kecamatan too: desa names
    repeat across kecamatan (three twice in Banjar)."""
    rows = hasil.tabel
    if "jumlah" not in rows.columns:
        rows = rows.merge(lebar[["kode", kolom_jumlah]].rename(columns={kolom_jumlah: "jumlah"}), on="kode",
                          how="left")
    if tingkat == "desa" and "nama_kecamatan" in lebar.columns and "nama_kecamatan" not in rows.columns:
        rows = rows.merge(lebar[["kode", "nama_kecamatan"]], on="kode", how="left")
    return rows


def nilai_rasio(nilai: pd.DataFrame, s: HasilSasaran) -> pd.DataFrame:
    """The map frame of the targeting map: interventions per 1.000 in the place of the indicator, no ranks."""
    rasio = s.tabel.set_index("kode")["intervensi_per_1000"].reindex(nilai["kode"]).to_numpy()
    return nilai.assign(nilai=rasio, nilai_teks=[fmt.TIDAK_ADA if x != x else fmt.angka(x, 2) for x in rasio],
                        sumber="laporan program OPD ÷ register sosial", samar="", peringkat_teks=fmt.TIDAK_ADA)


def jumlah_wilayah(kode: pd.Series) -> dict[str, int]:
    """Places per level among the kabupaten's codes ({"kecamatan": 20, "desa": 290} for Banjar)."""
    hitung = kode.astype("str").map(tingkat_kode).value_counts()
    return {t: int(hitung.get(t, 0)) for t in K_KELAS}
