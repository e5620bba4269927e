"""Deterministic sample data, shaped like register data and consistent with the real figures it is built around.

Below the kabupaten there is no BPS poverty rate; what a TKPK has per desa is a targeting register (DTSEN, before
it P3KE/DTKS): people and households per welfare decile. So the sample models register counts (jiwa and KK in
desil 1 and in desil 1–4) per desa and kecamatan, calibrated to the real register figures the kabupaten quoted
(``data/banjar_kecamatan_kemiskinan.csv``, loaded as their own real indicators):

- kabupaten jiwa desil 1–4 = the real register totals: BDT 132.248 (2018), P3KE 151.276 (2022), Satu Data
  161.726 (2024) and 172.697 (2025); geometric interpolation for the years between (our modelling);
- kabupaten KK desil 1–4 = 37.902 KK in 2022 (P3KE verification), the same persons per KK in other years;
- Martapura and Aluh Aluh, the two kecamatan with real Satu Data counts, equal those counts in their years and
  keep their share of the kabupaten in the other years (no jump between a calibrated and a modelled year);
- population: real kabupaten totals, real kecamatan populations where known (left to their own real batch),
  and kecamatan that have real figures keep their real share of the kabupaten in sample years;
- RTLH adds up to 8.084 units in 2022 (e-RTLH backlog).

The BPS P0 shapes only which desa are poorer (a latent level that is never written). Every row carries the
source ``DATA CONTOH (sintetis)``.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd

from tkpk import KODE_BANJAR, SUMBER_CONTOH, katalog
from tkpk.contoh.program import PROGRAM, TIDAK_MELAPOR
from tkpk.toko.fakta import read_fakta
from tkpk.toko.referensi import (
    BUNDLED,
    CRS_LUAS,
    TAHUN_AWAL,
    BundledFiles,
    read_kemiskinan_table,
    read_penduduk_kabupaten,
    read_penduduk_kecamatan,
    read_penduduk_sp2010,
)

SEED = 20241231
TAHUN = tuple(range(TAHUN_AWAL, 2026))          # register-shaped indicators, to the newest register year
TAHUN_PROGRAM = tuple(range(TAHUN_AWAL, 2025))  # sample interventions (a later issue extends them to 2025)
RTLH_2022 = 8_084
# Register anchors (indicator codes of the real facts) the sample's jiwa desil 1–4 is calibrated to.
ANCHOR_REGISTER = ("reg_miskin_bdt", "p3ke_jiwa", "reg_miskin_satudata")
# Persons per desil 1 household relative to desil 1–4 (poorer households are larger; our modelling).
JIWA_PER_KK_DESIL_1 = 1.05
# A desa's register count stays below this share of its people (registers never list everyone).
PLAFON_DESIL = 0.9
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

    Largest-remainder rounding: this is what lets the desa counts reproduce a real kabupaten total exactly.
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


def bagi_bulat_batas(total: int, bobot: np.ndarray, batas: np.ndarray) -> np.ndarray:
    """:func:`bagi_bulat` where no part may exceed its ``batas``: full parts are fixed and the rest shared again.

    Why: a kecamatan whose real register count is most of its people (Aluh Aluh) must not push one desa above
    its own population. The total is kept whenever it fits under the sum of the caps.
    """
    batas = np.asarray(batas, dtype=np.int64)
    total = int(min(total, batas.sum()))
    out = np.zeros(len(batas), dtype=np.int64)
    bebas = np.ones(len(batas), dtype=bool)
    sisa = total
    while sisa > 0 and bebas.any():
        bagian = bagi_bulat(sisa, np.where(bebas, bobot, 0.0))
        lebih = bebas & (out + bagian > batas)
        if not lebih.any():
            out += bagian
            break
        sisa -= int((batas[lebih] - out[lebih]).sum())
        out[lebih] = batas[lebih]
        bebas &= ~lebih
    return out


def _geometris(anchor: dict[int, float], tahun: tuple[int, ...]) -> dict[int, float]:
    """Values per year: anchors as they are, geometric steps between them, the nearest trend outside them."""
    known = sorted(anchor.items())
    out = {}
    for year in tahun:
        if year in anchor:
            out[year] = float(anchor[year])
            continue
        lo = max((k for k in known if k[0] < year), default=None)
        hi = min((k for k in known if k[0] > year), default=None)
        if lo is None or hi is None:  # outside the anchors: continue the trend of the nearest two
            a, b = (known[0], known[1]) if lo is None else (known[-2], known[-1])
            if len(known) < 2:
                out[year] = float(known[0][1])
                continue
            growth = (b[1] / a[1]) ** (1 / (b[0] - a[0]))
            ref = a if lo is None else b
            out[year] = ref[1] * growth ** (year - ref[0])
        else:
            growth = (hi[1] / lo[1]) ** (1 / (hi[0] - lo[0]))
            out[year] = lo[1] * growth ** (year - lo[0])
    return out


def _kabupaten_penduduk(anchor: dict[int, int]) -> dict[int, int]:
    """Population per sample year: the real totals where known, geometric steps between and beyond them."""
    return {t: round(v) for t, v in _geometris({k: float(v) for k, v in anchor.items()}, TAHUN).items()}
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


def _kecamatan_penduduk(bobot: pd.Series, tahun: int, total: dict[int, int], nyata: pd.DataFrame) -> pd.Series:
    """Kecamatan populations for one year: real figures where known; a kecamatan with real figures in other
    years keeps its real share of the kabupaten (so its line does not jump where sample meets real); the rest is
    split by SP2010 weights."""
    tetap: dict[str, int] = {}
    for kode, g in nyata.groupby("kode_wilayah"):
        real = dict(zip(g["tahun"].astype(int), g["nilai"].astype(int), strict=True))
        if tahun in real:
            tetap[str(kode)] = real[tahun]
        else:
            a = min(real, key=lambda t: (abs(t - tahun), t))
            tetap[str(kode)] = round(real[a] / total[a] * total[tahun])
    sisa = bobot.drop(index=list(tetap))
    out = pd.Series(bagi_bulat(total[tahun] - sum(tetap.values()), sisa.to_numpy()), index=sisa.index)
    for kode, nilai in tetap.items():
        out[kode] = nilai
    return out.sort_index()


@dataclass(frozen=True)
class Register:
    """The real register anchors the sample is calibrated to (read from the bundled facts file)."""

    jiwa: dict[int, float]                # kabupaten jiwa desil 1–4 per sample year (anchors + interpolation)
    kk_per_jiwa: float                    # P3KE 2022: KK / jiwa
    kecamatan: dict[str, dict[int, int]]  # kecamatan code → {year: real Satu Data count}


def register_anchor(files: BundledFiles = BUNDLED) -> Register:
    fakta = read_fakta(files.fakta)
    kab = fakta[(fakta["kode_wilayah"] == KODE_BANJAR) & fakta["indikator"].isin(ANCHOR_REGISTER)]
    anchor = {int(t): float(v) for t, v in zip(kab["tahun"], kab["nilai"], strict=True)}
    p3ke = fakta[fakta["kode_wilayah"] == KODE_BANJAR].set_index("indikator")["nilai"]
    kec = fakta[(fakta["indikator"] == "reg_miskin_satudata") & (fakta["kode_wilayah"] != KODE_BANJAR)]
    per_kec: dict[str, dict[int, int]] = {}
    for r in kec.itertuples(index=False):
        per_kec.setdefault(str(r.kode_wilayah), {})[int(r.tahun)] = int(r.nilai)
    return Register(_geometris(anchor, TAHUN), float(p3ke["p3ke_kk"] / p3ke["p3ke_jiwa"]), per_kec)


def _register_kecamatan(reg: Register, tahun: int, bobot: pd.Series, batas: pd.Series) -> pd.Series:
    """Kabupaten jiwa desil 1–4 split over kecamatan: real counts where known, the real share of the nearest
    year with a count for the same kecamatan otherwise, the rest by need-weighted population."""
    total = round(reg.jiwa[tahun])
    tetap = {}
    for kode, real in reg.kecamatan.items():
        if tahun in real:
            tetap[kode] = real[tahun]
        else:
            a = min(real, key=lambda t: (abs(t - tahun), t))
            tetap[kode] = round(real[a] / reg.jiwa[a] * total)
    sisa = bobot.drop(index=list(tetap))
    bagian = bagi_bulat_batas(total - sum(tetap.values()), sisa.to_numpy(), batas.drop(index=list(tetap)).to_numpy())
    out = pd.Series(bagian, index=sisa.index)
    for kode, nilai in tetap.items():
        out[kode] = nilai
    return out.sort_index()


def generate_indikator(files: BundledFiles = BUNDLED, seed: int = SEED) -> pd.DataFrame:
    """Wide indicator table per desa and kecamatan for every sample year."""
    rng = np.random.default_rng(seed)
    desa = _desa_frame(files, rng)
    bps = read_kemiskinan_table(files)
    p0 = bps[(bps["kode_wilayah"] == KODE_BANJAR) & bps["p0"].notna()].set_index("tahun")["p0"]
    total = _kabupaten_penduduk(read_penduduk_kabupaten(files))
    nyata = read_penduduk_kecamatan(files)
    reg = register_anchor(files)
    bobot_kec = _bobot_kecamatan(desa, files)
    kode_kec = desa["kode_kec"].to_numpy()
    n = len(desa)
    drift = rng.normal(0, 0.06, (len(TAHUN), n)).cumsum(axis=0)
    rows = []
    for t, year in enumerate(TAHUN):
        kec_pop = _kecamatan_penduduk(bobot_kec, year, total, nyata)
        pop = np.zeros(n, dtype=np.int64)
        for kode, jumlah in kec_pop.items():
            idx = np.flatnonzero(kode_kec == kode)
            pop[idx] = bagi_bulat(int(jumlah), desa["bobot_penduduk"].to_numpy()[idx])
        # Latent level of poverty per desa (never written): the year's BPS P0 spread by risk; a year without a
        # Banjar P0 keeps the nearest year's level. It shapes registers and deprivations, not their totals.
        tingkat = float(p0[min(p0.index, key=lambda y: (abs(y - year), -y))]) / 100
        risiko = desa["risiko"].to_numpy() * np.exp(drift[t])
        laten = np.minimum(bagi_bulat(round(tingkat * pop.sum()), pop * risiko), pop)
        p = np.divide(laten, pop, out=np.zeros(n), where=pop > 0)
        kk = np.round(pop / desa["ukuran_rt"].to_numpy()).astype(np.int64)
        batas = np.floor(pop * PLAFON_DESIL).astype(np.int64)
        berat = pop * (0.10 + 7 * p)
        per_kec = pd.Series(berat).groupby(kode_kec).sum()
        batas_kec = pd.Series(batas).groupby(kode_kec).sum()
        reg_kec = _register_kecamatan(reg, year, per_kec, batas_kec)
        jiwa14 = np.zeros(n, dtype=np.int64)
        for kode, jumlah in reg_kec.items():
            idx = np.flatnonzero(kode_kec == kode)
            jiwa14[idx] = bagi_bulat_batas(int(jumlah), berat[idx], batas[idx])
        jiwa1 = np.minimum(np.round(jiwa14 * np.clip(0.12 + 5 * p, 0.1, 0.55)), jiwa14).astype(np.int64)
        kk14 = bagi_bulat_batas(round(jiwa14.sum() * reg.kk_per_jiwa), jiwa14.astype(float), kk)
        per_kk = 1 / reg.kk_per_jiwa * JIWA_PER_KK_DESIL_1
        kk1 = np.minimum(np.round(jiwa1 / per_kk), kk14).astype(np.int64)
        rtlh = bagi_bulat(round(RTLH_2022 * 1.06 ** (2022 - year)), kk * (0.01 + 2.5 * p) * desa["akses"])
        turun = 0.95 ** (year - TAHUN[0])
        air = np.minimum(np.round(kk * np.clip((0.04 + 2.5 * p) * desa["akses"] * turun, 0, 0.8)), kk)
        sanitasi = np.minimum(np.round(kk * np.clip((0.05 + 2.0 * p) * desa["akses"] * turun, 0, 0.8)), kk)
        ats = np.round(pop * 0.2 * np.clip((0.01 + 0.4 * p) * turun, 0, 0.3))
        rows.append(pd.DataFrame({
            "tahun": year, "kode_wilayah": desa["kode"], "nama_wilayah": desa["nama"], "kode_kec": desa["kode_kec"],
            "penduduk": pop, "jiwa_desil_1_4": jiwa14, "jiwa_desil_1": jiwa1, "kk": kk, "kk_desil_1": kk1,
            "kk_desil_1_4": kk14, "rtlh": rtlh, "kk_tanpa_air_layak": air.astype(np.int64),
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
    out["sumber"] = SUMBER_CONTOH
    for col in counts:
        out[col] = out[col].astype("Int64")
    return out.sort_values(["tahun", "kode_wilayah"]).reset_index(drop=True)[KOLOM_INDIKATOR]


def _choose(rng: np.random.Generator, kandidat: pd.DataFrame, jumlah: int, sasaran: float) -> pd.DataFrame:
    """Pick locations; a high ``sasaran`` leans the choice towards places with more desil 1 people."""
    need = kandidat["jiwa_desil_1"].to_numpy(dtype=float) + 1
    bobot = (1 - sasaran) + sasaran * (need / need.mean()) ** 2
    jumlah = min(jumlah, len(kandidat))
    idx = rng.choice(len(kandidat), size=jumlah, replace=False, p=bobot / bobot.sum())
    return kandidat.iloc[np.sort(idx)]


def baris_program(rng: np.random.Generator, year: int, indikator: pd.DataFrame,
                  tidak_melapor: tuple[str, ...] = ()) -> list[dict[str, object]]:
    """One year's whole-year rows for every program of :data:`PROGRAM` (OPDs in ``tidak_melapor`` left out)."""
    opd = katalog.OPD_BY_KODE
    rows: list[dict[str, object]] = []
    ind = indikator[indikator["tahun"] == year]
    places = {
        "desa": ind[ind["kode_wilayah"].str.len() > 8],
        "kecamatan": ind[ind["kode_wilayah"].str.len() == 8],
    }
    for prog in PROGRAM:
        if prog.opd in tidak_melapor:
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
                "sumber_dana": prog.sumber_dana, "keterangan": None, "sumber": SUMBER_CONTOH,
            })
    return rows


def bingkai_intervensi(rows: list[dict[str, object]]) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=KOLOM_INTERVENSI)
    for col in ("triwulan", "target_penerima", "penerima"):
        out[col] = out[col].astype("Int64")
    return out


def generate_intervensi(indikator: pd.DataFrame, seed: int = SEED) -> pd.DataFrame:
    """Intervention rows for every OPD and sample year, with locations, budgets and outputs."""
    rng = np.random.default_rng(seed + 1)
    rows = []
    for year in TAHUN_PROGRAM:
        rows += baris_program(rng, year, indikator, TIDAK_MELAPOR.get(year, ()))
    return bingkai_intervensi(rows)


def generate(files: BundledFiles = BUNDLED, seed: int = SEED) -> Contoh:
    indikator = generate_indikator(files, seed)
    return Contoh(indikator=indikator, intervensi=generate_intervensi(indikator, seed))
