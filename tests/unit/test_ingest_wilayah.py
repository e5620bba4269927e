"""Place, OPD and pillar matching: spelling variants, renames, ambiguity and suggestions; never a guess."""

from __future__ import annotations

from pathlib import Path

import pytest

from tkpk.ingest.wilayah import TINGKAT_BANJAR, Pencocok, cari_opd, cari_pilar, kunci_nama

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def p() -> Pencocok:
    return Pencocok.dari_csv(ROOT / "data" / "wilayah_banjar.csv")


@pytest.mark.parametrize(("a", "b"), [
    ("Kec. Aluh-Aluh", "Aluh Aluh"), ("KECAMATAN ALUH ALUH", "aluh-aluh"), ("Sei Tabuk", "Sungai Tabuk"),
    ("Desa Bi'ih", "Biih"), ("Kel. Jawa", "Jawa"), ("Indra Sari", "Indrasari"), ("Kab. Banjar", "Kabupaten Banjar"),
])
def test_name_key_folds_variants(a: str, b: str):
    assert kunci_nama(a) == kunci_nama(b)


@pytest.mark.parametrize(("nama", "kwargs", "kode"), [
    ("Kec. Aluh-Aluh", {}, "63.03.01"),
    ("Sei Tabuk", {"utamakan": "kecamatan"}, "63.03.04"),
    ("Pengaron", {"utamakan": "desa", "kode_kec": "63.03.09"}, "63.03.09.2004"),
    ("Sungai Pinang", {"kode_kec": "63.03.04"}, "63.03.04.2006"),  # 2023 name of Sungai Pinang Lama
    ("Pingaran", {}, "63.03.07.2001"),
    ("Mandi Kapau Barat", {}, "63.03.06.2025"),
])
def test_names_found(p: Pencocok, nama: str, kwargs: dict, kode: str):
    assert p.cari_nama(nama, TINGKAT_BANJAR, **kwargs).kode == kode


def test_old_name_is_accepted_with_a_note(p: Pencocok):
    c = p.cari_nama("Pemangkih Laut", TINGKAT_BANJAR)
    assert c.kode == "63.03.02.2005" and c.catatan and "Tatah Pemangkih Laut" in c.catatan


def test_ambiguous_and_unknown_are_errors_with_suggestions(p: Pencocok):
    amb = p.cari_nama("Sungai Pinang", TINGKAT_BANJAR)
    assert amb.kode is None and amb.alasan and "ambigu" in amb.alasan and "63.03.10.2002" in amb.alasan
    unk = p.cari_nama("Martapur", TINGKAT_BANJAR)
    assert unk.kode is None and unk.alasan and "Martapura (63.03.05)" in unk.alasan


@pytest.mark.parametrize(("kode", "hasil"), [
    ("63.03.05", "63.03.05"), ("630305", "63.03.05"), ("63 03 05", "63.03.05"), ("6303052052", "63.03.05.2052"),
    ("63.03.99", None), ("abc", None),
])
def test_codes(p: Pencocok, kode: str, hasil: str | None):
    assert p.cari_kode(kode, TINGKAT_BANJAR).kode == hasil


@pytest.mark.parametrize(("teks", "kode"), [
    ("Dinsos", "DINSOS"), ("Dinas Sosial P3AP2KB", "DINSOS"), ("dinas kesehatan", "DINKES"), ("BPBD", "BPBD"),
    ("Dinas Perumahan, Kawasan Permukiman dan Lingkungan Hidup", "DISPERKIMLH"), ("PUPR", "PUPRP"),
    ("Dinas Luar Angkasa", None),
])
def test_opd(teks: str, kode: str | None):
    assert cari_opd(teks).kode == kode


@pytest.mark.parametrize(("teks", "kode"), [
    ("1", 1), (4.0, 4), ("Pilar 2", 2), ("Kantong kemiskinan", 2), ("Pengurangan beban pengeluaran masyarakat", 4),
    ("5", None), ("lain", None),
])
def test_pilar(teks: object, kode: int | None):
    assert cari_pilar(teks)[0] == kode
