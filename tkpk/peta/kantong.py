"""Poverty pockets (kantong kemiskinan) by a rule an official can read, check and change.

- :func:`kantong_jumlah_persen` (default): the "count × share" quadrant used for national priority locations.
  A pocket is in the top class by share AND by count, classes drawn by :func:`tkpk.peta.klasifikasi.klasifikasi`
  so map and table agree: a high share in a tiny hamlet, or many poor people in a big well-off town, is not a
  pocket on its own. Deprivation counts enter a visible weighted score that ranks pockets and, only when the
  user sets a threshold, can qualify a place too.
- :func:`kantong_moran` (in :mod:`tkpk.peta.moran`): Local Moran's I on the share (fuzzy contiguity in
  metres, 9.999 permutations, fixed seed, FDR correction): significant High-High = pocket, High-Low = isolated
  pocket; every p-value is returned.

Both sort by ``kode`` first and break ties by ``kode``: the same inputs give the same pockets, so a change
between years is a change in the data, not in the code.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from tkpk import fmt, katalog, sel_kecil
from tkpk.peta.klasifikasi import SKEMA, Kelas, klasifikasi, nama_skema

__all__ = [
    "DEPRIVASI", "AturanKantong", "AturanMoran", "HasilKantong", "UjiMoran", "deskripsi_aturan", "deskripsi_moran",
    "kantong_jumlah_persen", "teks_p",
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
    """The Local Moran's I rule (computed in :mod:`tkpk.peta.moran`).

    Neighbours: fuzzy contiguity in a metric CRS (``crs_meter``, UTM 50S for South Kalimantan): two places are
    neighbours when their borders touch or leave a gap of at most ``toleransi_m`` metres (digitised borders that
    do not share vertices, slivers). p-values from ``permutasi`` conditional permutations with a fixed ``seed``,
    so the counts repeat exactly; ``koreksi`` "fdr" (default) applies the Benjamini–Hochberg false discovery
    rate over all places tested (esda.fdr), "tanpa" tests each place at ``alpha``. ``laju`` "eb" uses
    empirical-Bayes standardised rates (esda.Moran_Local_Rate, Assunção–Reis) instead of the raw share, so a
    tiny desa's unstable share does not make a cluster on its own.
    """

    kolom_persen: str = "persen_jiwa_desil_1_4"
    alpha: float = 0.05
    permutasi: int = 9999
    seed: int = 12345
    koreksi: str = "fdr"
    laju: str = "mentah"
    toleransi_m: float = 1.0
    crs_meter: str = "EPSG:32750"


@dataclass(frozen=True)
class UjiMoran:
    """How many places were tested and how many are significant before and after the correction."""

    jumlah_diuji: int
    signifikan_mentah: int       # p < alpha, one test per place
    signifikan: int              # after the correction (= signifikan_mentah without one)
    ambang_p: float              # the p cut-off actually used (alpha, or the FDR cut-off)
    koreksi: str
    detik: float                 # compute time (weights + permutations), for the page and the benchmark


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
    uji: UjiMoran | None = None  # Moran only

    @property
    def kode_kantong(self) -> list[str]:
        """Pocket codes in rank order (what :mod:`tkpk.peta.sasaran` and ``tkpk.pilar.skor.tepat_sasaran`` take)."""
        return self.kantong()["kode"].tolist()

    def kantong(self) -> pd.DataFrame:
        """Only the pockets, ranked: the table officials read."""
        return self.tabel[self.tabel["termasuk_kantong"]].reset_index(drop=True)


def _satuan(kolom: str) -> str:
    ind = katalog.INDIKATOR_BY_KODE.get(kolom)
    return ind.satuan if ind else ""


def _nama(kolom: str) -> str:
    ind = katalog.INDIKATOR_BY_KODE.get(kolom)
    return ind.nama if ind else kolom


def _frasa_persen(kolom: str, x: float, kab: float | None) -> str:
    teks = f"{_FRASA_PERSEN.get(kolom) or fmt.awal_kecil(_nama(kolom))} {fmt.persen(x, 1)}"
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
    p = d[d["termasuk_kantong"]].sort_values([*urut, "kode"], ascending=[*naik, True], kind="mergesort")
    peringkat = pd.Series(pd.NA, index=d.index, dtype="Int64")
    peringkat[p.index] = np.arange(1, len(p) + 1)
    return peringkat


def _urut(d: pd.DataFrame) -> pd.DataFrame:
    return d.sort_values(["peringkat", "kode"], na_position="last", kind="mergesort").reset_index(drop=True)


def kantong_jumlah_persen(
    df: pd.DataFrame, aturan: AturanKantong | None = None, nilai_kabupaten: float | None = None,
    samar: pd.DataFrame | None = None,
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
    samar : pd.DataFrame, optional
        Small-cell status per place and indicator (``kode`` + one column per indicator, "" = shown; see
        :attr:`tkpk.toko.tahun.DataTingkat.samar`). Hidden values are NaN in ``df`` and never enter a class, a
        rank or a score; the reasons then say "< 5" or "disamarkan" instead of "tidak ada data".

    Returns
    -------
    HasilKantong
        ``tabel`` columns: kode, nama, persen, jumlah, kelas_persen, kelas_jumlah, atas_persen, atas_jumlah,
        skor (0–100 weighted percentile score), the deprivation columns, termasuk_kantong, jenis, peringkat, alasan.
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
    termasuk_kantong = (atas_p & atas_j) | (lengkap & lolos_skor)

    out = pd.DataFrame({
        "kode": d["kode"], "nama": d["nama"], "persen": d[a.kolom_persen], "jumlah": d[a.kolom_jumlah],
        "kelas_persen": kp.kelas, "kelas_jumlah": kj.kelas, "atas_persen": atas_p, "atas_jumlah": atas_j,
        "skor": skor.round(1), **{c: d[c] for c in bobot}, "termasuk_kantong": termasuk_kantong.astype(bool),
    })
    out["jenis"] = pd.Series(np.where(out["termasuk_kantong"], KANTONG, None), index=out.index, dtype="object")
    out["peringkat"] = _peringkat(out, ["skor", "persen", "jumlah"], [False, False, False])
    satuan_j = _satuan(a.kolom_jumlah)
    st = _status(d, samar, [a.kolom_persen, a.kolom_jumlah, *bobot])
    out["alasan"] = [_alasan_jp(r, a, bobot, kab, ambang_p, ambang_j, satuan_j, s)
                     for r, s in zip(out.itertuples(index=False), st, strict=True)]
    catatan = "; ".join(c for c in (kp.catatan and f"Persen: {kp.catatan}",
                                     kj.catatan and f"Jumlah: {kj.catatan}") if c) or None
    return HasilKantong(tabel=_urut(out), aturan=a, nilai_kabupaten=kab, ambang_persen=ambang_p,
                        ambang_jumlah=ambang_j, kelas_persen=kp, kelas_jumlah=kj, catatan=catatan)


def _status(d: pd.DataFrame, samar: pd.DataFrame | None, kolom: list[str]) -> list[dict[str, str]]:
    """Per row of ``d`` (sorted by kode): the small-cell status of each column ("" = shown)."""
    if samar is None:
        return [{} for _ in range(len(d))]
    s = samar.assign(kode=samar["kode"].astype("str")).set_index("kode").reindex(d["kode"])
    s = s.reindex(columns=kolom).fillna("")
    return s.to_dict("records")


def _frasa_samar(kolom: str, status: str) -> str:
    """A hidden figure in a reason: "< 5 RTLH", "jiwa miskin disamarkan"."""
    frasa = _FRASA_JUMLAH.get(kolom) or _FRASA_PERSEN.get(kolom) or fmt.awal_kecil(_nama(kolom))
    return f"< {fmt.AMBANG_SEL_KECIL} {frasa}" if status == sel_kecil.KECIL else f"{frasa} disamarkan"


def _alasan_jp(r: tuple, a: AturanKantong, bobot: dict[str, float], kab: float | None,
               ambang_p: float | None, ambang_j: float | None, satuan_j: str, st: dict[str, str]) -> str:
    """Reasons in the words of the rule: what made it a pocket, or which condition it missed."""
    persen, jumlah = r.persen, r.jumlah
    if math.isnan(persen) or math.isnan(jumlah):
        pasang = ((a.kolom_jumlah, jumlah), (a.kolom_persen, persen))
        samar = [_frasa_samar(k, st[k]) for k, v in pasang if math.isnan(v) and st.get(k)]
        if samar:
            # Only the count's own status is named: the share is hidden because the count is.
            return "bukan kantong: " + samar[0] + " (sel kecil dilindungi)"
        kurang = [fmt.awal_kecil(_nama(k)) for k, v in ((a.kolom_persen, persen), (a.kolom_jumlah, jumlah))
                  if math.isnan(v)]
        return "tidak ada data " + " dan ".join(kurang)
    bagian = [_frasa_persen(a.kolom_persen, persen, kab), _frasa_jumlah(a.kolom_jumlah, jumlah)]
    bagian += [_frasa_jumlah(c, getattr(r, c)) if not math.isnan(getattr(r, c)) else _frasa_samar(c, st[c])
               for c in bobot if not math.isnan(getattr(r, c)) or st.get(c)]
    if bobot and not math.isnan(r.skor):
        bagian.append(f"skor komposit {fmt.angka(r.skor, 1)}")
    if r.termasuk_kantong:
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
    nama_p = fmt.awal_kecil(_nama(a.kolom_persen))
    if isinstance(a, AturanMoran):
        return deskripsi_moran(a, hasil)
    nama_j = fmt.awal_kecil(_nama(a.kolom_jumlah))
    skema = fmt.awal_kecil(SKEMA[nama_skema(a.skema)])
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


# The spatial rule's words live here with the count × share rule's, so describing either needs no geometry;
# the rule itself (neighbours, esda) is in tkpk.peta.moran.
KOREKSI = {"fdr": "FDR (Benjamini–Hochberg)", "tanpa": "tanpa koreksi"}
LAJU = {"mentah": "persentase apa adanya", "eb": "laju empiris Bayes (Assunção–Reis)"}



def teks_p(p: float) -> str:
    """p-values to four decimals (the resolution of 9.999 permutations), "< 0,0001" never shown as 0."""
    return fmt.nilai_p(p)


def deskripsi_moran(a: AturanMoran, hasil: HasilKantong | None = None) -> str:
    """The spatial rule in Indonesian, with this year's counts before and after the correction when known."""
    nama_p = fmt.awal_kecil(_nama(a.kolom_persen))
    baris = [
        f"Kantong menurut klaster spasial (Local Moran's I) atas {nama_p} ({LAJU[a.laju]}): wilayah yang "
        f"bersinggungan atau berjarak paling jauh {fmt.angka(a.toleransi_m, 1)} m (dihitung dalam meter, "
        f"{a.crs_meter}) dianggap tetangga; bobot dinormalkan per baris.",
        "Kantong: wilayah tinggi yang dikelilingi tetangga tinggi (Tinggi-Tinggi). Kantong terisolasi: wilayah "
        "tinggi di antara tetangga rendah (Tinggi-Rendah). Keduanya hanya bila signifikan.",
        f"Nilai p dari {fmt.angka(a.permutasi)} permutasi acak dengan benih tetap {a.seed}, sehingga hasilnya "
        "selalu sama untuk data yang sama. Nilai p setiap wilayah ditampilkan.",
    ]
    if a.koreksi == "fdr":
        baris.append(f"Koreksi uji berganda: {KOREKSI['fdr']} pada α = {fmt.angka(a.alpha, 2)}, atas semua "
                     "wilayah yang diuji (tanpa koreksi, satu dari dua puluh wilayah tampak signifikan secara "
                     "kebetulan).")
    else:
        baris.append(f"Tanpa koreksi uji berganda: setiap wilayah diuji pada α = {fmt.angka(a.alpha, 2)}.")
    u = hasil.uji if hasil is not None else None
    if u is not None:
        if a.koreksi == "fdr":
            baris.append(f"Tahun ini: {u.signifikan_mentah} dari {u.jumlah_diuji} wilayah signifikan sebelum "
                         f"koreksi, {u.signifikan} setelah koreksi FDR (ambang p {teks_p(u.ambang_p)}).")
        else:
            baris.append(f"Tahun ini: {u.signifikan_mentah} dari {u.jumlah_diuji} wilayah signifikan (tanpa "
                         "koreksi).")
    baris.append("Wilayah tanpa data, dengan sel kecil yang disamarkan, atau tanpa tetangga tidak diuji.")
    return "\n".join(f"- {b}" for b in baris)
