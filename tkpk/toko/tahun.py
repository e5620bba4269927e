"""One way to load a year: the indicator values of every place and the program rows, small cells protected.

Why one module: the map page, the pillar page, the slides, the workbook, the PDFs and the CLI export must show the
same places and the same numbers for a year. They all read through :func:`data_tingkat` (indicator values per
level) and :func:`intervensi_tahun` (the period's program rows), which

- read named SQL with the kabupaten bound (one kabupaten of a national store),
- protect small cells **once, here, before anything is drawn or written** (:func:`lindungi_wilayah`): a count of
  1–4 people or households at desa or kecamatan level, any complementary cell chosen by :mod:`tkpk.sel_kecil`,
  and every share computed from a hidden count become NaN, with the reason in :attr:`DataTingkat.samar`;
  everything downstream (classes, ranks, pockets, reasons, tables, files) only ever sees the protected values,
  so it cannot give a hidden count back;
- cache per store fingerprint (an upload or a rollback shows at once).

:func:`keadaan_data` names the state of the store every artefact reflects (newest batch and its date).
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

import duckdb
import pandas as pd

from tkpk import KODE_BANJAR, fmt, katalog, sel_kecil
from tkpk.intervensi import penerima
from tkpk.intervensi.periode import pilih_periode
from tkpk.katalog import TINGKAT
from tkpk.toko.queries import fetch, versi_data

__all__ = ["DataTingkat", "KeadaanData", "data_tingkat", "intervensi_tahun", "keadaan_data", "lindungi_wilayah",
           "perlindungan", "samarkan_panjang", "simpan", "teks_sel", "wilayah"]

T = TypeVar("T")
_MAKS_CACHE = 64
_CACHE: OrderedDict[Hashable, Any] = OrderedDict()
_KUNCI_CACHE = threading.Lock()  # every Streamlit session is a thread, and they all share _CACHE
KOLOM = [i.kode for i in katalog.INDIKATOR]
HITUNGAN = list(katalog.INDIKATOR_TERSIMPAN)   # every stored indicator is a count of people, households or houses
TURUNAN = [i for i in katalog.INDIKATOR if i.turunan]


def simpan(con: duckdb.DuckDBPyConnection, kunci: tuple, buat: Callable[[], T]) -> T:
    """The core's one cache: a bounded LRU keyed by store fingerprint + arguments, shared by every session.

    Why here: the domain layer may not use ``st.cache_data``, and the CLI exports read the same years again.
    Thread-safe: the lock guards only the dict; ``buat`` runs outside it, so two sessions missing the same key at
    once both compute it (the same value) rather than one waiting on the other's query.
    """
    k = (versi_data(con), *kunci)
    with _KUNCI_CACHE:
        if k in _CACHE:
            _CACHE.move_to_end(k)
            return _CACHE[k]
    nilai = buat()
    with _KUNCI_CACHE:
        _CACHE[k] = nilai
        _CACHE.move_to_end(k)
        while len(_CACHE) > _MAKS_CACHE:
            _CACHE.popitem(last=False)
    return nilai


def wilayah(con: duckdb.DuckDBPyConnection, kode_kab: str = KODE_BANJAR) -> pd.DataFrame:
    """Every kecamatan and desa/kelurahan (kode, nama, tingkat, kode_kec, nama_kecamatan, label) for the picker."""
    def buat() -> pd.DataFrame:
        w = fetch(con, "wilayah_kabupaten", {"kode_kab": kode_kab})
        label = [f"{n} (kecamatan)" if t == "kecamatan" else f"{n} — {t} di Kec. {k}"
                 for n, t, k in zip(w["nama"], w["tingkat"], w["nama_kecamatan"], strict=True)]
        return w.assign(label=label)

    return simpan(con, ("wilayah", kode_kab), buat)


@dataclass(frozen=True)
class DataTingkat:
    """Every catalogue indicator for every place of one level in one year (places without data kept, NaN).

    ``lebar`` holds the protected values: a hidden cell is NaN there, and ``samar`` (same rows, ``kode`` plus one
    column per indicator) says why: ``sel_kecil.KECIL`` ("< 5"), ``PELENGKAP`` or ``TURUNAN`` ("disamarkan"),
    or "" for a value that is shown (or simply missing).
    """

    tingkat: str
    tahun: int
    lebar: pd.DataFrame   # kode, nama, tingkat, kode_kec, nama_kecamatan, one column per indicator
    sumber: pd.DataFrame  # kode + one source text column per indicator
    sampel: bool
    samar: pd.DataFrame   # kode + one status column per indicator ("" = shown)

    @property
    def ada_data(self) -> bool:
        return bool(self.lebar[KOLOM].notna().any().any() or self.samar[KOLOM].ne("").any().any())

    def status(self, kode: str, indikator: str) -> str:
        """The protection status of one cell ("" = shown)."""
        s = self.samar.loc[self.samar["kode"] == kode, indikator]
        return str(s.iloc[0]) if len(s) else ""

    def teks(self, kode: str, indikator: str) -> str:
        """One cell as a reader sees it: its value in its unit, "< 5 KK" or "disamarkan"."""
        ind = katalog.INDIKATOR_BY_KODE[indikator]
        baris = self.lebar.loc[self.lebar["kode"] == kode, indikator]
        x = float(baris.iloc[0]) if len(baris) else math.nan
        return teks_sel(x, self.status(kode, indikator), ind.satuan)


def teks_sel(x: float | None, status: str, satuan: str) -> str:
    """A protected cell in its unit: shares with two decimals, counts as "< 5"/"disamarkan" when hidden."""
    if status:
        return sel_kecil.teks(status, x, "" if satuan == "%" else satuan)
    return fmt.nilai(x, satuan)


def lindungi_wilayah(lebar: pd.DataFrame) -> pd.DataFrame:
    """Which cells of one year's kecamatan and desa values to hide (pure; the table-driven tests call it).

    Parameters
    ----------
    lebar : pd.DataFrame
        One row per kecamatan and desa/kelurahan: ``kode``, ``tingkat``, ``kode_kec`` (desa) and one column per
        catalogue indicator, true values.

    Returns
    -------
    pd.DataFrame
        ``kode`` plus one status column per indicator ("" = shown). Every stored count of every place is one
        protection problem (:func:`tkpk.sel_kecil.lindungi`): primary cells (1–4 at either level), complements
        so that neither a kecamatan (= Σ its desa) nor the kabupaten (= Σ kecamatan, assumed known) gives one
        back, linked counts hidden together (:data:`tkpk.katalog.TERKAIT`: KK and jiwa), and the difference of
        nested counts (:data:`tkpk.katalog.BERSARANG`: desil 1–4 minus desil 1) protected like a count of its own,
        summed like one too (a kecamatan's difference = Σ its desa's, the kabupaten's = Σ kecamatan).
        A share is hidden (``TURUNAN``) when its numerator or denominator is.
    """
    kode = lebar["kode"].astype("str").tolist()
    kec = lebar["tingkat"].eq("kecamatan").to_numpy()
    desa_per_kec: dict[str, list[str]] = {}
    for k, is_kec, induk in zip(kode, kec, lebar["kode_kec"], strict=True):
        if not is_kec and isinstance(induk, str):
            desa_per_kec.setdefault(induk, []).append(k)
    semua_kec = [k for k, is_kec in zip(kode, kec, strict=True) if is_kec]
    kolom = [c for c in HITUNGAN if c in lebar.columns]
    nilai: dict[Hashable, float] = {}
    for c in kolom:
        nilai.update(zip([(c, k) for k in kode], pd.to_numeric(lebar[c], errors="coerce").astype("float64"),
                         strict=True))
    kelompok, dilindungi, maya = [], [(c, k) for c in kolom for k in kode], []
    for c in kolom:
        kelompok.append(sel_kecil.Kelompok(None, tuple((c, k) for k in semua_kec)))
        kelompok += [sel_kecil.Kelompok((c, k), tuple((c, d) for d in desa_per_kec.get(k, ()))) for k in semua_kec]
    for bagian, utuh in katalog.BERSARANG:
        if bagian not in kolom or utuh not in kolom:
            continue
        for k in kode:
            a, b = nilai[(bagian, k)], nilai[(utuh, k)]
            if math.isnan(a) or math.isnan(b):
                continue
            sisa = ("sisa", bagian, utuh, k)
            nilai[sisa] = b - a
            maya.append(sisa)
            kelompok.append(sel_kecil.Kelompok((utuh, k), ((bagian, k), sisa)))
        # the differences add up as their counts do: a kecamatan's is the sum of its desa's, the kabupaten's
        # (both counts assumed known) the sum of the kecamatan's; a place without one of the two counts leaves
        # that sum open, so it is no sum at all
        for k in semua_kec:
            bagian_kec = [("sisa", bagian, utuh, d) for d in desa_per_kec.get(k, ())]
            if bagian_kec and all(s in nilai for s in [("sisa", bagian, utuh, k), *bagian_kec]):
                kelompok.append(sel_kecil.Kelompok(("sisa", bagian, utuh, k), tuple(bagian_kec)))
        sisa_kec = [("sisa", bagian, utuh, k) for k in semua_kec]
        if sisa_kec and all(s in nilai for s in sisa_kec):
            kelompok.append(sel_kecil.Kelompok(None, tuple(sisa_kec)))
    terkait = [((a, k), (b, k)) for a, b in katalog.TERKAIT if a in kolom and b in kolom for k in kode]
    status = sel_kecil.lindungi(nilai, kelompok, dilindungi=dilindungi + maya, terkait=terkait, turunan=maya)
    status = sel_kecil.lepas_batas(status, terkait)
    out = pd.DataFrame({"kode": kode, **{c: "" for c in KOLOM}})
    for c in kolom:
        out[c] = [status.get((c, k), "") for k in kode]
    for ind in TURUNAN:
        if ind.kode in out.columns:
            out[ind.kode] = (out[ind.pembilang].ne("") | out[ind.penyebut].ne("")).map({True: sel_kecil.TURUNAN,
                                                                                       False: ""})
    return out


def _tahun(con: duckdb.DuckDBPyConnection, tahun: int, kode_kab: str) -> dict[str, DataTingkat]:
    """Both levels of one year, protected together (a kecamatan is the sum of its desa)."""
    def buat() -> dict[str, DataTingkat]:
        w = wilayah(con, kode_kab)
        tingkat_semua = [t for ts in TINGKAT.values() for t in ts]
        dasar = w[w["tingkat"].isin(tingkat_semua)][["kode", "nama", "tingkat", "kode_kec", "nama_kecamatan"]]
        dasar = dasar.reset_index(drop=True)
        n = fetch(con, "nilai_tingkat_tahun", {"tahun": tahun, "tingkat": tingkat_semua, "kode_kab": kode_kab})
        if n.empty:
            lebar = dasar.assign(**{c: math.nan for c in KOLOM})
            sumber = dasar[["kode"]].assign(**{c: None for c in KOLOM})
            sampel_per = pd.Series(False, index=dasar.index)
        else:
            nilai = n.pivot_table(index="kode", columns="indikator", values="nilai", aggfunc="first", dropna=False)
            src = n.pivot_table(index="kode", columns="indikator", values="sumber", aggfunc="first")
            lebar = dasar.merge(nilai.reindex(columns=KOLOM).astype("float64"), left_on="kode", right_index=True,
                                how="left")
            sumber = dasar[["kode"]].merge(src.reindex(columns=KOLOM), left_on="kode", right_index=True, how="left")
            contoh = n.assign(s=n["sampel"].fillna(False).astype(bool)).groupby("kode")["s"].any()
            sampel_per = dasar["kode"].map(contoh).fillna(False).astype(bool)
        samar = lindungi_wilayah(lebar)
        lebar = lebar.copy()
        for c in KOLOM:
            lebar[c] = lebar[c].mask(samar[c].ne("").to_numpy())
        out = {}
        for nama, ts in TINGKAT.items():
            pilih = dasar["tingkat"].isin(ts).to_numpy()
            out[nama] = DataTingkat(nama, int(tahun), lebar[pilih].reset_index(drop=True),
                                    sumber[pilih].reset_index(drop=True), bool(sampel_per[pilih].any()),
                                    samar[pilih].reset_index(drop=True))
        return out

    return simpan(con, ("data_tahun", int(tahun), kode_kab), buat)


def data_tingkat(con: duckdb.DuckDBPyConnection, tingkat: str, tahun: int,
                 kode_kab: str = KODE_BANJAR) -> DataTingkat:
    """Protected wide table of one level and year: what every page and file of that year reads."""
    if tingkat not in TINGKAT:
        raise ValueError(f"tingkat harus 'kecamatan' atau 'desa', bukan {tingkat!r}.")
    return _tahun(con, tahun, kode_kab)[tingkat]


def samarkan_panjang(con: duckdb.DuckDBPyConnection, df: pd.DataFrame, indikator: str, tingkat: str = "kecamatan",
                     kode_kab: str = KODE_BANJAR) -> pd.DataFrame:
    """Long rows (``tahun``, ``kode_wilayah``, ``nilai``) read straight from the store, with the cells this module
    hides set to NaN (and ``samar`` giving the status), so a series over the years hides what the map hides."""
    if df.empty:
        return df.assign(samar="")
    status = {}
    for th in sorted({int(t) for t in df["tahun"]}):
        s = data_tingkat(con, tingkat, th, kode_kab).samar
        status.update({(th, k): v for k, v in zip(s["kode"], s[indikator], strict=True) if v})
    samar = [status.get((int(t), str(k)), "") for t, k in zip(df["tahun"], df["kode_wilayah"], strict=True)]
    out = df.assign(samar=samar)
    out["nilai"] = out["nilai"].mask(out["samar"].ne(""))
    return out


def intervensi_tahun(con: duckdb.DuckDBPyConnection, tahun: int, kode_kab: str = KODE_BANJAR,
                     triwulan: int | None = None) -> pd.DataFrame:
    """Program rows of one reporting period (yearly, or the latest cumulative quarter: never both), with the
    beneficiaries' effective unit (:func:`tkpk.intervensi.penerima.siapkan`)."""

    def buat() -> pd.DataFrame:
        rows = fetch(con, "intervensi_tahun", {"tahun": tahun, "kode_kab": kode_kab})
        if rows.empty:
            return penerima.siapkan(rows)
        return penerima.siapkan(pilih_periode(rows, tahun, triwulan).reset_index(drop=True))

    return simpan(con, ("intervensi", int(tahun), kode_kab, triwulan), buat)


def perlindungan(con: duckdb.DuckDBPyConnection, tahun: int, kode_kab: str = KODE_BANJAR,
                 triwulan: int | None = None) -> Any:
    """The small-cell protection of one period's beneficiaries, outputs and targets, computed once on every
    pillar's rows of the whole year (:func:`tkpk.intervensi.penerima.lindungi_periode`: the year and each quarter in one
    problem, so cumulative quarters cannot be subtracted), so each page and file hides the same cells."""

    def buat() -> dict[int | None, Any]:
        rows = fetch(con, "intervensi_tahun", {"tahun": tahun, "kode_kab": kode_kab})
        return penerima.lindungi_periode(rows, int(tahun))

    semua = simpan(con, ("lindung", int(tahun), kode_kab), buat)
    if triwulan in semua:
        return semua[triwulan]
    return penerima.lindungi(intervensi_tahun(con, tahun, kode_kab, triwulan))


@dataclass(frozen=True)
class KeadaanData:
    """The state of the store an artefact reflects: its newest batch and when it came."""

    batch_id: int | None
    jenis: str | None
    waktu: datetime | None

    @property
    def teks(self) -> str:
        """"data per batch 5 (1 November 2026)", the line every page, slide and file carries."""
        if self.batch_id is None:
            return "basis data kosong"
        tanggal = fmt.tanggal(self.waktu) if self.waktu is not None else fmt.TIDAK_ADA
        return f"data per batch {self.batch_id} ({tanggal})"


def keadaan_data(con: duckdb.DuckDBPyConnection) -> KeadaanData:
    """The newest batch of the store (a load or a rollback record) and its date."""
    d = fetch(con, "keadaan_data")
    if d.empty:
        return KeadaanData(None, None, None)
    r = d.iloc[0]
    waktu = pd.Timestamp(r["waktu"]).to_pydatetime() if not pd.isna(r["waktu"]) else None
    return KeadaanData(int(r["batch_id"]), str(r["jenis"]), waktu)
