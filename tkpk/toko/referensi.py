"""Loading the real reference data bundled in ``data/`` into the store.

Each bundled file becomes one batch whose sha256 is recorded; loading again finds the same hash and writes
nothing, which is what makes ``tkpk init`` idempotent. Codes are read as text everywhere: ``63.10`` read as a
float would become 63.1.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import geopandas as gpd
import pandas as pd

from tkpk import KODE_BANJAR, KODE_PROVINSI, katalog
from tkpk.config import DATA_DIR
from tkpk.toko.db import new_batch, transaction
from tkpk.toko.queries import execute, sisipkan

# Metric CRS for areas: UTM zone 50S covers Kabupaten Banjar.
CRS_LUAS = "EPSG:32750"
PENGGUNA_SISTEM = "sistem (data bawaan)"
SUMBER_BATAS = (
    "Batas wilayah: cahyadsn/wilayah_boundaries (MIT), sesuai Kepmendagri 300.2.2-2430/2025; "
    "kecamatan = gabungan poligon desa"
)
SUMBER_KODE = "Kode wilayah: Kepmendagri 300.2.2-2430/2025 via cahyadsn/wilayah (MIT)"
# Bundled files are stamped with a fixed time so two fresh stores built from them hold identical rows.
WAKTU_BAWAAN = datetime(2026, 11, 1)
# The dashboard's years: the sample series and the real figures kept from the population file start here.
TAHUN_AWAL = 2018
# How the bundled files are read: bumped when a reading changes, so an existing store loads the file again.
VERSI_PENDUDUK = "jenis_sumber-1"
VERSI_FAKTA = "1"


@dataclass(frozen=True)
class BundledFiles:
    wilayah: Path = DATA_DIR / "wilayah_banjar.csv"
    kecamatan: Path = DATA_DIR / "banjar_kecamatan.geojson"
    desa: Path = DATA_DIR / "banjar_desa.geojson"
    kabkota: Path = DATA_DIR / "kalsel_kabkota.geojson"
    kemiskinan: Path = DATA_DIR / "kalsel_kemiskinan.csv"
    penduduk: Path = DATA_DIR / "banjar_kecamatan_penduduk.csv"
    fakta: Path = DATA_DIR / "banjar_kecamatan_kemiskinan.csv"
    target: Path = DATA_DIR / "banjar_target.csv"


BUNDLED = BundledFiles()


def sha256_of(*paths: Path, versi: str = "") -> str:
    """Hash of the files; ``versi`` names how they are read, so a changed reading of an unchanged file loads anew."""
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
    h.update(versi.encode())
    return h.hexdigest()


def already_loaded(cur: duckdb.DuckDBPyConnection, jenis: str, sha: str) -> bool:
    """True when a file with this hash was ever loaded as this kind: loading it again would change nothing, or
    would undo an analyst's rollback of it."""
    row = execute(cur, "batch_sudah_dimuat", {"jenis": jenis, "sha256": sha})
    return bool(row and row[0])


def read_wilayah_table(files: BundledFiles = BUNDLED) -> pd.DataFrame:
    """Every place the store knows: province, 13 kab/kota of Kalsel, Banjar's kecamatan and desa, with areas."""
    codes = pd.read_csv(files.wilayah, dtype=str)
    desa_geo = gpd.read_file(files.desa)
    kec_geo = gpd.read_file(files.kecamatan)
    kab_geo = gpd.read_file(files.kabkota)

    area = pd.concat(
        [
            pd.Series(desa_geo.to_crs(CRS_LUAS).area.to_numpy() / 1e6, index=desa_geo["kode_desa"]),
            pd.Series(kec_geo.to_crs(CRS_LUAS).area.to_numpy() / 1e6, index=kec_geo["kode_kec"]),
            pd.Series(kab_geo.to_crs(CRS_LUAS).area.to_numpy() / 1e6, index=kab_geo["kode_kab"]),
        ]
    )
    rows = [
        {"kode": KODE_PROVINSI, "nama": "Provinsi Kalimantan Selatan", "tingkat": "provinsi",
         "kode_induk": None, "kode_kab": None, "kode_kec": None},
    ]
    for kode, nama in zip(kab_geo["kode_kab"], kab_geo["kabupaten"], strict=True):
        rows.append({"kode": kode, "nama": nama, "tingkat": "kota" if nama.startswith("Kota") else "kabupaten",
                     "kode_induk": KODE_PROVINSI, "kode_kab": kode, "kode_kec": None})
    for r in codes.itertuples(index=False):
        rows.append({"kode": r.kode, "nama": r.nama, "tingkat": r.level,
                     "kode_induk": KODE_BANJAR if r.level == "kecamatan" else r.kode_kec,
                     "kode_kab": KODE_BANJAR, "kode_kec": r.kode_kec})
    table = pd.DataFrame(rows)
    table["luas_km2"] = table["kode"].map(area).round(3)
    return table


def read_batas_table(files: BundledFiles = BUNDLED) -> pd.DataFrame:
    """Boundaries as GeoJSON geometry text, so a larger deployment can load them like any other data."""
    parts = []
    for path, key in ((files.kabkota, "kode_kab"), (files.kecamatan, "kode_kec"), (files.desa, "kode_desa")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for feat in doc["features"]:
            parts.append({"kode": feat["properties"][key],
                          "geojson": json.dumps(feat["geometry"], separators=(",", ":"))})
    table = pd.DataFrame(parts)
    table["sumber"] = SUMBER_BATAS
    return table


def _dengan_catatan(sumber: pd.Series, catatan: pd.Series) -> pd.Series:
    """The row's source with its Indonesian conflict note appended as ``[catatan: …]`` (read by mutu_sumber)."""
    cat = catatan.fillna("").str.strip()
    return sumber.where(cat == "", sumber + " [catatan: " + cat + "]")


def read_kemiskinan_table(files: BundledFiles = BUNDLED) -> pd.DataFrame:
    """Poverty series per kab/kota and province; the file's counts are in thousands and become persons.

    Each row keeps its kind of source (``jenis_sumber``: only ``bps`` is BPS's own release) and its conflict note.
    """
    raw = pd.read_csv(files.kemiskinan, dtype=str)
    num = {c: pd.to_numeric(raw[c]) for c in ("p0_persen", "penduduk_miskin_ribu", "garis_kemiskinan_rp",
                                              "p1", "p2", "p0_ekstrem_persen", "penduduk_miskin_ekstrem_ribu")}
    return pd.DataFrame({
        "tahun": raw["tahun"].astype(int),
        "kode_wilayah": raw["kode_kab"],
        "p0": num["p0_persen"],
        "penduduk_miskin": (num["penduduk_miskin_ribu"] * 1000).round(0),
        "garis_kemiskinan": num["garis_kemiskinan_rp"],
        "p1": num["p1"],
        "p2": num["p2"],
        "p0_ekstrem": num["p0_ekstrem_persen"],
        "penduduk_miskin_ekstrem": (num["penduduk_miskin_ekstrem_ribu"] * 1000).round(0),
        "sumber": _dengan_catatan(raw["sumber"], raw["catatan"]),
        "jenis_sumber": raw["jenis_sumber"],
    })


def read_penduduk_kecamatan(files: BundledFiles = BUNDLED) -> pd.DataFrame:
    """Real kecamatan populations after 2010 (SP2020, mid-year estimates) with their sources.

    The SP2010 figures stay in the data file for context but fall outside the dashboard's years.
    """
    raw = pd.read_csv(files.penduduk, dtype=str)
    keep = raw[(raw["level"] == "kecamatan") & raw["penduduk_jiwa"].notna()].copy()
    keep["tahun"] = keep["tahun"].astype(int)
    keep = keep[keep["tahun"] >= TAHUN_AWAL]
    return pd.DataFrame({
        "tahun": keep["tahun"],
        "kode_wilayah": keep["kode_kec"],
        "indikator": "penduduk",
        "nilai": pd.to_numeric(keep["penduduk_jiwa"]),
        "sumber": keep["jenis_data"] + ": " + keep["sumber"],
        # BPS census and projection figures read from a Wikipedia table: BPS's numbers, not BPS's page.
        "jenis_sumber": "media_bps",
    }).reset_index(drop=True)


def read_penduduk_sp2010(files: BundledFiles = BUNDLED) -> dict[str, int]:
    """SP2010 (hasil olah cepat, complete for all 19 kecamatan of 2010) by kecamatan code.

    Used only for the relative size of kecamatan in the sample data; Simpang Empat still includes Cintapuri.
    """
    raw = pd.read_csv(files.penduduk, dtype=str)
    rows = raw[(raw["level"] == "kecamatan") & raw["jenis_data"].str.contains("olah cepat")]
    return {k: int(v) for k, v in zip(rows["kode_kec"], rows["penduduk_jiwa"], strict=True)}


def read_penduduk_kabupaten(files: BundledFiles = BUNDLED) -> dict[int, int]:
    """Kabupaten population totals by year, from the same file (used to anchor the sample data)."""
    raw = pd.read_csv(files.penduduk, dtype=str)
    kab = raw[(raw["level"] == "kabupaten") & raw["penduduk_jiwa"].notna()]
    kab = kab[~kab["jenis_data"].str.contains("olah cepat|Dukcapil", regex=True)]
    return {int(t): int(v) for t, v in zip(kab["tahun"], kab["penduduk_jiwa"], strict=True)}


def load_catalogue(cur: duckdb.DuckDBPyConnection) -> None:
    """Catalogue, pillars and OPDs are upserted: they describe the app, not data with a history."""
    for n, ind in enumerate((*katalog.INDIKATOR, *katalog.INDIKATOR_FAKTA)):
        execute(cur, "tulis_katalog_indikator", {**asdict(ind), "urutan": n})
    for p in katalog.PILAR:
        execute(cur, "tulis_katalog_pilar", asdict(p))
    for n, o in enumerate(katalog.OPD):
        execute(cur, "tulis_katalog_opd", {**asdict(o), "urutan": n})


def load_reference(con: duckdb.DuckDBPyConnection, files: BundledFiles = BUNDLED) -> list[str]:
    """Load catalogue, places, boundaries, BPS series and real populations; returns what was loaded."""
    loaded: list[str] = []
    with transaction(con) as cur:
        load_catalogue(cur)

        sha = sha256_of(files.wilayah, files.kecamatan, files.desa, files.kabkota)
        if not already_loaded(cur, "referensi", sha):
            wil = read_wilayah_table(files)
            batas = read_batas_table(files)
            bid = new_batch(cur, jenis="referensi", oleh=PENGGUNA_SISTEM, nama_file="wilayah_banjar.csv + *.geojson",
                            sha256=sha, jumlah_baris=len(wil) + len(batas), waktu=WAKTU_BAWAAN,
                            keterangan=SUMBER_KODE + ". " + SUMBER_BATAS)
            execute(cur, "tulis_ganti_wilayah")
            sisipkan(cur, "wilayah", wil.assign(batch_id=bid))
            sisipkan(cur, "batas_wilayah", batas.assign(batch_id=bid))
            loaded.append(f"wilayah: {len(wil)} baris, batas: {len(batas)} poligon")

        sha = sha256_of(files.kemiskinan)
        if not already_loaded(cur, "bps", sha):
            kem = read_kemiskinan_table(files)
            bid = new_batch(cur, jenis="bps", oleh=PENGGUNA_SISTEM, nama_file=files.kemiskinan.name, sha256=sha,
                            jumlah_baris=len(kem), waktu=WAKTU_BAWAAN,
                            keterangan="Angka kemiskinan kab/kota dan provinsi (BPS dan kutipannya); sumber dan "
                                       "jenis sumber per baris")
            sisipkan(cur, "kemiskinan_kabupaten", kem.assign(batch_id=bid))
            loaded.append(f"kemiskinan BPS: {len(kem)} baris")

        sha = sha256_of(files.penduduk, versi=VERSI_PENDUDUK)
        if not already_loaded(cur, "indikator", sha):
            pend = read_penduduk_kecamatan(files)
            bid = new_batch(cur, jenis="indikator", oleh=PENGGUNA_SISTEM, nama_file=files.penduduk.name,
                            sha256=sha, jumlah_baris=len(pend), waktu=WAKTU_BAWAAN,
                            keterangan="Penduduk kecamatan (BPS), hanya tahun yang tersedia")
            sisipkan(cur, "nilai_indikator", pend.assign(batch_id=bid))
            loaded.append(f"penduduk kecamatan (riil): {len(pend)} baris")
        loaded += load_fakta(cur, files)
    return loaded


def load_fakta(cur: duckdb.DuckDBPyConnection, files: BundledFiles = BUNDLED) -> list[str]:
    """Register and P3KE counts, IDM village status and the targets, each in its own real (non-sample) batch."""
    from tkpk.toko import fakta

    loaded = []
    semua = fakta.read_fakta(files.fakta)
    wil = pd.read_csv(files.wilayah, dtype=str)
    idm = pd.concat([semua[semua["indikator"].isin(fakta.KODE_IDM)], fakta.desa_idm(files.fakta, wil)],
                    ignore_index=True)
    register = semua[~semua["indikator"].isin(fakta.KODE_IDM)]
    for bagian, frame, ket in (
        ("register", register, "Fakta nyata register (Satu Data, SIKS-NG, BDT), P3KE dan e-RTLH per kabupaten/"
                               "kecamatan; bukan angka BPS, bukan data contoh"),
        ("IDM", idm, "Status Indeks Desa Membangun (Dinas PMD): desa Tertinggal 2021 dan kecamatan 2022"),
    ):
        sha = sha256_of(files.fakta, versi=f"{VERSI_FAKTA}:{bagian}")
        if already_loaded(cur, "indikator", sha):
            continue
        bid = new_batch(cur, jenis="indikator", oleh=PENGGUNA_SISTEM, nama_file=files.fakta.name, sha256=sha,
                        jumlah_baris=len(frame), waktu=WAKTU_BAWAAN, keterangan=ket)
        sisipkan(cur, "nilai_indikator", frame.assign(batch_id=bid))
        loaded.append(f"fakta {bagian}: {len(frame)} baris")
    sha = sha256_of(files.target)
    if not already_loaded(cur, "target", sha):
        target = fakta.read_target(files.target)
        bid = new_batch(cur, jenis="target", oleh=PENGGUNA_SISTEM, nama_file=files.target.name, sha256=sha,
                        jumlah_baris=len(target), waktu=WAKTU_BAWAAN,
                        keterangan="Target RPJMD dan target nasional kemiskinan ekstrem; sumber per baris")
        sisipkan(cur, "target_indikator", target.assign(batch_id=bid))
        loaded.append(f"target: {len(target)} baris")
    return loaded
