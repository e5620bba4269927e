"""Personal-data patterns (README, "Checks an upload passes"): what is refused, and ordinary words that are not."""

from __future__ import annotations

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tkpk.ingest.kolom import tampak_pribadi
from tkpk.ingest.pribadi import _calon_sel, jenis_temuan


@pytest.mark.parametrize(("teks", "jenis"), [
    ("6303052401800001", "NIK"), ("NIK 6303052401800001 a.n. Budi", "NIK"), ("6303 0524 0180 0001", "NIK"),
    ("630305 240180 0001", "NIK"), (6303052401800001.0, "NIK"),
    ("RT 03", "RT/RW"), ("RT.003/RW.002", "RT/RW"), ("rw 5", "RT/RW"), ("RT/RW", "RT/RW"),
    ("Jl. Sekumpul No. 12", "jalan"), ("Jln A. Yani km 5", "jalan"), ("Jalan Mawar No. 7", "jalan"),
    ("Gang Melati nomor 3", "jalan"),
    ("Bapak Ahmad Fauzi", "sapaan"), ("Ibu Siti", "sapaan"), ("Sdr. Rahmat", "sapaan"),
    ("Penerima: Hj. Siti Aminah, Desa Tambak Baru Ulu", "sapaan"), ("penerima a.n. H. Abdul Rahman", "sapaan"),
    ("HP 081234567890 (Pak Udin)", "telepon"), ("0812-3456-7890", "telepon"), ("081234567890", "telepon"),
    ("+62 812 3456 7890", "telepon"), ("BAPAK ABDUL HADI", "sapaan"), ("lahir 12-05-1980 an. Rusmini", "lahir"),
    ("tgl lahir 3 Mei 1975", "lahir"), ("an. Rusmini", "a.n."), ("a.n. ABDUL", "a.n."),
    ("Penerima: Rusmini", "penerima"),
    ("Pak Udin", "sapaan"), ("dibantu Bu Salmah", "sapaan"), ("HJ. SITI", "sapaan"),
    # the review of issue 17's third pass: the way people type them
    ("Penerima Jl.A.Yani No.5", "jalan"), ("JL.A.YANI KM.5 NO.12", "jalan"), ("Transfer a/n Budi Santoso", "a.n."),
    ("A/N BUDI", "a.n."), ("TTL Martapura, 12-05-1980", "lahir"), ("Penerima lahir 1980-05-12", "lahir"),
    ("HP 0812\u00a03456\u00a07890", "telepon"), ("H.Ahmad Fauzi", "sapaan"), ("Hj.Siti Aminah", "sapaan"),
    ("Bpk.Ahmad", "sapaan"), ("Ny.Siti", "sapaan"), ("NIK 6303\u00a00524\u00a00180\u00a00001", "NIK"),
    ("Alamat RT\u201903", "RT/RW"), ("atas\u00a0nama Budi", "a.n."),
])
def test_personal_data_in_a_cell(teks: object, jenis: str):
    hasil = jenis_temuan(teks)  # type: ignore[arg-type]
    kata = {"NIK": "16 digit", "RT/RW": "RT/RW", "jalan": "jalan", "sapaan": "sapaan", "telepon": "telepon",
            "lahir": "lahir", "a.n.": "a.n.", "penerima": "penerima"}[jenis]
    assert hasil is not None and kata in hasil


@pytest.mark.parametrize("teks", [
    "Nomor Induk Berusaha (NIB) gratis", "alamat lokasi kegiatan di kantor desa", "Peningkatan jalan desa 2 km",
    "PMT Ibu Hamil dan Balita", "Pemindahan Ibu Kota", "RTLH 12 unit", "63.03.05.2001", "Rp1.250.000.000.000",
    "123456789012345", "12345678901234567", "Kegiatan uji 123456", "Bantuan ibu menyusui", 1.25e9,
    "Program Bapak Angkat Stunting", "BAPAK ASUH ANAK STUNTING", "Pakan ternak dan Paket sembako", "Pak Tani Sejahtera",
    "PAK Guru sekolah dasar", "Jl. H. Abdul Gani, pemasangan lampu", "Desa Tambak Baru Ulu", "tahun 2024",
    "Rp 9.000.000", "9000000", "0", "0812", "dibayar 08-05-2024", "Penerima: 25 KK", "Penerima: Kelompok Tani Maju",
    "IBU HAMIL KEK", "Ibu Kota Nusantara", "Kunjungan Pak Camat", "kegiatan. Dilaksanakan di Martapura",
    "Bantuan kelahiran 2 bayi", "lahir 2024: 12 bayi", "HP", "Sosialisasi a.n. Kelompok Tani", "PMT Ibu KEK",
    "Surat a.n. Kepala Dinas", "kegiatan an. Dinas Sosial", "Ibu PKK Desa", "Tahun 2018 pagu 10.080",
    "Pemindahan ibu Kota", "sebagai tuan rumah", "bantuan ibu hamil", "Rp 628.123.456.789", "tahun 2024-2025",
    "Penerima PKH", "Penerima Bantuan Iuran", "TTL (tempat tanggal lahir) tidak dicatat",
    # the second review of issue 17's third pass: ordinary OPD text its rules refused
    "628500000.00", "62850000000,00", "Pembinaan ibu-ibu Dharma Wanita", "Sosialisasi kepada bapak/ibu ASN",
    "Kunjungan Bapak Gubernur", "Tindak lanjut temuan BPK RI", "Peringatan Hari Ibu Tingkat Kabupaten",
    "Penurunan Angka Kematian Ibu Melahirkan", "Kelompok Bapak Peduli Stunting", "a/n Sekretaris Daerah",
    "SP2D a/n Bendahara", "Hibah a/n Masjid Al Karomah", "Transfer ke rekening a/n Pokmas Harapan",
    "Peningkatan Jl.Desa Sungai Tabuk 2 km", "Rehab Jln.Usaha Tani 1,5 km", "Jl. H.Abdul Gani, pemasangan lampu",
])
def test_ordinary_text_is_not_personal_data(teks: object):
    assert jenis_temuan(teks) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(("judul", "pribadi"), [
    ("Nama", True), ("Nama Penerima", True), ("Nama KK", True), ("Jalan", True), ("RT/RW", True), ("RT", True),
    ("Alamat Lengkap", True), ("Alamat Lokasi Kegiatan", False), ("Nama Kecamatan", False), ("Nama Program", False),
    ("Nomor Induk Berusaha (NIB) gratis", False), ("Jumlah RT", False),
    ("Nama KPM", True), ("Nama Mustahik", True), ("Nama Penerima Manfaat", True), ("Nama Anggota", True),
    ("No HP", True), ("Telepon", True), ("Tanggal Lahir", True), ("Nama Kegiatan", False), ("Nama OPD", False),
    ("Jumlah KPM", False), ("Jumlah Mustahik", False),
    ("Tempat/Tgl Lahir", True), ("No. Rekening Belanja", False), ("Kode Rekening", False),
])
def test_personal_headers(judul: str, pribadi: bool):
    assert tampak_pribadi(judul) is pribadi


@pytest.mark.parametrize("teks", ["Sungai Tuan Ulu", "Desa Sungai Tuan Ilir, Kec. Astambul", "BANUA ANYAR SUNGAI TUAN"])
def test_a_real_place_name_with_an_honorific_word_is_not_a_person(teks: str):
    """Second review of issue 18, finding 15: the desa "Sungai Tuan Ulu" and "Sungai Tuan Ilir" (Astambul) were
    read as "Tuan <name>", so the bundled sample file itself could not be uploaded again."""
    assert jenis_temuan(teks) is None


def test_an_honorific_beside_a_place_name_is_still_a_person():
    assert jenis_temuan("Tuan Abdul Hadi, Sungai Tuan Ulu") is not None


# Pieces of real cells (honorifics, names, address parts, numbers) and the characters that sit between them in
# office files: Unicode spaces (Excel's no-break space), quotes, punctuation, letters outside ASCII.
POTONGAN = ["a.n", "a.n.", "an.", "a. n.", "A.N", "atas nama", "Penerima", ":", " : ", "Bapak", "Bpk", "Ibu", "Pak",
            "Bu", "H.", "Hj", "Hj.", "HJ.", "Tuan", "Ny.", "Sdri", "Budi", "Siti", "ABDUL", "rusmini", "Jl.", "Jln",
            "Jalan", "Gang", "No.", "nomor", "RT", "RW", "rt.", "/", "03", "3", "12", "0812", "345678", "+62", "62",
            "8", "081234567890", "6303052401800001", "6303", "0524", "-", ".", ",", " ", " ", "lahir", "lhr", "tgl",
            "Mei", "1980", "12-05-1980", "Kegiatan", "x", "(", ")", "'", "`", "\t", "\n", "Sungai Tuan Ulu", "di",
            "\u00a0", "\u2009", "\u3000", "\x0b", "é", "Ñ", "a/n", "A / N", "ttl", "TTL", "1980-05-12", "\u2019",
            "\u2018", "bapak", "tuan", "Jl.A.Yani", "6281234567890", "WA", "Kota", "Hamil", "atas\u00a0nama"]


@settings(max_examples=3_000, deadline=None)
@given(st.lists(st.sampled_from(POTONGAN), min_size=1, max_size=8).map("".join))
def test_the_column_prefilter_keeps_every_cell_jenis_temuan_flags(teks: str):
    """The RE2 pass over a whole column (:func:`pribadi._calon_sel`) decides which cells Python reads at all, so a
    cell it drops is personal data stored. It let "a.n Budi", "Bapak<no-break space>Ahmad" and "RT'03" through."""
    if jenis_temuan(teks) is not None:
        assert _calon_sel(pa.array([teks]))[0]


def test_numbers_inside_words_are_not_phone_candidates():
    """"Kegiatan uji 1080" holds "080" but no phone number starts after a digit: 28.800 such cells in the
    million-row bench file were read one by one in Python."""
    assert not _calon_sel(pa.array(["Kegiatan uji 1080", "Paket 2081"])).any()
    assert _calon_sel(pa.array(["HP 081234567890", "x+6281234567890"])).all()


def test_a_large_column_with_no_text_is_read_from_its_rows():
    """Review of issue 17's third pass: an XLSX of 50.000 rows or more failed with an internal error, since a
    column of numbers only (tahun, pagu) is all null as text and its per-value dictionary is empty."""
    from tkpk.ingest.pribadi import BARIS_KAMUS, _calon

    assert _calon(pa.array([None] * BARIS_KAMUS, pa.string())).tolist() == list(range(BARIS_KAMUS))
