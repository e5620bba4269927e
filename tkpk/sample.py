"""Deterministic sample data, consistent with the real kabupaten figures, and labelled as sample everywhere.

Kecamatan- and desa-level poverty counts are not published openly, so the bundled store gets invented values.
They are built so that the real numbers still hold: for each year with a BPS P0, the population-weighted desa
(and kecamatan) rates reproduce the kabupaten P0; real kecamatan populations are used where known; the 2022
RTLH and P3KE (desil 1–4) kabupaten totals match the figures quoted by the agencies. Every row carries the
source ``DATA CONTOH (sintetis)``.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd

from tkpk import KODE_BANJAR, SAMPLE_SOURCE, katalog
from tkpk.reference import (
    BUNDLED,
    CRS_LUAS,
    TAHUN_AWAL,
    BundledFiles,
    read_kemiskinan_table,
    read_penduduk_kabupaten,
    read_penduduk_kecamatan,
    read_penduduk_sp2010,
)
from tkpk.sample_program import PROGRAM, TIDAK_MELAPOR

SEED = 20241231
TAHUN = tuple(range(TAHUN_AWAL, 2025))
# Real kabupaten-wide anchors for 2022 (SOURCES.md §5): P3KE verification and e-RTLH backlog.
KK_DESIL_1_4_2022 = 37_902
RTLH_2022 = 8_084
# Kecamatan the real sources single out as poorer (IDM 2022 tertinggal, Satu Data register); our tilt.
KECAMATAN_RAWAN = {"63.03.01": 1.6, "63.03.17": 1.9, "63.03.18": 1.6, "63.03.11": 1.4, "63.03.10": 1.3,
                   "63.03.20": 1.4, "63.03.19": 1.3, "63.03.09": 1.2}
KOLOM_INDIKATOR = ["tahun", "kode_wilayah", "nama_wilayah", *katalog.INDIKATOR_TERSIMPAN, "sumber"]
KOLOM_INTERVENSI = ["tahun", "triwulan", "pilar", "opd", "program", "kegiatan", "kode_wilayah", "nama_wilayah",
                    "pagu", "realisasi", "satuan_output", "target_output", "capaian_output", "target_penerima",
                    "penerima", "sumber_dana", "keterangan", "sumber"]


@dataclass(frozen=True)
class Contoh:
    indikator: pd.DataFrame   # wide, one row per place and year (desa and kecamatan)
    intervensi: pd.DataFrame


def bagi_bulat(total: int, bobot: np.ndarray) -> np.ndarray:
    """Split an integer total in proportion to weights so the parts are integers that add up exactly.

    Largest-remainder rounding: this is what lets the weighted desa rates reproduce the BPS P0 exactly.
    """
    bobot = np.asarray(bobot, dtype=float)
    if total <= 0 or bobot.sum() <= 0:
        return np.zeros(len(bobot), dtype=np.int64)
    exact = total * bobot / bobot.sum()
    base = np.floor(exact).astype(np.int64)
    sisa = int(total - base.sum())
    order = np.lexsort((np.arange(len(exact)), -(exact - base)))
    base[order[:sisa]] += 1
    return base


def _kabupaten_penduduk(anchor: dict[int, int]) -> dict[int, int]:
    """Population per sample year: the real totals where known, geometric interpolation between them."""
    known = sorted(anchor.items())
    out = {}
    for year in TAHUN:
        if year in anchor:
            out[year] = anchor[year]
            continue
        lo = max((k for k in known if k[0] < year), default=known[0])
        hi = min((k for k in known if k[0] > year), default=known[-1])
        if lo[0] == hi[0]:
            out[year] = lo[1]
        else:
            growth = (hi[1] / lo[1]) ** (1 / (hi[0] - lo[0]))
            out[year] = round(lo[1] * growth ** (year - lo[0]))
    return out


def _desa_frame(files: BundledFiles, rng: np.random.Generator) -> pd.DataFrame:
    desa = gpd.read_file(files.desa)
    kec = gpd.read_file(files.kecamatan).to_crs(CRS_LUAS)
    centre = kec.loc[kec["kode_kec"] == "63.03.05", "geometry"].iloc[0].centroid
    jarak = kec.set_index("kode_kec").geometry.centroid.distance(centre) / 1000
    frame = pd.DataFrame({
        "kode": desa["kode_desa"].astype(str),
        "nama": desa["desa"].astype(str),
        "kode_kec": desa["kode_kec"].astype(str),
        "kelurahan": desa["level"].eq("kelurahan").to_numpy(),
        "luas": desa.to_crs(CRS_LUAS).area.to_numpy() / 1e6,
    }).sort_values("kode").reset_index(drop=True)
    n = len(frame)
    frame["bobot_penduduk"] = (frame["luas"] ** 0.35) * rng.lognormal(0, 0.35, n) * np.where(
        frame["kelurahan"], 3.0, 1.0)
    jarak_desa = frame["kode_kec"].map(jarak).to_numpy()
    tilt = frame["kode_kec"].map(KECAMATAN_RAWAN).fillna(1.0).to_numpy()
    frame["risiko"] = (np.exp(0.012 * jarak_desa) * tilt * rng.lognormal(0, 0.45, n)
                       * np.where(frame["kelurahan"], 0.6, 1.0))
    frame["ukuran_rt"] = rng.uniform(3.2, 3.8, n)
    frame["akses"] = rng.lognormal(0, 0.3, n) * (1 + 0.015 * jarak_desa)
    return frame


def _bobot_kecamatan(desa: pd.DataFrame, files: BundledFiles) -> pd.Series:
    """Relative kecamatan sizes from the real SP2010 counts; Cintapuri is split off Simpang Empat by desa count."""
    sp2010 = pd.Series(read_penduduk_sp2010(files), dtype=float)
    jumlah_desa = desa.groupby("kode_kec").size()
    gabungan = sp2010.pop("63.03.08")
    bagian = jumlah_desa["63.03.08"] / (jumlah_desa["63.03.08"] + jumlah_desa["63.03.20"])
    sp2010["63.03.08"] = gabungan * bagian
    sp2010["63.03.20"] = gabungan * (1 - bagian)
    return sp2010.sort_index()


def _kecamatan_penduduk(bobot: pd.Series, total: int, nyata: dict[str, int]) -> pd.Series:
    """Kecamatan populations for one year: real figures where known, the rest split by SP2010 weights."""
    sisa = bobot.drop(index=list(nyata))
    bagian = bagi_bulat(total - sum(nyata.values()), sisa.to_numpy())
    out = pd.Series(bagian, index=sisa.index)
    for kode, nilai in nyata.items():
        out[kode] = nilai
    return out.sort_index()


def generate_indikator(files: BundledFiles = BUNDLED, seed: int = SEED) -> pd.DataFrame:
    """Wide indicator table per desa and kecamatan for every sample year."""
    rng = np.random.default_rng(seed)
    desa = _desa_frame(files, rng)
    bps = read_kemiskinan_table(files)
    p0 = bps[bps["kode_wilayah"] == KODE_BANJAR].set_index("tahun")["p0"]
    total = _kabupaten_penduduk(read_penduduk_kabupaten(files))
    nyata = read_penduduk_kecamatan(files)
    bobot_kec = _bobot_kecamatan(desa, files)
    n = len(desa)
    drift = rng.normal(0, 0.06, (len(TAHUN), n)).cumsum(axis=0)
    rows = []
    for t, year in enumerate(TAHUN):
        known = nyata[nyata["tahun"] == year].set_index("kode_wilayah")["nilai"].astype(int).to_dict()
        kec_pop = _kecamatan_penduduk(bobot_kec, total[year], known)
        pop = np.zeros(n, dtype=np.int64)
        for kode, jumlah in kec_pop.items():
            idx = np.flatnonzero(desa["kode_kec"].to_numpy() == kode)
            pop[idx] = bagi_bulat(int(jumlah), desa["bobot_penduduk"].to_numpy()[idx])
        risiko = desa["risiko"].to_numpy() * np.exp(drift[t])
        miskin = bagi_bulat(round(p0[year] / 100 * pop.sum()), pop * risiko)
        miskin = np.minimum(miskin, pop)
        p = np.divide(miskin, pop, out=np.zeros(n), where=pop > 0)
        kk = np.round(pop / desa["ukuran_rt"].to_numpy()).astype(np.int64)
        desil1 = np.minimum(np.round(kk * np.clip(2.2 * p + 0.01, 0, 0.4)), kk).astype(np.int64)
        faktor = (p0[year] / p0[2022]) ** 0.5
        desil14 = np.maximum(bagi_bulat(round(KK_DESIL_1_4_2022 * faktor), kk * (0.12 + 5 * p)), desil1)
        desil14 = np.minimum(desil14, kk)
        rtlh = bagi_bulat(round(RTLH_2022 * 1.06 ** (2022 - year)), kk * (0.01 + 2.5 * p) * desa["akses"])
        turun = 0.95 ** (year - TAHUN[0])
        air = np.minimum(np.round(kk * np.clip((0.04 + 2.5 * p) * desa["akses"] * turun, 0, 0.8)), kk)
        sanitasi = np.minimum(np.round(kk * np.clip((0.05 + 2.0 * p) * desa["akses"] * turun, 0, 0.8)), kk)
        ats = np.round(pop * 0.2 * np.clip((0.01 + 0.4 * p) * turun, 0, 0.3))
        rows.append(pd.DataFrame({
            "tahun": year, "kode_wilayah": desa["kode"], "nama_wilayah": desa["nama"], "kode_kec": desa["kode_kec"],
            "penduduk": pop, "penduduk_miskin": miskin, "kk": kk, "kk_desil_1": desil1, "kk_desil_1_4": desil14,
            "rtlh": rtlh, "kk_tanpa_air_layak": air.astype(np.int64),
            "kk_tanpa_sanitasi_layak": sanitasi.astype(np.int64), "anak_tidak_sekolah": ats.astype(np.int64),
        }))
    desa_rows = pd.concat(rows, ignore_index=True)
    counts = list(katalog.INDIKATOR_TERSIMPAN)
    kec_rows = desa_rows.groupby(["tahun", "kode_kec"], as_index=False)[counts].sum()
    kec_names = gpd.read_file(files.kecamatan).set_index("kode_kec")["kecamatan"]
    kec_rows = kec_rows.rename(columns={"kode_kec": "kode_wilayah"})
    kec_rows["nama_wilayah"] = kec_rows["kode_wilayah"].map(kec_names)
    # Real kecamatan populations stay in their own (real) batch: the sample leaves those cells empty.
    real_keys = set(zip(nyata["tahun"], nyata["kode_wilayah"], strict=True))
    mask = [(t, k) in real_keys for t, k in zip(kec_rows["tahun"], kec_rows["kode_wilayah"], strict=True)]
    kec_rows["penduduk"] = kec_rows["penduduk"].astype("Int64").mask(mask)
    out = pd.concat([kec_rows, desa_rows.drop(columns="kode_kec")], ignore_index=True)
    out["sumber"] = SAMPLE_SOURCE
    for col in counts:
        out[col] = out[col].astype("Int64")
    return out.sort_values(["tahun", "kode_wilayah"]).reset_index(drop=True)[KOLOM_INDIKATOR]


def _choose(rng: np.random.Generator, kandidat: pd.DataFrame, jumlah: int, sasaran: float) -> pd.DataFrame:
    """Pick locations; a high ``sasaran`` leans the choice towards places with more poor people."""
    need = kandidat["penduduk_miskin"].to_numpy(dtype=float) + 1
    bobot = (1 - sasaran) + sasaran * (need / need.mean()) ** 2
    jumlah = min(jumlah, len(kandidat))
    idx = rng.choice(len(kandidat), size=jumlah, replace=False, p=bobot / bobot.sum())
    return kandidat.iloc[np.sort(idx)]


def generate_intervensi(indikator: pd.DataFrame, seed: int = SEED) -> pd.DataFrame:
    """Intervention rows for every OPD and sample year, with locations, budgets and outputs."""
    rng = np.random.default_rng(seed + 1)
    opd = katalog.OPD_BY_KODE
    rows = []
    for year in TAHUN:
        ind = indikator[indikator["tahun"] == year]
        places = {
            "desa": ind[ind["kode_wilayah"].str.len() > 8],
            "kecamatan": ind[ind["kode_wilayah"].str.len() == 8],
        }
        for prog in PROGRAM:
            if prog.opd in TIDAK_MELAPOR.get(year, ()):
                continue
            if prog.tingkat == "kabupaten":
                lokasi = pd.DataFrame({"kode_wilayah": [None], "nama_wilayah": ["Kabupaten Banjar"]})
            else:
                jumlah = int(rng.integers(prog.lokasi[0], prog.lokasi[1] + 1))
                lokasi = _choose(rng, places[prog.tingkat], jumlah, prog.sasaran)
            kinerja = rng.uniform(0.55, 1.08)
            for place in lokasi.itertuples(index=False):
                target = int(rng.integers(prog.output_per_lokasi[0], prog.output_per_lokasi[1] + 1))
                capaian = int(min(round(target * kinerja * rng.uniform(0.85, 1.1)), round(target * 1.3)))
                pagu = round(target * prog.biaya_satuan / 1000) * 1000
                realisasi = round(pagu * min(kinerja * rng.uniform(0.9, 1.05), 1.0) / 1000) * 1000
                t_penerima = round(target * prog.penerima_per_output)
                rows.append({
                    "tahun": year, "triwulan": None, "pilar": opd[prog.opd].pilar,
                    "opd": opd[prog.opd].nama_singkat, "program": prog.program, "kegiatan": prog.kegiatan,
                    "kode_wilayah": place.kode_wilayah, "nama_wilayah": place.nama_wilayah,
                    "pagu": pagu, "realisasi": realisasi, "satuan_output": prog.satuan,
                    "target_output": target, "capaian_output": capaian,
                    "target_penerima": t_penerima or None,
                    "penerima": round(capaian * prog.penerima_per_output) or None,
                    "sumber_dana": prog.sumber_dana, "keterangan": None, "sumber": SAMPLE_SOURCE,
                })
    out = pd.DataFrame(rows, columns=KOLOM_INTERVENSI)
    for col in ("triwulan", "target_penerima", "penerima"):
        out[col] = out[col].astype("Int64")
    return out


def generate(files: BundledFiles = BUNDLED, seed: int = SEED) -> Contoh:
    indikator = generate_indikator(files, seed)
    return Contoh(indikator=indikator, intervensi=generate_intervensi(indikator, seed))
