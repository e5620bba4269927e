"""Every file of tests/data/upload through the whole engine: verdict, the first message's row and column, and
for a refusal, an unchanged store (hash of every table)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from tests.conftest import table_hashes
from tkpk.ingest import ingest_file

CORPUS = Path(__file__).resolve().parents[1] / "data" / "upload"


# (file, kind, verdict, first message: (level, row, column, text fragment) or None)
KASUS = [
    ("baik_indikator_lebar_cp1252.csv", "indikator", "diterima", None),
    ("baik_indikator_panjang_bom_tab.csv", "indikator", "diterima", None),
    ("baik_indikator_desa_koma_lf.csv", "indikator", "diterima", ("info", 2, "Nama Desa", "Sungai Pinang Lama")),
    ("baik_indikator_nama_lama.csv", "indikator", "diterima", ("info", 2, "desa", "Tatah Pemangkih Laut")),
    ("baik_indikator_utf16.txt", "indikator", "diterima", None),
    ("baik_intervensi_judul_gabung.xlsx", "intervensi", "diterima", None),
    ("baik_intervensi_koma.csv", "intervensi", "diterima", None),
    ("baik_intervensi_peringatan.csv", "intervensi", "diterima", ("peringatan", 2, "realisasi", "melebihi pagu")),
    ("baik_bps.csv", "bps", "diterima", None),
    ("baik_bps.xlsx", "bps", "diterima", None),
    ("salah_angka_koma_ganda.csv", "intervensi", "ditolak", ("galat", 3, "pagu", '"12,5,0" bukan angka')),
    ("salah_angka_ambigu.csv", "indikator", "ditolak", ("galat", 2, "penduduk", "ambigu")),
    ("salah_nik_kolom.csv", "indikator", "ditolak", ("galat", None, "NIK", "DTSEN/P3KE")),
    ("salah_nik_nilai.xlsx", "indikator", "ditolak", ("galat", 3, "keterangan", "16 digit")),
    ("salah_wilayah_tak_dikenal.csv", "indikator", "ditolak", ("galat", 2, "kecamatan", "Martapura (63.03.05)")),
    ("salah_wilayah_ambigu.csv", "indikator", "ditolak", ("galat", 2, "nama_wilayah", "ambigu")),
    ("salah_opd_tak_dikenal.csv", "intervensi", "ditolak", ("galat", 2, "opd", "bukan OPD")),
    ("salah_opd_pilar.csv", "intervensi", "ditolak", ("galat", 2, "pilar", "termasuk pilar 4")),
    ("salah_tahun.csv", "indikator", "ditolak", ("galat", 3, "tahun", "di luar rentang")),
    ("salah_miskin_lebih.csv", "indikator", "ditolak", ("galat", 2, "penduduk_miskin", "lebih besar dari penduduk")),
    ("salah_duplikat.csv", "indikator", "ditolak", ("galat", 3, None, "sudah ada di baris 2")),
    ("salah_kolom_wajib.csv", "intervensi", "ditolak", ("galat", None, "opd", "tidak ada")),
    ("salah_p0.csv", "bps", "ditolak", ("galat", 2, "p0", "di atas batas 100")),
    ("salah_triwulan.csv", "intervensi", "ditolak", ("galat", 2, "triwulan", "di atas batas 4")),
    ("salah_negatif.csv", "intervensi", "ditolak", ("galat", 2, "pagu", "tidak boleh negatif")),
    ("salah_turunan.csv", "indikator", "ditolak", ("galat", None, "persen_miskin", "turunan")),
    ("salah_kode_nama.csv", "indikator", "ditolak", ("galat", 2, "nama_wilayah", "tidak cocok dengan kode")),
    ("salah_kolom_lebih.csv", "indikator", "ditolak", ("galat", 2, None, "tanpa tanda kutip")),
    ("salah_kosong.csv", "indikator", "ditolak", ("galat", None, None, "kosong")),
    ("salah_hanya_judul.csv", "indikator", "ditolak", ("galat", None, None, "tanpa baris data")),
    ("salah_bukan_xlsx.xlsx", "indikator", "ditolak", ("galat", None, None, "bukan berkas Excel")),
    ("salah_xls_lama.xls", "indikator", "ditolak", ("galat", None, None, ".xls")),
    ("salah_biner.csv", "indikator", "ditolak", ("galat", None, None, "biner")),
    ("salah_tanpa_judul.csv", "indikator", "ditolak", ("galat", None, None, "Judul kolom")),
    ("salah_bom_zip.xlsx", "indikator", "ditolak", ("galat", None, None, "zip bomb")),
    # issue 13: every case of "What is wrong today" that one file shows (sequences: test_kasus_13.py)
    ("baik_bps_tabel_ribu_jiwa.csv", "bps", "diterima", ("info", None, None, "catatan di bawah tabel")),
    ("salah_realisasi_persen.csv", "intervensi", "ditolak", ("galat", None, "Realisasi (%)", "tidak dikonversi")),
    ("baik_pagu_juta.csv", "intervensi", "diterima", ("info", None, "Pagu (juta rupiah)", "dikali 1.000.000")),
    ("salah_persen_di_jumlah.csv", "indikator", "ditolak", ("galat", 2, "kk", "adalah persentase")),
    ("salah_miskin_lebih_dari_tersimpan.csv", "indikator", "ditolak",
     ("galat", 2, "penduduk_miskin", "lebih besar dari penduduk tersimpan 28.363")),
    ("salah_desil_lebih.csv", "indikator", "ditolak", ("galat", 2, "kk_desil_1", "lebih besar dari kk_desil_1_4")),
    ("salah_kk_lebih_dari_penduduk.csv", "indikator", "ditolak", ("galat", 2, "kk", "lebih besar dari penduduk")),
    ("salah_kode_kecamatan_beda.csv", "indikator", "ditolak",
     ("galat", 2, "kecamatan", "tidak cocok dengan kode 63.03.05 (Martapura)")),
    ("salah_kode_desa_kec_lain.csv", "indikator", "ditolak",
     ("galat", 2, "kode_kec", "tidak cocok dengan kode 63.03.05.1001 (Keraton)")),
    ("baik_kode_kec_kecamatan_desa.csv", "indikator", "diterima", None),
    ("baik_nama_ganda_kecamatan.csv", "indikator", "diterima",
     ("peringatan", None, "nama_wilayah", "dibaca sebagai kecamatan Gambut (63.03.03)")),
    ("salah_pribadi_keterangan.csv", "intervensi", "ditolak", ("galat", 3, "keterangan", "NIK")),
    ("salah_kolom_nama_alamat.csv", "indikator", "ditolak", ("galat", None, "Nama", "data pribadi")),
    ("baik_nib_baris_awal.csv", "intervensi", "diterima", None),
    ("salah_semua_kosong.csv", "indikator", "ditolak", ("galat", None, None, "tidak berisi satu pun nilai")),
    ("salah_rumus_tanpa_nilai.xlsx", "indikator", "ditolak",
     ("galat", 2, "penduduk", "rumus tanpa nilai tersimpan: buka dan simpan ulang di Excel")),
    ("baik_tautan_luar.xlsx", "indikator", "diterima", ("peringatan", 2, "kk", "tautan ke berkas Excel lain")),
    ("baik_utf8_satu_baris_cp1252.csv", "indikator", "diterima", ("peringatan", None, None, "Berkas bercampur")),
]


def test_corpus_is_complete():
    files = {p.name for p in CORPUS.iterdir() if p.is_file() and p.suffix != ".py"}
    assert files == {k[0] for k in KASUS}
    assert len(files) >= 25


@pytest.mark.parametrize(("nama", "jenis", "vonis", "pertama"), KASUS, ids=[k[0] for k in KASUS])
def test_corpus_file(con: duckdb.DuckDBPyConnection, nama: str, jenis: str, vonis: str,
                     pertama: tuple[str, int | None, str | None, str] | None):
    sebelum = table_hashes(con)
    hasil = ingest_file(con, (CORPUS / nama).read_bytes(), nama, jenis, "penguji")
    teks = "\n".join(hasil.baris_teks())
    assert hasil.status == vonis, teks
    if pertama is None:
        assert hasil.pesan == [], teks
    else:
        tingkat, baris, kolom, potongan = pertama
        p = hasil.pesan[0]
        assert (p.tingkat, p.baris, p.kolom) == (tingkat, baris, kolom), teks
        assert potongan in p.teks, teks
        if baris is not None and kolom is not None and tingkat != "info":
            assert p.teks.startswith(f'Baris {baris}, kolom "{kolom}"'), p.teks
    if vonis == "ditolak":
        assert table_hashes(con) == sebelum
        assert "Traceback" not in teks
    else:
        assert hasil.batch_id is not None
        n = con.execute("SELECT jumlah_baris, oleh, nama_file, sha256 FROM batch WHERE batch_id = ?",
                        [hasil.batch_id]).fetchone()
        assert n is not None and n[0] > 0 and n[1] == "penguji" and n[2] == nama and len(n[3]) == 64


def test_values_land_as_typed(con: duckdb.DuckDBPyConnection):
    data = (CORPUS / "baik_indikator_lebar_cp1252.csv").read_bytes()
    hasil = ingest_file(con, data, "a.csv", "indikator", "penguji")
    rows = dict(con.execute(
        "SELECT indikator, nilai FROM v_nilai_tersimpan WHERE kode_wilayah = '63.03.01' AND tahun = 2025 "
        "AND batch_id = ?", [hasil.batch_id]).fetchall())
    # the file's old header "penduduk_miskin" lands under the register code it always meant
    assert rows == {"penduduk": 31250, "jiwa_desil_1_4": 1204, "kk": 9870, "kk_desil_1": 412, "rtlh": 57}
    src = con.execute("SELECT DISTINCT sumber FROM nilai_indikator WHERE batch_id = ?", [hasil.batch_id]).fetchall()
    assert src == [("Dinsos – DTSEN Triwulan I",)]
    # Sei Tabuk (no value for rtlh: empty cell is not stored)
    assert con.execute("SELECT count(*) FROM v_nilai_tersimpan WHERE kode_wilayah = '63.03.04' AND "
                       "indikator = 'rtlh' AND tahun = 2025").fetchone() == (0,)


def test_intervensi_xlsx_values(con: duckdb.DuckDBPyConnection):
    data = (CORPUS / "baik_intervensi_judul_gabung.xlsx").read_bytes()
    ingest_file(con, data, "i.xlsx", "intervensi", "penguji")
    df = con.execute("SELECT * FROM v_intervensi ORDER BY program").df()
    assert list(df["program"]) == ["Bantuan bibit", "Bantuan sosial", "Bedah rumah (RTLH)"]
    bansos = df[df["program"] == "Bantuan sosial"].iloc[0]
    assert bansos["kode_opd"] == "DINSOS" and bansos["pilar"] == 4
    assert bansos["pagu"] == 1_500_000_000 and bansos["realisasi"] == 750_000_000
    assert pd.isna(bansos["kode_wilayah"]) and pd.isna(bansos["triwulan"])
    rumah = df[df["program"] == "Bedah rumah (RTLH)"].iloc[0]
    assert rumah["kode_opd"] == "DISPERKIMLH" and rumah["kode_wilayah"] == "63.03.01"
