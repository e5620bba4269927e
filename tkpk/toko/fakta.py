"""The real facts below BPS's level, and the real targets, read from the bundled files for the store.

Why a module of its own: these rows are neither BPS rows nor sample rows. Register counts (Satu Data, SIKS-NG,
BDT), the P3KE verification and the IDM village status each become their own catalogue indicator
(:data:`tkpk.katalog.INDIKATOR_FAKTA`) in their own non-sample batch, with the source and the kind of source on
every row, so no chart of BPS figures and no sample table can pick them up by accident.

``data/banjar_kecamatan_kemiskinan.csv`` describes each figure in a sentence; :data:`POLA` maps those sentences
to catalogue codes, and a row no pattern knows stops the load, so a new kind of figure is never filed under the
wrong code. The IDM 2021 desa are named in the rows' ``rincian`` ("desa: A; B; C") and matched to Kemendagri
codes within their kecamatan; :data:`ALIAS_DESA` holds the one spelling the source writes differently.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from tkpk import KODE_BANJAR

# Sentence start in the file's ``indikator`` column → (catalogue code, kind of source).
POLA: tuple[tuple[str, str, str], ...] = (
    ("jumlah penduduk miskin menurut data Dinsos P3AP2KB di Satu Data", "reg_miskin_satudata", "register"),
    ("jumlah penduduk miskin menurut data PPKS", "reg_miskin_siksng", "register"),
    ("jumlah fakir miskin menurut data Dinsos P3AP2KB di Satu Data", "reg_fakir_miskin_satudata", "register"),
    ("jumlah fakir miskin menurut data PPKS", "reg_fakir_miskin_siksng", "register"),
    ("jumlah penduduk miskin menurut Basis Data Terpadu", "reg_miskin_bdt", "register"),
    ("individu dalam data kemiskinan 2022", "p3ke_jiwa", "register"),
    ("keluarga dalam data kemiskinan 2022", "p3ke_kk", "register"),
    ("jumlah desa berstatus Tertinggal", "idm_jumlah_tertinggal", "instansi"),
    ("kecamatan masih memiliki desa berstatus Tertinggal", "idm_kec_ada_tertinggal", "instansi"),
    ("rumah tidak layak huni belum ditangani", "rtlh_belum_ditangani", "instansi"),
)
KODE_IDM = ("idm_tertinggal", "idm_jumlah_tertinggal", "idm_kec_ada_tertinggal")
# The source writes "Mengkauk"; the Kemendagri list has Mangkauk (63.03.09.2010) in the same kecamatan.
ALIAS_DESA = {("63.03.09", "mengkauk"): "mangkauk"}
TAHUN_IDM_DESA = 2021


class BarisTakDikenal(ValueError):
    """A row of the facts file that no pattern maps to a catalogue code."""


def _kode(indikator: str) -> tuple[str, str]:
    for awal, kode, jenis in POLA:
        if indikator.startswith(awal):
            return kode, jenis
    raise BarisTakDikenal(f"Baris fakta tidak dikenal, tambahkan polanya di tkpk/toko/fakta.py: {indikator!r}")


def _sumber(sumber: str, rincian: str) -> str:
    """The row's source, with the file's note kept as a bracketed note (the full provenance is in SOURCES.md)."""
    return f"{sumber} [{rincian}]" if rincian else sumber


def read_fakta(path: Path) -> pd.DataFrame:
    """Every figure of the facts file as ``nilai_indikator`` rows (tahun, kode_wilayah, indikator, nilai, sumber,
    jenis_sumber); kecamatan rows keep their Kemendagri code, kabupaten rows get Banjar's."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    rows = []
    for r in raw.itertuples(index=False):
        kode, jenis = _kode(r.indikator)
        rows.append({
            "tahun": int(r.tahun), "kode_wilayah": KODE_BANJAR if r.level == "kabupaten" else r.kode_kec,
            "indikator": kode, "nilai": float(r.nilai), "sumber": _sumber(r.sumber, r.rincian),
            "jenis_sumber": jenis,
        })
    return pd.DataFrame(rows)


def _norm(nama: str) -> str:
    return re.sub(r"[^a-z]", "", nama.lower())


def desa_idm(path: Path, wilayah: pd.DataFrame) -> pd.DataFrame:
    """The desa the IDM 2021 rows name, matched to their Kemendagri codes (one row per desa, ``nilai`` = 1).

    ``wilayah``: the code list (kode, nama, level, kode_kec). A name that matches no desa of its kecamatan stops
    the load: the overlay must mark exactly the desa in the source list.
    """
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    idm = raw[(raw["level"] == "kecamatan") & (raw["tahun"] == str(TAHUN_IDM_DESA))
              & raw["indikator"].str.startswith("jumlah desa berstatus Tertinggal")]
    desa = wilayah[wilayah["level"].isin(["desa", "kelurahan"])]
    rows = []
    for r in idm.itertuples(index=False):
        nama = r.rincian.split("[")[0].strip().removeprefix("desa:").split(";")
        calon = desa[desa["kode_kec"] == r.kode_kec]
        per_nama = {_norm(n): k for n, k in zip(calon["nama"], calon["kode"], strict=True)}
        for n in (x.strip() for x in nama if x.strip()):
            kunci = ALIAS_DESA.get((r.kode_kec, _norm(n)), _norm(n))
            if kunci not in per_nama:
                raise BarisTakDikenal(f"Desa IDM {n!r} tidak ada di kecamatan {r.kode_kec} daftar Kemendagri.")
            rows.append({"tahun": TAHUN_IDM_DESA, "kode_wilayah": per_nama[kunci], "indikator": "idm_tertinggal",
                         "nilai": 1.0, "sumber": f"{r.sumber} [disebut sebagai \"{n}\"]",
                         "jenis_sumber": "instansi"})
    out = pd.DataFrame(rows)
    if int(idm["nilai"].astype(int).sum()) != len(out):
        raise BarisTakDikenal("Jumlah desa IDM per kecamatan tidak sama dengan jumlah nama desanya.")
    return out


def read_target(path: Path) -> pd.DataFrame:
    """Targets as ``target_indikator`` rows: tahun, kode_wilayah, indikator, nilai, dokumen, sumber, jenis_sumber,
    rincian (percent targets are stored in percent, as P0 is)."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    return pd.DataFrame({
        "tahun": raw["tahun"].astype(int), "kode_wilayah": raw["kode_wilayah"], "indikator": raw["indikator"],
        "nilai": pd.to_numeric(raw["nilai"]), "dokumen": raw["dokumen"], "sumber": raw["sumber"],
        "jenis_sumber": raw["jenis_sumber"], "rincian": raw["rincian"].replace("", None),
    })
