"""Tepat sasaran: are interventions where the need is? Ratios of interventions and budget to need, per place.

Why it is strict about units: the need is either persons in register desil 1–4 (``jiwa_desil_1_4``, jiwa) or
desil-1 households (``kk_desil_1``, KK). A ratio per person and a ratio per household differ about fourfold, so
mixing them would make a place look better or worse targeted than it is. The caller picks one ``satuan``; the
need column must carry that unit in the catalogue, and every label says which one it is.

Rules, written down here because the page repeats them (:meth:`HasilSasaran.deskripsi`):

- an intervention is one row of ``intervensi`` (one activity in one place). Pick one reporting period first
  (``tkpk.pilar.skor.pilih_periode``): quarterly rows are cumulative and would count twice;
- at kecamatan level, desa rows roll up to their kecamatan (the first 8 characters of ``63.03.05.2001``);
  at desa level a kecamatan row cannot be placed in one desa, so it is reported as not mappable, as are
  kabupaten-wide rows (no ``kode_wilayah``) and codes outside the list of places;
- a ratio whose need is 0 or missing is NaN ("–"), never 0 or infinity;
- ``penerima`` is not divided by the need: programs count beneficiaries in their own units
  (:mod:`tkpk.intervensi.penerima`), and it is not shown in the targeting table;
- a pocket is "belum tersentuh" when it got no intervention, or fewer interventions per 1.000 than
  ``fraksi_median`` × the median of places with need.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from tkpk import fmt, katalog
from tkpk.peta.bawaan import FRAKSI_MEDIAN

__all__ = ["KEBUTUHAN_BAKU", "PANJANG_KODE_KEC", "HasilSasaran", "kode_kecamatan", "tepat_sasaran"]

PANJANG_KODE_KEC = 8  # "63.03.05"
KEBUTUHAN_BAKU = {"jiwa": "jiwa_desil_1_4", "KK": "kk_desil_1"}
_NAMA_KEBUTUHAN = {"jiwa_desil_1_4": "jiwa desil 1–4", "kk_desil_1": "KK desil 1", "kk_desil_1_4": "KK desil 1–4"}


def kode_kecamatan(kode: pd.Series) -> pd.Series:
    """Kecamatan code of any Banjar code at kecamatan level or below (``63.03.05.2001`` → ``63.03.05``)."""
    k = kode.astype("string")
    return k.where(k.str.len() < PANJANG_KODE_KEC, k.str.slice(0, PANJANG_KODE_KEC))


@dataclass(frozen=True)
class HasilSasaran:
    """Targeting table plus its labels, so the page never has to guess the unit.

    Attributes
    ----------
    tabel : pd.DataFrame
        One row per place: kode, nama, kebutuhan, satuan, jumlah_intervensi, pagu, realisasi, penerima,
        intervensi_per_1000, pagu_per_unit, realisasi_per_unit, intervensi_per_1000_teks, pagu_per_unit_teks,
        tanpa_kebutuhan, termasuk_kantong, belum_tersentuh. Sorted by kode.
    satuan : str
        ``'jiwa'`` or ``'KK'``.
    label_kebutuhan, label_rasio, label_pagu : str
        E.g. "jiwa desil 1–4", "Intervensi per 1.000 jiwa desil 1–4", "Pagu per jiwa desil 1–4 (Rp)".
    median_rasio, ambang_rasio : float
        Median interventions per 1.000 over places with need, and the "little" threshold derived from it.
    tidak_terpetakan : pd.DataFrame
        Rows that could not be placed at this level, summed by reason (alasan, jumlah_intervensi, pagu).
    """

    tabel: pd.DataFrame
    satuan: str
    tingkat: str
    kolom_kebutuhan: str
    label_kebutuhan: str
    label_rasio: str
    label_pagu: str
    median_rasio: float
    ambang_rasio: float
    fraksi_median: float
    tidak_terpetakan: pd.DataFrame

    def belum_tersentuh(self) -> pd.DataFrame:
        """Pockets with no or little intervention, least reached first (the headline list)."""
        t = self.tabel[self.tabel["belum_tersentuh"]]
        return t.sort_values(["intervensi_per_1000", "kebutuhan", "kode"], ascending=[True, False, True],
                             na_position="first", kind="mergesort").reset_index(drop=True)

    def deskripsi(self) -> str:
        """The rule in Indonesian with this year's median and threshold filled in."""
        baris = [
            f"Kebutuhan diukur dalam {self.label_kebutuhan} ({self.kolom_kebutuhan}); semua rasio per satuan "
            "yang sama, tidak dicampur antara jiwa dan KK.",
            "Satu intervensi = satu baris kegiatan di satu lokasi pada periode terpilih.",
            f"{self.label_rasio} = jumlah intervensi ÷ {self.label_kebutuhan} × 1.000; "
            f"pagu per {self.label_kebutuhan} = pagu (Rp) ÷ {self.label_kebutuhan}.",
            f"Kantong belum tersentuh: kantong tanpa intervensi, atau di bawah {fmt.angka(self.fraksi_median * 100)}% "
            f"median ({fmt.angka(self.median_rasio, 2)} → ambang {fmt.angka(self.ambang_rasio, 2)}).",
        ]
        lepas = dict(zip(self.tidak_terpetakan["alasan"], self.tidak_terpetakan["jumlah_intervensi"], strict=True))
        if self.tingkat == "kecamatan":
            baris.append("Intervensi tingkat desa dijumlahkan ke kecamatannya.")
        else:
            n = sum(v for k, v in lepas.items() if k.startswith("tingkat kecamatan"))
            baris.append(f"Intervensi untuk satu kecamatan utuh ({fmt.angka(n)} kegiatan) tidak dapat dibagi ke desa: "
                         "tidak dihitung di tingkat desa (bukan dianggap meleset), dan diukur di tingkat kecamatan.")
        n = sum(v for k, v in lepas.items() if k.startswith("se-kabupaten"))
        baris.append(f"Intervensi se-kabupaten tanpa lokasi ({fmt.angka(n)} kegiatan) dilaporkan terpisah. Penerima "
                     "tidak dibagi kebutuhan: program menghitung penerima dalam satuannya sendiri (KK, jiwa, unit "
                     "rumah, dokumen …).")
        return "\n".join(f"- {b}" for b in baris)


def _cek_satuan(satuan: str, kolom: str) -> None:
    if satuan not in KEBUTUHAN_BAKU:
        raise ValueError(f"satuan harus 'jiwa' atau 'KK', bukan {satuan!r}.")
    ind = katalog.INDIKATOR_BY_KODE.get(kolom)
    if ind is None or ind.satuan != satuan:
        ada = ind.satuan if ind else "tidak dikenal"
        raise ValueError(f"Kolom kebutuhan {kolom!r} bersatuan {ada}, bukan {satuan}: satuan tidak boleh dicampur.")


def _letakkan(intervensi: pd.DataFrame, tingkat: str, kode_tempat: set[str]) -> tuple[pd.Series, pd.Series]:
    """Per row: the place code it counts for at this level, and why not when it cannot be placed."""
    kode = intervensi["kode_wilayah"].astype("string")
    tempat = kode_kecamatan(kode) if tingkat == "kecamatan" else kode.where(kode.str.len() > PANJANG_KODE_KEC)
    alasan = pd.Series(pd.NA, index=intervensi.index, dtype="string")
    alasan[kode.isna()] = "se-kabupaten (tanpa lokasi)"
    if tingkat == "desa":
        kec_dikenal = {k[:PANJANG_KODE_KEC] for k in kode_tempat}
        kec = kode.notna() & (kode.str.len() <= PANJANG_KODE_KEC) & kode.isin(kec_dikenal)
        alasan[kec] = "tingkat kecamatan (tidak dapat dibagi ke desa)"
    # Everything else that is not one of the places (including unknown kecamatan rows at desa level).
    alasan[alasan.isna() & ~tempat.isin(kode_tempat).fillna(False)] = "kode di luar daftar wilayah"
    return tempat.where(alasan.isna()), alasan


def tepat_sasaran(
    kebutuhan: pd.DataFrame,
    intervensi: pd.DataFrame,
    *,
    satuan: str = "jiwa",
    tingkat: str = "kecamatan",
    kolom_kebutuhan: str | None = None,
    kantong: Iterable[str] | None = None,
    fraksi_median: float = FRAKSI_MEDIAN,
) -> HasilSasaran:
    """Interventions and budget against need, per place of one level and one year.

    Parameters
    ----------
    kebutuhan : pd.DataFrame
        One row per place of the level: ``kode``, ``nama`` and the need column (``jiwa_desil_1_4`` for jiwa,
        ``kk_desil_1`` for KK, or ``kolom_kebutuhan``).
    intervensi : pd.DataFrame
        Rows of ``intervensi`` for one period: ``kode_wilayah`` (desa, kecamatan or NULL), ``pagu``,
        optionally ``realisasi`` and ``penerima``.
    satuan : {'jiwa', 'KK'}
        Unit of the need; the need column must carry it in the catalogue.
    tingkat : {'kecamatan', 'desa'}
        Level of ``kebutuhan``; at kecamatan level desa rows roll up.
    kolom_kebutuhan : str, optional
        Need column if not the default for ``satuan``.
    kantong : iterable of str, optional
        Pocket codes at this level (e.g. ``HasilKantong.kode_kantong``); none = no place is "belum tersentuh".
    fraksi_median : float
        A pocket below this fraction of the median interventions per 1.000 counts as barely reached.
    """
    if tingkat not in ("kecamatan", "desa"):
        raise ValueError(f"tingkat harus 'kecamatan' atau 'desa', bukan {tingkat!r}.")
    kolom = kolom_kebutuhan or KEBUTUHAN_BAKU.get(satuan, "")
    _cek_satuan(satuan, kolom)
    if kolom not in kebutuhan.columns:
        raise ValueError(f"Kolom kebutuhan {kolom!r} tidak ada.")
    nama_keb = _NAMA_KEBUTUHAN.get(kolom, katalog.INDIKATOR_BY_KODE[kolom].nama)

    t = pd.DataFrame({"kode": kebutuhan["kode"].astype("str"), "nama": kebutuhan["nama"],
                      "kebutuhan": pd.to_numeric(kebutuhan[kolom], errors="coerce").astype("float64")})
    if t["kode"].duplicated().any():
        raise ValueError("Kode wilayah ganda dalam tabel kebutuhan.")
    t = t.sort_values("kode", kind="mergesort").reset_index(drop=True)

    iv = intervensi.copy()
    for c in ("pagu", "realisasi", "penerima"):
        iv[c] = pd.to_numeric(iv[c], errors="coerce").astype("float64") if c in iv.columns else math.nan
    tempat, alasan = _letakkan(iv, tingkat, set(t["kode"]))
    iv = iv.assign(_tempat=tempat, _alasan=alasan)
    jumlah = iv.dropna(subset=["_tempat"]).groupby("_tempat").agg(
        jumlah_intervensi=("_tempat", "size"), pagu=("pagu", lambda s: s.sum(min_count=1)),
        realisasi=("realisasi", lambda s: s.sum(min_count=1)), penerima=("penerima", lambda s: s.sum(min_count=1)))
    t = t.merge(jumlah, left_on="kode", right_index=True, how="left")
    t["jumlah_intervensi"] = t["jumlah_intervensi"].fillna(0).astype("int64")
    # No row at all means no money went there: 0, not "unknown".
    tanpa = t["jumlah_intervensi"] == 0
    for c in ("pagu", "realisasi", "penerima"):
        t[c] = t[c].astype("float64").mask(tanpa, 0.0)

    ada_kebutuhan = t["kebutuhan"] > 0
    keb = t["kebutuhan"].where(ada_kebutuhan)
    t["satuan"] = satuan
    t["intervensi_per_1000"] = 1000 * t["jumlah_intervensi"] / keb
    t["pagu_per_unit"] = t["pagu"] / keb
    t["realisasi_per_unit"] = t["realisasi"] / keb
    t["tanpa_kebutuhan"] = ~ada_kebutuhan
    t["intervensi_per_1000_teks"] = [
        fmt.TIDAK_ADA if math.isnan(x) else f"{fmt.angka(x, 2)} per 1.000 {nama_keb}" for x in t["intervensi_per_1000"]
    ]
    t["pagu_per_unit_teks"] = [
        fmt.TIDAK_ADA if math.isnan(x) else f"{fmt.rupiah(x)} per {nama_keb}" for x in t["pagu_per_unit"]
    ]

    rasio = t.loc[ada_kebutuhan, "intervensi_per_1000"]
    median = float(rasio.median()) if len(rasio) else math.nan
    ambang = fraksi_median * median if not math.isnan(median) else math.nan
    kode_kantong = {str(k) for k in (kantong or ())}
    t["termasuk_kantong"] = t["kode"].isin(kode_kantong)
    sedikit = (t["intervensi_per_1000"] < ambang) if not math.isnan(ambang) else False
    t["belum_tersentuh"] = t["termasuk_kantong"] & ((t["jumlah_intervensi"] == 0) | sedikit)

    lepas = iv[iv["_alasan"].notna()]
    tidak = (lepas.groupby("_alasan").agg(jumlah_intervensi=("_alasan", "size"),
                                          pagu=("pagu", lambda s: s.sum(min_count=1)))
             .reset_index().rename(columns={"_alasan": "alasan"}).astype({"alasan": "str"}))
    kolom_out = ["kode", "nama", "kebutuhan", "satuan", "jumlah_intervensi", "pagu", "realisasi", "penerima",
                 "intervensi_per_1000", "pagu_per_unit", "realisasi_per_unit", "intervensi_per_1000_teks",
                 "pagu_per_unit_teks", "tanpa_kebutuhan", "termasuk_kantong", "belum_tersentuh"]
    return HasilSasaran(
        tabel=t[kolom_out], satuan=satuan, tingkat=tingkat, kolom_kebutuhan=kolom, label_kebutuhan=nama_keb,
        label_rasio=f"Intervensi per 1.000 {nama_keb}", label_pagu=f"Pagu per {nama_keb} (Rp)",
        median_rasio=median, ambang_rasio=ambang, fraksi_median=fraksi_median,
        tidak_terpetakan=tidak,
    )
