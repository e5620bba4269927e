"""Header synonyms per kind, wide indicator columns and personal-data headers."""

from __future__ import annotations

import pytest

from tkpk.ingest.kolom import kunci, petakan, tampak_pribadi


@pytest.mark.parametrize(("judul", "jenis", "nama"), [
    ("Tahun Anggaran", "intervensi", "tahun"), ("TAHUN", "indikator", "tahun"),
    ("Nama Kecamatan", "indikator", "kecamatan"), ("Kode Kec", "indikator", "kode_kec"),
    ("Kode Wilayah", "intervensi", "kode_wilayah"), ("Nama Desa", "indikator", "desa"),
    ("Pagu Anggaran", "intervensi", "pagu"), ("Pagu (Rp)", "intervensi", "pagu"),
    ("Realisasi Anggaran", "intervensi", "realisasi"), ("Perangkat Daerah", "intervensi", "opd"),
    ("OPD", "intervensi", "opd"), ("Kabupaten/Kota", "bps", "kabupaten"), ("P0 (%)", "bps", "p0"),
    ("Garis Kemiskinan (Rp/kapita/bulan)", "bps", "garis_kemiskinan"), ("kode_kab", "bps", "kode_kab"),
    ("  target   output ", "intervensi", "target_output"),
])
def test_synonyms(judul: str, jenis: str, nama: str):
    assert petakan(["x", judul], jenis).kolom == {nama: 1}


def test_wide_indicators_by_code_or_name_unknown_and_duplicates():
    peta = petakan(["tahun", "Jumlah Penduduk", "kk_desil_1", "KK desil 1–4", "warna", "Penduduk"], "indikator")
    assert peta.lebar == {"penduduk": 1, "kk_desil_1": 2, "kk_desil_1_4": 3}
    assert peta.tak_dikenal == [(4, "warna")]
    assert peta.ganda == [("penduduk", ["Jumlah Penduduk", "Penduduk"])]


@pytest.mark.parametrize(("judul", "pribadi"), [
    ("NIK", True), ("No KK", True), ("Nomor Kartu Keluarga", True), ("Nama Kepala Keluarga", True),
    ("Alamat", True), ("Tanggal Lahir", True), ("Nama Desa", False), ("KK", False), ("Penerima", False),
    ("Nama Wilayah", False), ("Nikmat", False),
])
def test_personal_headers(judul: str, pribadi: bool):
    assert tampak_pribadi(judul) is pribadi


def test_key_ignores_case_space_punctuation_and_units():
    assert kunci("Nama  Kecamatan (Kec.)") == kunci("nama_kecamatan") == "namakecamatan"
