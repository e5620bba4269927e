"""Personal-data patterns (README, "Checks an upload passes"): what is refused, and ordinary words that are not."""

from __future__ import annotations

import pytest

from tkpk.ingest.kolom import tampak_pribadi
from tkpk.ingest.pribadi import jenis_temuan


@pytest.mark.parametrize(("teks", "jenis"), [
    ("6303052401800001", "NIK"), ("NIK 6303052401800001 a.n. Budi", "NIK"), ("6303 0524 0180 0001", "NIK"),
    ("630305 240180 0001", "NIK"), (6303052401800001.0, "NIK"),
    ("RT 03", "RT/RW"), ("RT.003/RW.002", "RT/RW"), ("rw 5", "RT/RW"), ("RT/RW", "RT/RW"),
    ("Jl. Sekumpul No. 12", "jalan"), ("Jln A. Yani km 5", "jalan"), ("Jalan Mawar No. 7", "jalan"),
    ("Gang Melati nomor 3", "jalan"),
    ("Bapak Ahmad Fauzi", "sapaan"), ("Ibu Siti", "sapaan"), ("Sdr. Rahmat", "sapaan"),
])
def test_personal_data_in_a_cell(teks: object, jenis: str):
    hasil = jenis_temuan(teks)  # type: ignore[arg-type]
    assert hasil is not None and {"NIK": "16 digit", "RT/RW": "RT/RW", "jalan": "jalan", "sapaan": "sapaan"}[jenis] \
        in hasil


@pytest.mark.parametrize("teks", [
    "Nomor Induk Berusaha (NIB) gratis", "alamat lokasi kegiatan di kantor desa", "Peningkatan jalan desa 2 km",
    "PMT Ibu Hamil dan Balita", "Pemindahan Ibu Kota", "RTLH 12 unit", "63.03.05.2001", "Rp1.250.000.000.000",
    "123456789012345", "12345678901234567", "Kegiatan uji 123456", "Bantuan ibu menyusui", 1.25e9,
])
def test_ordinary_text_is_not_personal_data(teks: object):
    assert jenis_temuan(teks) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(("judul", "pribadi"), [
    ("Nama", True), ("Nama Penerima", True), ("Nama KK", True), ("Jalan", True), ("RT/RW", True), ("RT", True),
    ("Alamat Lengkap", True), ("Alamat Lokasi Kegiatan", False), ("Nama Kecamatan", False), ("Nama Program", False),
    ("Nomor Induk Berusaha (NIB) gratis", False), ("Jumlah RT", False),
])
def test_personal_headers(judul: str, pribadi: bool):
    assert tampak_pribadi(judul) is pribadi
