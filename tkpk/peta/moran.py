"""Pockets as spatial clusters: Local Moran's I done so that its counts can be trusted.

Why each choice (the rule's knobs live in :class:`tkpk.peta.kantong.AturanMoran`):

- **neighbours** from fuzzy contiguity (libpysal) in a metric CRS, with the tolerance in metres: the desa
  outlines were digitised one by one, so 34 pairs of neighbours touch without sharing a vertex or leave a gap
  under a metre, and Queen contiguity missed them;
- **9.999 permutations with a fixed seed**: the smallest p-value is 0,0001, and the same data always give the
  same p-values, so the number of pockets does not move between two reruns of the page;
- **multiple testing**: 290 tests at α = 0,05 find about 15 "significant" places by chance alone. The false
  discovery rate (Benjamini–Hochberg, ``esda.fdr``) is on by default, and the page says how many places were
  significant before and after the correction;
- **empirical-Bayes rates** (optional, ``esda.Moran_Local_Rate``): the share of a desa of 300 people jumps with
  every family that moves; EB standardisation shrinks it towards the kabupaten rate by its population.
"""

from __future__ import annotations

import math
import time
import warnings

import geopandas as gpd
import numpy as np
import pandas as pd

from tkpk import fmt, katalog
from tkpk.peta.kantong import (
    KANTONG,
    KOREKSI,
    KUADRAN,
    LAJU,
    TERISOLASI,
    AturanMoran,
    HasilKantong,
    UjiMoran,
    _frasa_persen,
    _nama,
    _nilai_kabupaten,
    _peringkat,
    _siapkan,
    _urut,
    teks_p,
)

__all__ = ["kantong_moran", "tetangga"]

def tetangga(gdf: gpd.GeoDataFrame, aturan: AturanMoran) -> object:
    """Fuzzy-contiguity weights (row-standardised) of ``gdf``'s rows in order, in ``aturan.crs_meter``."""
    from libpysal.weights import fuzzy_contiguity

    g = gpd.GeoDataFrame(geometry=gdf.geometry.reset_index(drop=True), crs=gdf.crs or "EPSG:4326")
    g = g.to_crs(aturan.crs_meter)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # islands are reported in the table, not as console warnings
        if aturan.toleransi_m > 0:
            # Each outline grows by half the tolerance, so a gap of up to toleransi_m metres closes.
            w = fuzzy_contiguity(g, buffering=True, buffer=aturan.toleransi_m / 2, silence_warnings=True)
        else:
            w = fuzzy_contiguity(g, buffering=False, silence_warnings=True)
    urutan = list(range(len(g)))
    if list(w.id_order) != urutan:
        w.id_order = urutan  # esda reads y in id order: keep it the row order
    w.transform = "r"
    return w


def kantong_moran(gdf: gpd.GeoDataFrame, aturan: AturanMoran | None = None, nilai_kabupaten: float | None = None,
                  samar: pd.DataFrame | None = None) -> HasilKantong:
    """Pockets as spatial clusters of the share (Local Moran's I).

    Parameters
    ----------
    gdf : gpd.GeoDataFrame
        One polygon per place: ``kode``, ``nama``, ``aturan.kolom_persen``, geometry and, for ``laju="eb"``, the
        share's numerator and denominator (``jiwa_desil_1_4``, ``penduduk``). Places without a value (or with a
        hidden small count) are left out of the statistic and marked "tidak ada data".
    aturan : AturanMoran, optional
        Defaults: persen_jiwa_desil_1_4, α = 0,05 with FDR, 9.999 permutations, seed 12345, 1 m tolerance.
    nilai_kabupaten : float, optional
        Kabupaten share quoted in the reasons (pooled share computed when None and possible).
    samar : pd.DataFrame, optional
        Small-cell status (unused in the statistic: hidden values are NaN already; kept for the same call shape).

    Returns
    -------
    HasilKantong
        ``tabel`` columns: kode, nama, persen, lag_persen (neighbours' average share), jumlah_tetangga, moran_i,
        kuadran ("Tinggi-Tinggi", …, "tanpa tetangga", "tidak ada data"), p_sim, signifikan_mentah,
        signifikan, termasuk_kantong, jenis, peringkat, alasan; ``uji`` holds the counts before and after correction.
    """
    import esda  # imported here: it costs a second, and only this rule needs it
    from libpysal.weights import lag_spatial

    a = aturan or AturanMoran()
    if a.koreksi not in KOREKSI or a.laju not in LAJU:
        raise ValueError(f"Koreksi harus {', '.join(KOREKSI)} dan laju {', '.join(LAJU)}.")
    ind = katalog.INDIKATOR_BY_KODE.get(a.kolom_persen)
    eb = a.laju == "eb"
    if eb and (ind is None or not ind.turunan):
        raise ValueError(f"Laju empiris Bayes butuh persentase turunan, bukan {a.kolom_persen!r}.")
    kolom = [a.kolom_persen, *([ind.pembilang, ind.penyebut] if eb and ind else [])]
    d = _siapkan(gdf, kolom)  # type: ignore[arg-type]
    kab = nilai_kabupaten if nilai_kabupaten is not None else _nilai_kabupaten(d, a.kolom_persen)
    out = pd.DataFrame({"kode": d["kode"], "nama": d["nama"], "persen": d[a.kolom_persen]})
    out = out.assign(lag_persen=math.nan, jumlah_tetangga=pd.array([pd.NA] * len(d), dtype="Int64"),
                     moran_i=math.nan, kuadran="tidak ada data", p_sim=math.nan)
    ada = out["persen"].notna()
    if eb and ind:
        ada &= d[ind.pembilang].notna() & (d[ind.penyebut] > 0)
    catatan, uji = None, None
    sub = d.loc[ada]
    if len(sub) >= 3 and sub[a.kolom_persen].std() > 0:
        mulai = time.perf_counter()
        y = sub[a.kolom_persen].to_numpy()
        w = tetangga(gpd.GeoDataFrame(sub, geometry="geometry", crs=getattr(gdf, "crs", None)), a)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if eb and ind:
                lm = esda.Moran_Local_Rate(sub[ind.pembilang].to_numpy(), sub[ind.penyebut].to_numpy(), w,
                                           adjusted=True, transformation="r", permutations=a.permutasi, seed=a.seed)
            else:
                lm = esda.Moran_Local(y, w, transformation="r", permutations=a.permutasi, seed=a.seed)
        tetangga_n = np.array([w.cardinalities[i] for i in w.id_order])
        pulau, idx = tetangga_n == 0, sub.index.to_numpy()
        out.loc[idx, "jumlah_tetangga"] = tetangga_n
        out.loc[idx, "lag_persen"] = np.where(pulau, math.nan, lag_spatial(w, y))
        out.loc[idx, "moran_i"] = np.where(pulau, math.nan, lm.Is)
        out.loc[idx, "p_sim"] = np.where(pulau, math.nan, lm.p_sim)
        out.loc[idx, "kuadran"] = np.where(pulau, "tanpa tetangga", [KUADRAN[int(q)] for q in lm.q])
        if pulau.any():
            catatan = f"{int(pulau.sum())} wilayah tanpa tetangga bersinggungan tidak diuji."
        p = out["p_sim"].dropna().to_numpy()
        ambang = float(esda.fdr(p, a.alpha)) if a.koreksi == "fdr" and len(p) else a.alpha
        uji = UjiMoran(jumlah_diuji=len(p), signifikan_mentah=int((p < a.alpha).sum()),
                       signifikan=int((p < ambang).sum()), ambang_p=ambang, koreksi=a.koreksi,
                       detik=time.perf_counter() - mulai)
    elif ada.any():
        out.loc[ada, "kuadran"] = "tidak diuji"
        catatan = "Terlalu sedikit wilayah berdata atau semua nilai sama: uji Moran tidak dijalankan."
    ambang_p = uji.ambang_p if uji else a.alpha
    out["signifikan_mentah"] = (out["p_sim"] < a.alpha).fillna(False).astype(bool)
    out["signifikan"] = (out["p_sim"] < ambang_p).fillna(False).astype(bool)
    sig = out["signifikan"]
    jenis = np.select([sig & (out["kuadran"] == KUADRAN[1]), sig & (out["kuadran"] == KUADRAN[4])],
                      [KANTONG, TERISOLASI], default="")
    out["termasuk_kantong"] = jenis != ""
    out["jenis"] = pd.Series(jenis, index=out.index, dtype="object").replace("", None)
    out["peringkat"] = _peringkat(out, ["persen", "p_sim"], [False, True])
    out["alasan"] = [_alasan(r, a, kab, ambang_p) for r in out.itertuples(index=False)]
    return HasilKantong(tabel=_urut(out), aturan=a, nilai_kabupaten=kab, catatan=catatan, uji=uji)


def _alasan(r: tuple, a: AturanMoran, kab: float | None, ambang: float) -> str:
    if math.isnan(r.persen):
        return f"tidak ada data {fmt.awal_kecil(_nama(a.kolom_persen))}"
    teks = _frasa_persen(a.kolom_persen, r.persen, kab)
    if r.kuadran in ("tanpa tetangga", "tidak diuji", "tidak ada data"):
        return f"{teks}; {r.kuadran}: tidak dapat diuji Moran"
    batas = f"ambang {KOREKSI[a.koreksi].split(' (')[0]} {teks_p(ambang)}" if a.koreksi == "fdr" \
        else f"α {fmt.angka(a.alpha, 2)}"
    p = f"p = {teks_p(r.p_sim)}"
    tetangga_teks = f"rata-rata tetangga {fmt.persen(r.lag_persen, 1)}"
    if r.jenis == KANTONG:
        return f"{teks}; {tetangga_teks}; klaster Tinggi-Tinggi, {p} (< {batas})"
    if r.jenis == TERISOLASI:
        return f"{teks}; {tetangga_teks}; Tinggi-Rendah: miskin di antara tetangga yang lebih baik, {p} (< {batas})"
    if r.p_sim >= a.alpha:
        alasan = f" (≥ α {fmt.angka(a.alpha, 2)}, tidak signifikan)"
    elif r.p_sim >= ambang:
        alasan = f" (signifikan tanpa koreksi, tidak setelah koreksi: ≥ {batas})"
    else:
        alasan = ""
    return f"bukan kantong: {r.kuadran}, {p}{alasan} — {teks}; {tetangga_teks}"
