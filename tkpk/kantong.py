"""Poverty pockets (kantong kemiskinan) by a rule an official can read, check and change.

- :func:`kantong_jumlah_persen` (default): the "count × share" quadrant used for national priority locations.
  A pocket is in the top class by share AND by count, classes drawn by :func:`tkpk.klasifikasi.klasifikasi`
  so map and table agree: a high share in a tiny hamlet, or many poor people in a big well-off town, is not a
  pocket on its own. Deprivation counts enter a visible weighted score that ranks pockets and, only when the
  user sets a threshold, can qualify a place too.
- :func:`kantong_moran`: Local Moran's I on the share (Queen contiguity, row-standardised, 999 permutations,
  fixed seed): significant High-High = pocket, High-Low = isolated pocket; every p-value is returned.

Both sort by ``kode`` first and break ties by ``kode``: the same inputs give the same pockets, so a change
between years is a change in the data, not in the code.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd

from tkpk import fmt, katalog
from tkpk.klasifikasi import SKEMA, Kelas, klasifikasi, nama_skema

__all__ = [
    "DEPRIVASI", "AturanKantong", "AturanMoran", "HasilKantong", "PerubahanKantong", "bandingkan_kantong",
    "deskripsi_aturan", "kantong_jumlah_persen", "kantong_moran",
]

KANTONG = "kantong"
TERISOLASI = "kantong terisolasi"
DEPRIVASI = ("rtlh", "kk_tanpa_air_layak", "kk_tanpa_sanitasi_layak", "anak_tidak_sekolah")
KUADRAN = {1: "Tinggi-Tinggi", 2: "Rendah-Tinggi", 3: "Rendah-Rendah", 4: "Tinggi-Rendah"}

# How a count reads inside a sentence: "612 jiwa desil 1–4", "140 RTLH".
_FRASA_JUMLAH = {"jiwa_desil_1_4": "jiwa desil 1–4", "jiwa_desil_1": "jiwa desil 1", "kk_desil_1": "KK desil 1",
                 "kk_desil_1_4": "KK desil 1–4",
                 "rtlh": "RTLH", "kk_tanpa_air_layak": "KK tanpa air minum layak",
                 "kk_tanpa_sanitasi_layak": "KK tanpa sanitasi layak", "anak_tidak_sekolah": "anak tidak sekolah"}
_FRASA_PERSEN = {"persen_jiwa_desil_1_4": "% penduduk desil 1–4", "persen_jiwa_desil_1": "% penduduk desil 1",
                 "persen_kk_desil_1": "persen KK desil 1",
                 "persen_kk_desil_1_4": "persen KK desil 1–4"}


@dataclass(frozen=True)
class AturanKantong:
    """The count × share rule with every knob the page exposes (defaults = the rule shown by default)."""

    kolom_persen: str = "persen_jiwa_desil_1_4"
    kolom_jumlah: str = "jiwa_desil_1_4"
    skema: str = "quantile"
    k: int = 5
    bobot: Mapping[str, float] = field(default_factory=dict)  # deprivation weights, e.g. {"rtlh": 1.0}
    bobot_persen: float = 1.0
    bobot_jumlah: float = 1.0
    ambang_skor: float | None = None  # 0–100; None = the score ranks but never qualifies


@dataclass(frozen=True)
class AturanMoran:
    """The Local Moran's I rule; the seed is fixed so permutation p-values repeat exactly."""

    kolom_persen: str = "persen_jiwa_desil_1_4"
    alpha: float = 0.05
    permutasi: int = 999
    seed: int = 12345


@dataclass(frozen=True)
class HasilKantong:
    """Pocket table (one row per place, pockets first by ``rank``, then by ``kode``) and what explains it."""

    tabel: pd.DataFrame
    aturan: AturanKantong | AturanMoran
    nilai_kabupaten: float | None = None
    ambang_persen: float | None = None  # a pocket has persen > ambang_persen
    ambang_jumlah: float | None = None
    kelas_persen: Kelas | None = None
    kelas_jumlah: Kelas | None = None
    catatan: str | None = None

    @property
    def kode_kantong(self) -> list[str]:
        """Pocket codes in rank order (what :mod:`tkpk.sasaran` and ``tkpk.skor.tepat_sasaran`` take)."""
        return self.kantong()["kode"].tolist()

    def kantong(self) -> pd.DataFrame:
        """Only the pockets, ranked: the table officials read."""
        return self.tabel[self.tabel["is_pocket"]].reset_index(drop=True)


def _satuan(kolom: str) -> str:
    ind = katalog.INDIKATOR_BY_KODE.get(kolom)
    return ind.satuan if ind else ""


def _nama(kolom: str) -> str:
    ind = katalog.INDIKATOR_BY_KODE.get(kolom)
    return ind.nama if ind else kolom


def _frasa_persen(kolom: str, x: float, kab: float | None) -> str:
    teks = f"{_FRASA_PERSEN.get(kolom) or _nama(kolom).lower()} {fmt.persen(x, 1)}"
    return teks + (f" (kabupaten {fmt.persen(kab, 1)})" if kab is not None and not math.isnan(kab) else "")


def _frasa_jumlah(kolom: str, x: float) -> str:
    return f"{fmt.angka(x)} {_FRASA_JUMLAH.get(kolom) or _nama(kolom)}"


def _nilai_kabupaten(df: pd.DataFrame, kolom_persen: str) -> float | None:
    """Pooled Σ pembilang / Σ penyebut: a register share is compared with a register share, not BPS P0."""
    ind = katalog.INDIKATOR_BY_KODE.get(kolom_persen)
    if not ind or not ind.turunan or ind.pembilang not in df.columns or ind.penyebut not in df.columns:
        return None
    a = pd.to_numeric(df[ind.pembilang], errors="coerce")
    b = pd.to_numeric(df[ind.penyebut], errors="coerce")
    ok = a.notna() & b.notna()
    return float(100 * a[ok].sum() / b[ok].sum()) if ok.any() and b[ok].sum() > 0 else None


def _siapkan(df: pd.DataFrame, kolom: list[str]) -> pd.DataFrame:
    if hilang := [c for c in ["kode", "nama", *kolom] if c not in df.columns]:
        raise ValueError(f"Kolom tidak ada: {', '.join(hilang)}")
    d = df.copy()
    d["kode"] = d["kode"].astype("str")
    if d["kode"].duplicated().any():
        raise ValueError("Kode wilayah ganda: satu baris per wilayah.")
    for c in kolom:
        d[c] = pd.to_numeric(d[c], errors="coerce").astype("float64")
    return d.sort_values("kode", kind="mergesort").reset_index(drop=True)


def _peringkat(d: pd.DataFrame, urut: list[str], naik: list[bool]) -> pd.Series:
    """1..n over pockets in the given order, ``kode`` as the last tie-breaker; <NA> for non-pockets."""
    p = d[d["is_pocket"]].sort_values([*urut, "kode"], ascending=[*naik, True], kind="mergesort")
    rank = pd.Series(pd.NA, index=d.index, dtype="Int64")
    rank[p.index] = np.arange(1, len(p) + 1)
    return rank


def _urut(d: pd.DataFrame) -> pd.DataFrame:
    return d.sort_values(["rank", "kode"], na_position="last", kind="mergesort").reset_index(drop=True)


def kantong_jumlah_persen(
    df: pd.DataFrame, aturan: AturanKantong | None = None, nilai_kabupaten: float | None = None
) -> HasilKantong:
    """Pockets by the default count × share rule.

    Parameters
    ----------
    df : pd.DataFrame
        One row per place of one level and one year: ``kode``, ``nama``, ``aturan.kolom_persen``,
        ``aturan.kolom_jumlah``, every deprivation column named in ``aturan.bobot``; optionally the
        numerator/denominator of the share (``jiwa_desil_1_4``, ``penduduk``) to compute the kabupaten figure.
    aturan : AturanKantong, optional
        Defaults: persen_jiwa_desil_1_4 and jiwa_desil_1_4, quantiles, 5 classes, no deprivations.
    nilai_kabupaten : float, optional
        Kabupaten share quoted in the reasons; computed as a pooled share when None and possible.

    Returns
    -------
    HasilKantong
        ``tabel`` columns: kode, nama, persen, jumlah, kelas_persen, kelas_jumlah, atas_persen, atas_jumlah,
        skor (0–100 weighted percentile score), the deprivation columns, is_pocket, jenis, rank, alasan.
    """
    a = aturan or AturanKantong()
    if nama_skema(a.skema) == "fixed":
        raise ValueError("Aturan kantong memakai kuantil, natural breaks atau interval sama, bukan ambang tetap.")
    bobot = {c: float(w) for c, w in a.bobot.items() if w and float(w) > 0}
    if any(w < 0 for w in (a.bobot_persen, a.bobot_jumlah, *a.bobot.values())):
        raise ValueError("Bobot tidak boleh negatif.")
    d = _siapkan(df, [a.kolom_persen, a.kolom_jumlah, *bobot])
    kab = nilai_kabupaten if nilai_kabupaten is not None else _nilai_kabupaten(d, a.kolom_persen)

    kp = klasifikasi(d[a.kolom_persen], a.skema, a.k)
    kj = klasifikasi(d[a.kolom_jumlah], a.skema, a.k)
    # A single class (all values equal) has no "top": nobody stands out, so nobody is a pocket.
    atas_p, atas_j = (k.kelas.eq(k.k - 1).fillna(False).astype(bool) & (k.k >= 2) for k in (kp, kj))
    ambang_p, ambang_j = (k.batas[-2] if k.k >= 2 else None for k in (kp, kj))

    # Weighted mean of percentile ranks over the indicators this place has (weights renormalised).
    w = pd.Series({a.kolom_persen: a.bobot_persen, a.kolom_jumlah: a.bobot_jumlah, **bobot}, dtype="float64")
    pangkat = pd.DataFrame({c: d[c].rank(pct=True, method="average") for c in w.index})
    penyebut = pangkat.notna().mul(w, axis=1).sum(axis=1)
    skor = (100 * pangkat.fillna(0).mul(w, axis=1).sum(axis=1) / penyebut).where(penyebut > 0)

    lengkap = d[a.kolom_persen].notna() & d[a.kolom_jumlah].notna()
    lolos_skor = (skor >= a.ambang_skor).fillna(False) if a.ambang_skor is not None else False
    is_pocket = (atas_p & atas_j) | (lengkap & lolos_skor)

    out = pd.DataFrame({
        "kode": d["kode"], "nama": d["nama"], "persen": d[a.kolom_persen], "jumlah": d[a.kolom_jumlah],
        "kelas_persen": kp.kelas, "kelas_jumlah": kj.kelas, "atas_persen": atas_p, "atas_jumlah": atas_j,
        "skor": skor.round(1), **{c: d[c] for c in bobot}, "is_pocket": is_pocket.astype(bool),
    })
    out["jenis"] = pd.Series(np.where(out["is_pocket"], KANTONG, None), index=out.index, dtype="object")
    out["rank"] = _peringkat(out, ["skor", "persen", "jumlah"], [False, False, False])
    satuan_j = _satuan(a.kolom_jumlah)
    out["alasan"] = [_alasan_jp(r, a, bobot, kab, ambang_p, ambang_j, satuan_j) for r in out.itertuples(index=False)]
    catatan = "; ".join(c for c in (kp.catatan and f"Persen: {kp.catatan}",
                                     kj.catatan and f"Jumlah: {kj.catatan}") if c) or None
    return HasilKantong(tabel=_urut(out), aturan=a, nilai_kabupaten=kab, ambang_persen=ambang_p,
                        ambang_jumlah=ambang_j, kelas_persen=kp, kelas_jumlah=kj, catatan=catatan)


def _alasan_jp(r: tuple, a: AturanKantong, bobot: dict[str, float], kab: float | None,
               ambang_p: float | None, ambang_j: float | None, satuan_j: str) -> str:
    """Reasons in the words of the rule: what made it a pocket, or which condition it missed."""
    persen, jumlah = r.persen, r.jumlah
    if math.isnan(persen) or math.isnan(jumlah):
        kurang = [_nama(k).lower() for k, v in ((a.kolom_persen, persen), (a.kolom_jumlah, jumlah)) if math.isnan(v)]
        return "tidak ada data " + " dan ".join(kurang)
    bagian = [_frasa_persen(a.kolom_persen, persen, kab), _frasa_jumlah(a.kolom_jumlah, jumlah)]
    bagian += [_frasa_jumlah(c, getattr(r, c)) for c in bobot if not math.isnan(getattr(r, c))]
    if bobot and not math.isnan(r.skor):
        bagian.append(f"skor komposit {fmt.angka(r.skor, 1)}")
    if r.is_pocket:
        if not (r.atas_persen and r.atas_jumlah):
            bagian.append(f"lolos karena skor ≥ {fmt.angka(a.ambang_skor, 1)}")
        return "; ".join(bagian)
    gagal = []
    if not r.atas_persen:
        batas_p = f" (> {fmt.persen(ambang_p, 1)})" if ambang_p is not None else ""
        gagal.append(f"persen di bawah kelas teratas{batas_p}")
    if not r.atas_jumlah:
        batas_j = f" (> {f'{fmt.angka(ambang_j)} {satuan_j}'.strip()})" if ambang_j is not None else ""
        gagal.append(f"jumlah di bawah kelas teratas{batas_j}")
    return "bukan kantong: " + " dan ".join(gagal) + " — " + "; ".join(bagian)


def kantong_moran(
    gdf: gpd.GeoDataFrame, aturan: AturanMoran | None = None, nilai_kabupaten: float | None = None
) -> HasilKantong:
    """Pockets as spatial clusters of the share (Local Moran's I).

    Parameters
    ----------
    gdf : gpd.GeoDataFrame
        One polygon per place: ``kode``, ``nama``, ``aturan.kolom_persen`` and geometry. Places without a
        value are left out of the statistic (they would otherwise be read as 0) and marked "tidak ada data".
    aturan : AturanMoran, optional
        Defaults: persen_jiwa_desil_1_4, p < 0,05, 999 permutations, seed 12345.
    nilai_kabupaten : float, optional
        Kabupaten share quoted in the reasons (pooled share computed when None and possible).

    Returns
    -------
    HasilKantong
        ``tabel`` columns: kode, nama, persen, lag_persen (neighbours' average), jumlah_tetangga, moran_i,
        kuadran ("Tinggi-Tinggi", …, "tanpa tetangga", "tidak ada data"), p_sim, is_pocket, jenis
        ('kantong' for significant High-High, 'kantong terisolasi' for significant High-Low), rank, alasan.
    """
    import esda  # imported here: it costs a second, and only this rule needs it
    from libpysal.weights import Queen, lag_spatial

    a = aturan or AturanMoran()
    d = _siapkan(gdf, [a.kolom_persen])
    kab = nilai_kabupaten if nilai_kabupaten is not None else _nilai_kabupaten(d, a.kolom_persen)
    out = pd.DataFrame({"kode": d["kode"], "nama": d["nama"], "persen": d[a.kolom_persen]})
    out = out.assign(lag_persen=math.nan, jumlah_tetangga=pd.array([pd.NA] * len(d), dtype="Int64"),
                     moran_i=math.nan, kuadran="tidak ada data", p_sim=math.nan)
    ada = out["persen"].notna()
    catatan = None
    sub = d.loc[ada]
    if len(sub) >= 3 and sub[a.kolom_persen].std() > 0:
        y = sub[a.kolom_persen].to_numpy()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # islands are reported in the table, not as console warnings
            w = Queen.from_dataframe(sub, use_index=False, silence_warnings=True)
            w.transform = "r"
            lm = esda.Moran_Local(y, w, transformation="r", permutations=a.permutasi, seed=a.seed)
        tetangga = np.array([w.cardinalities[i] for i in w.id_order])
        pulau, idx = tetangga == 0, sub.index.to_numpy()
        out.loc[idx, "jumlah_tetangga"] = tetangga
        out.loc[idx, "lag_persen"] = np.where(pulau, math.nan, lag_spatial(w, y))
        out.loc[idx, "moran_i"] = np.where(pulau, math.nan, lm.Is)
        out.loc[idx, "p_sim"] = np.where(pulau, math.nan, lm.p_sim)
        out.loc[idx, "kuadran"] = np.where(pulau, "tanpa tetangga", [KUADRAN[int(q)] for q in lm.q])
        if pulau.any():
            catatan = f"{int(pulau.sum())} wilayah tanpa tetangga bersinggungan tidak diuji."
    elif ada.any():
        out.loc[ada, "kuadran"] = "tidak diuji"
        catatan = "Terlalu sedikit wilayah berdata atau semua nilai sama: uji Moran tidak dijalankan."
    sig = out["p_sim"] < a.alpha
    jenis = np.select([sig & (out["kuadran"] == KUADRAN[1]), sig & (out["kuadran"] == KUADRAN[4])],
                      [KANTONG, TERISOLASI], default="")
    out["is_pocket"] = jenis != ""
    out["jenis"] = pd.Series(jenis, index=out.index, dtype="object").replace("", None)
    out["rank"] = _peringkat(out, ["persen", "p_sim"], [False, True])
    out["alasan"] = [_alasan_moran(r, a, kab) for r in out.itertuples(index=False)]
    return HasilKantong(tabel=_urut(out), aturan=a, nilai_kabupaten=kab, catatan=catatan)


def _alasan_moran(r: tuple, a: AturanMoran, kab: float | None) -> str:
    if math.isnan(r.persen):
        return f"tidak ada data {_nama(a.kolom_persen).lower()}"
    teks = _frasa_persen(a.kolom_persen, r.persen, kab)
    if r.kuadran in ("tanpa tetangga", "tidak diuji"):
        return f"{teks}; {r.kuadran}: tidak dapat diuji Moran"
    ambang = fmt.angka(a.alpha, 2)
    p = f"p = {fmt.angka(r.p_sim, 3)}"
    tetangga = f"rata-rata tetangga {fmt.persen(r.lag_persen, 1)}"
    if r.jenis == KANTONG:
        return f"{teks}; {tetangga}; klaster Tinggi-Tinggi, {p} (< {ambang})"
    if r.jenis == TERISOLASI:
        return f"{teks}; {tetangga}; Tinggi-Rendah: miskin di antara tetangga yang lebih baik, {p} (< {ambang})"
    return f"bukan kantong: {r.kuadran}, {p}" + (f" (≥ {ambang}, tidak signifikan)" if r.p_sim >= a.alpha else "") \
        + f" — {teks}; {tetangga}"


def deskripsi_aturan(aturan: AturanKantong | AturanMoran | None = None, hasil: HasilKantong | None = None) -> str:
    """The rule in Indonesian, printed under the map and the pocket table so nobody has to guess it.

    Parameters
    ----------
    aturan : AturanKantong or AturanMoran, optional
        Defaults to the count × share rule (or ``hasil.aturan``).
    hasil : HasilKantong, optional
        When given, the actual thresholds of this year's data are quoted.
    """
    a = aturan or (hasil.aturan if hasil else AturanKantong())
    nama_p = _nama(a.kolom_persen).lower()
    if isinstance(a, AturanMoran):
        baris = [
            f"Kantong menurut klaster spasial (Local Moran's I) atas {nama_p}: wilayah yang bersinggungan "
            "(batas atau titik sudut, bobot dinormalkan per baris) dianggap tetangga.",
            "Kantong: wilayah tinggi yang dikelilingi tetangga tinggi (Tinggi-Tinggi). Kantong terisolasi: wilayah "
            f"tinggi di antara tetangga rendah (Tinggi-Rendah). Keduanya hanya bila p < {fmt.angka(a.alpha, 2)}.",
            f"Nilai p dari {fmt.angka(a.permutasi)} permutasi acak dengan benih tetap {a.seed}, sehingga hasilnya "
            "selalu sama untuk data yang sama. Nilai p setiap wilayah ditampilkan.",
            "Wilayah tanpa data atau tanpa tetangga tidak diuji.",
        ]
        return "\n".join(f"- {b}" for b in baris)
    nama_j = _nama(a.kolom_jumlah).lower()
    skema = SKEMA[nama_skema(a.skema)].lower()
    ap, aj = (hasil.ambang_persen, hasil.ambang_jumlah) if hasil is not None else (None, None)
    syarat_p = f" (di atas {fmt.persen(ap, 1)})" if ap is not None else ""
    syarat_j = f" (di atas {fmt.angka(aj)} {_satuan(a.kolom_jumlah)})" if aj is not None else ""
    baris = [
        f"Kantong bila wilayah berada di kelas teratas {nama_p}{syarat_p} DAN di kelas teratas "
        f"{nama_j}{syarat_j}: tinggi persentasenya sekaligus banyak jumlahnya.",
        f"Kelas dibuat dengan skema {skema}, {a.k} kelas, sama dengan peta. Wilayah tanpa data tidak pernah "
        "menjadi kantong.",
    ]
    komponen = [(nama_p, a.bobot_persen), (nama_j, a.bobot_jumlah)]
    komponen += [(_nama(c), w) for c, w in a.bobot.items() if w and w > 0]
    rincian = ", ".join(f"{n} × {fmt.angka(w, 1)}" for n, w in komponen)
    baris.append(f"Skor komposit 0–100 = rata-rata berbobot peringkat persentil: {rincian}. "
                 "Skor mengurutkan kantong" + ("." if a.ambang_skor is None else
                                               f"; wilayah dengan skor ≥ {fmt.angka(a.ambang_skor, 1)} juga "
                                               "dihitung sebagai kantong."))
    if "persen" in a.kolom_persen:
        baris.append("Persentase di tingkat kecamatan/desa adalah proksi dari data sasaran (DTSEN/P3KE), "
                     "bukan angka BPS.")
    return "\n".join(f"- {b}" for b in baris)


@dataclass(frozen=True)
class PerubahanKantong:
    """Pockets that entered, left or stayed between two years (codes sorted)."""

    masuk: list[str]
    keluar: list[str]
    tetap: list[str]
    tabel: pd.DataFrame  # kode, nama, status ('masuk'|'keluar'|'tetap'), jenis_lama, jenis_baru, rank_lama, rank_baru

    def ringkasan(self) -> str:
        """One sentence for the page: how many entered and left."""
        return f"{len(self.masuk)} wilayah masuk daftar kantong, {len(self.keluar)} keluar, {len(self.tetap)} tetap."


def bandingkan_kantong(lama: HasilKantong | pd.DataFrame, baru: HasilKantong | pd.DataFrame) -> PerubahanKantong:
    """Compare two years' pocket lists (from the same rule and level, else the comparison means nothing).

    Parameters
    ----------
    lama, baru : HasilKantong or pd.DataFrame
        Results of the earlier and later year, or tables with kode, nama, is_pocket (jenis, rank optional).
    """
    def _kantong(h: HasilKantong | pd.DataFrame) -> pd.DataFrame:
        t = h.tabel if isinstance(h, HasilKantong) else h
        t = t[t["is_pocket"].astype(bool)].assign(kode=lambda x: x["kode"].astype("str"))
        return t.reindex(columns=["kode", "nama", "jenis", "rank"])

    a, b = _kantong(lama), _kantong(baru)
    m = a.merge(b, on="kode", how="outer", suffixes=("_lama", "_baru"), indicator=True)
    m["nama"] = m["nama_baru"].combine_first(m["nama_lama"])
    m["status"] = m["_merge"].map({"left_only": "keluar", "right_only": "masuk", "both": "tetap"}).astype("str")
    tabel = m.sort_values(["status", "kode"], kind="mergesort")[
        ["kode", "nama", "status", "jenis_lama", "jenis_baru", "rank_lama", "rank_baru"]].reset_index(drop=True)
    daftar = {s: sorted(tabel.loc[tabel["status"] == s, "kode"]) for s in ("masuk", "keluar", "tetap")}
    return PerubahanKantong(masuk=daftar["masuk"], keluar=daftar["keluar"], tetap=daftar["tetap"], tabel=tabel)
