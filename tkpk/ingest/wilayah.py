"""Places, OPDs and pillars named the way spreadsheets name them, matched to codes without guessing.

Codes join, names do not (DOMAIN.md): a name is accepted only when it leads to exactly one place after the
usual spelling variants are folded ("Kec. Aluh-Aluh" = "Aluh Aluh", "Sei" = "Sungai") and the 2023→2025
renames are applied. Anything else is an error that lists the closest known names, so the analyst decides.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd
from rapidfuzz import fuzz, process

from tkpk import katalog
from tkpk.ingest.angka import baca_bulat
from tkpk.ingest.kolom import kunci

TINGKAT_BANJAR = frozenset({"kabupaten", "kecamatan", "desa", "kelurahan"})
TINGKAT_KABKOTA = frozenset({"provinsi", "kabupaten", "kota"})

# Old name (Kemendagri 2023 edition) -> current name; codes did not change. SOURCES.md §2.
GANTI_NAMA_2025: tuple[tuple[str, str, str | None], ...] = (
    ("Pemangkih Laut", "Tatah Pemangkih Laut", None),
    ("Benua Anyar Sungai Tuan", "Banua Anyar Sungai Tuan", None),
    ("Benua Anyar Danau Salak", "Banua Anyar Danau Salak", None),
    ("Sungai Ranggas", "Sungai Rangas", None),
    ("Sungai Ranggas Hambuku", "Sungai Rangas Hambuku", None),
    ("Sungai Ranggas Tengah", "Sungai Rangas Tengah", None),
    ("Sungai Ranggas Ulu", "Sungai Rangas Ulu", None),
    ("Akar Begantung Ulu", "Akar Bagantung", None),
    ("Pengarom", "Pengaron", None),
    ("Sungai Pinang", "Sungai Pinang Lama", "63.03.04.2006"),
    ("Indra Sari", "Indrasari", None),
    ("Jingah Habang Hulu", "Jingah Habang Ulu", None),
    ("Mandi Kapau Barat", "Mandikapau Barat", None),
    ("Pingaran", "Pingaran Ilir", None),
    ("Sungai Baru", "Sungkai Baru", None),
    ("Tiwingan", "Tiwingan Lama", None),
)

_AWALAN = re.compile(
    r"^(kecamatan|kec|desa|ds|kelurahan|kel|kabupaten|kab|kota|provinsi|prov)\b\.?\s*", re.IGNORECASE
)


def kunci_nama(nama: object) -> str:
    """Fold the spelling variants of a place name into one key."""
    s = unicodedata.normalize("NFKD", str(nama)).encode("ascii", "ignore").decode("ascii").lower().strip()
    s = re.sub(r"['`´]", "", s)
    s = re.sub(r"[-_/.,()]+", " ", s).strip()
    for _ in range(2):  # "Kab. Kota ..." never occurs, but "Kec. Desa" typos do
        s = _AWALAN.sub("", s).strip()
    kata = ["sungai" if k in ("sei", "sui", "sng") else k for k in s.split()]
    return "".join(kata)


@dataclass(frozen=True)
class Tempat:
    kode: str
    nama: str
    tingkat: str
    kode_kec: str | None
    kode_kab: str | None


@dataclass(frozen=True)
class Cocok:
    kode: str | None
    alasan: str | None = None
    catatan: str | None = None  # accepted, but the analyst should know (e.g. an old name was used)


def _kode_baku(teks: object) -> str:
    """``6303`` / ``63 03 05`` / ``63.03.05`` -> ``63.03.05``: Excel users drop the dots or add spaces."""
    if isinstance(teks, float) and teks.is_integer():
        teks = int(teks)
    s = re.sub(r"\s+", "", str(teks)).strip("'")
    if re.fullmatch(r"\d+", s):
        if len(s) == 2:
            return s
        if len(s) == 4:
            return f"{s[:2]}.{s[2:]}"
        if len(s) == 6:
            return f"{s[:2]}.{s[2:4]}.{s[4:]}"
        if len(s) == 10:
            return f"{s[:2]}.{s[2:4]}.{s[4:6]}.{s[6:]}"
    return s


class Pencocok:
    """Index of the store's places; built once per upload."""

    def __init__(self, tempat: Iterable[Tempat]) -> None:
        self.tempat = {t.kode: t for t in tempat}
        self.indeks: dict[str, list[Tempat]] = {}
        for t in self.tempat.values():
            self.indeks.setdefault(kunci_nama(t.nama), []).append(t)
        self.alias: dict[str, list[Tempat]] = {}
        for lama, baru, kode in GANTI_NAMA_2025:
            cocok = [t for t in self.indeks.get(kunci_nama(baru), []) if kode is None or t.kode == kode]
            if cocok:
                self.alias.setdefault(kunci_nama(lama), []).extend(cocok)

    @classmethod
    def dari_frame(cls, frame: pd.DataFrame) -> Pencocok:
        def teks(v: object) -> str | None:
            return None if v is None or (isinstance(v, float) and pd.isna(v)) else str(v)

        return cls(
            Tempat(str(r["kode"]), str(r["nama"]), str(r["tingkat"]), teks(r.get("kode_kec")), teks(r.get("kode_kab")))
            for r in frame.to_dict("records")
        )

    @classmethod
    def dari_store(cls, con: duckdb.DuckDBPyConnection) -> Pencocok:
        from tkpk.toko.queries import fetch

        return cls.dari_frame(fetch(con, "ingest_wilayah"))

    @classmethod
    def dari_csv(cls, path: Path) -> Pencocok:
        """From ``data/wilayah_banjar.csv`` (kecamatan and desa only), for tests without a store."""
        raw = pd.read_csv(path, dtype=str)
        frame = raw.rename(columns={"level": "tingkat"}).assign(kode_kab="63.03")
        kab = pd.DataFrame([{"kode": "63.03", "nama": "Kabupaten Banjar", "tingkat": "kabupaten",
                             "kode_kec": None, "kode_kab": "63.03"}])
        return cls.dari_frame(pd.concat([kab, frame], ignore_index=True))

    def label(self, t: Tempat) -> str:
        if t.tingkat in ("desa", "kelurahan") and t.kode_kec in self.tempat:
            return f"{t.nama} (Kec. {self.tempat[t.kode_kec].nama}, {t.kode})"
        return f"{t.nama} ({t.kode})"

    def saran(self, nama: str, tingkat: frozenset[str], kode_kec: str | None = None) -> str:
        pilihan = {t.kode: kunci_nama(t.nama) for t in self.tempat.values()
                   if t.tingkat in tingkat and (kode_kec is None or t.kode_kec == kode_kec)}
        hasil = process.extract(kunci_nama(nama), pilihan, scorer=fuzz.WRatio, limit=3, score_cutoff=60)
        if not hasil:
            return ""
        return "; mungkin maksudnya: " + ", ".join(self.label(self.tempat[k]) for _, _, k in hasil)

    def cari_kode(self, teks: object, tingkat: frozenset[str]) -> Cocok:
        kode = _kode_baku(teks)
        t = self.tempat.get(kode)
        if t is None:
            return Cocok(None, "bukan kode wilayah Kemendagri yang dikenal (contoh bentuk: 63.03.05 atau "
                               "63.03.05.2001)")
        if t.tingkat not in tingkat or (tingkat == TINGKAT_BANJAR and t.kode_kab != "63.03"):
            return Cocok(None, f"adalah {t.tingkat} {t.nama}, bukan wilayah yang boleh untuk jenis data ini")
        return Cocok(t.kode)

    def cari_nama(self, nama: object, tingkat: frozenset[str], kode_kec: str | None = None,
                  utamakan: str | None = None) -> Cocok:
        """``utamakan`` ("kecamatan"/"desa") breaks a tie between a kecamatan and a desa of the same name."""
        k = kunci_nama(nama)
        if not k:
            return Cocok(None, "kosong")

        def saring(calon: list[Tempat]) -> list[Tempat]:
            return [t for t in calon if t.tingkat in tingkat and (kode_kec is None or t.kode_kec == kode_kec)]

        calon, catatan = saring(self.indeks.get(k, [])), None
        if not calon:
            calon = saring(self.alias.get(k, []))
            if calon:
                catatan = f"nama lama; dipakai nama Kemendagri 2025 {calon[0].nama}"
        if len(calon) > 1 and utamakan is not None:
            pilih = [t for t in calon if (t.tingkat == "kecamatan") == (utamakan == "kecamatan")]
            calon = pilih or calon
        if len(calon) == 1:
            return Cocok(calon[0].kode, None, catatan)
        if not calon:
            return Cocok(None, "tidak dikenal sebagai nama wilayah" + self.saran(str(nama), tingkat, kode_kec))
        daftar = ", ".join(self.label(t) for t in calon[:5])
        return Cocok(None, f"ambigu: ada {len(calon)} wilayah bernama ini ({daftar}); isi kolom kode_wilayah "
                           "atau kolom kecamatan")


_OPD_ALIAS = {
    "dinsos": "DINSOS", "dinassosial": "DINSOS", "dinkes": "DINKES", "disdik": "DISDIK", "distan": "DISTAN",
    "pertanian": "DISTAN", "pupr": "PUPRP", "dinaspupr": "PUPRP", "dinaspuprp": "PUPRP", "disperkim": "DISPERKIMLH",
    "perkim": "DISPERKIMLH", "dinasperkimlh": "DISPERKIMLH", "disnaker": "DISNAKERTRANS", "dukcapil": "DISDUKCAPIL",
    "csr": "FORUM_CSR", "pemdes": "PEM_DESA", "kecamatan": "PEM_KEC", "disbudpar": "DISBUDPORAPAR",
    "dinasperhubungan": "DISHUB", "dinaskoperasi": "DKUMPP",
}


def _indeks_opd() -> dict[str, str]:
    out = dict(_OPD_ALIAS)
    for o in katalog.OPD:
        for nama in (o.kode, o.nama_singkat, o.nama_lengkap):
            out[kunci(nama)] = o.kode
    return out


INDEKS_OPD = _indeks_opd()


def cari_opd(teks: object) -> Cocok:
    """The OPD a cell names (a pure function of the cell, so repeats are answered from a cache: a file that
    misspells one OPD on every row would otherwise run the fuzzy suggestion once per row)."""
    try:
        return _cari_opd(teks)
    except TypeError:  # an unhashable cell never comes from a reader, but stay total
        return _cari_opd.__wrapped__(teks)


@lru_cache(maxsize=4096, typed=True)
def _cari_opd(teks: object) -> Cocok:
    k = kunci(teks)
    if k in INDEKS_OPD:
        return Cocok(INDEKS_OPD[k])
    # "BAZNAS Kabupaten Banjar", "Dinas Sosial Kab. Banjar": the kabupaten is the only one this dashboard serves
    inti = re.sub(r"(kabupaten|kab)banjar$", "", k)
    if inti != k and inti in INDEKS_OPD:
        return Cocok(INDEKS_OPD[inti])
    pilihan = {o.kode: kunci(o.nama_singkat) for o in katalog.OPD} | {
        o.kode + "#": kunci(o.nama_lengkap) for o in katalog.OPD}
    hasil = process.extract(k, pilihan, scorer=fuzz.WRatio, limit=3, score_cutoff=60)
    nama = list(dict.fromkeys(katalog.OPD_BY_KODE[kode.rstrip("#")].nama_singkat for _, _, kode in hasil))
    saran = ("; mungkin maksudnya: " + ", ".join(nama)) if nama else ""
    return Cocok(None, "bukan OPD yang dikenal" + saran)


def cari_pilar(teks: object) -> tuple[int | None, str | None]:
    """Pillar number of a cell, or why not (cached like :func:`cari_opd`)."""
    try:
        return _cari_pilar(teks)
    except TypeError:
        return _cari_pilar.__wrapped__(teks)


@lru_cache(maxsize=4096, typed=True)
def _cari_pilar(teks: object) -> tuple[int | None, str | None]:
    angka = baca_bulat(teks)
    if angka.nilai is not None:
        n = int(angka.nilai)
        return (n, None) if 1 <= n <= 4 else (None, "di luar rentang pilar 1–4")
    s = str(teks).strip()
    m = re.match(r"^(?:pilar|strategi)?\s*(\d)\b", s, re.IGNORECASE)
    if m and 1 <= int(m.group(1)) <= 4:
        return int(m.group(1)), None
    k = kunci(s)
    for p in katalog.PILAR:
        if k in (kunci(p.nama), kunci(p.nama_singkat)):
            return p.kode, None
    return None, "bukan nomor (1–4) atau nama pilar; pilar: " + "; ".join(
        f"{p.kode} = {p.nama}" for p in katalog.PILAR)
