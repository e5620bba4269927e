"""Write the upload corpus: good and bad OPD files as they arrive in practice.

Run ``python tests/data/upload/make_corpus.py``; output is deterministic (fixed XLSX timestamps), so the
committed files only change when this script does. tests/integration/test_ingest_corpus.py lists what each
file must produce.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
TETAP = datetime(2026, 1, 1)


def tulis(nama: str, data: bytes) -> None:
    (HERE / nama).write_bytes(data)


def csv(baris: list[str], *, enc: str = "utf-8", eol: str = "\r\n", bom: bool = False) -> bytes:
    teks = eol.join(baris) + eol
    return (b"\xef\xbb\xbf" if bom else b"") + teks.encode(enc)


def xlsx(lembar: dict[str, list[list[object]]], judul_gabung: bool = False,
         tambal: tuple[bytes, bytes] | None = None) -> bytes:
    """A deterministic XLSX; ``tambal`` replaces bytes in the sheet XML (e.g. to give a formula a cached value,
    which openpyxl never writes)."""
    wb = Workbook()
    wb.remove(wb.active)
    for nama, rows in lembar.items():
        ws = wb.create_sheet(nama)
        for r in rows:
            ws.append(r)
        if judul_gabung:
            ws.merge_cells("A1:F1")
    wb.properties.created = TETAP
    wb.properties.modified = TETAP
    buf = io.BytesIO()
    wb.save(buf)
    # openpyxl stamps the save time into docProps/core.xml; rewrite the zip with fixed times and content
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            isi = src.read(info.filename)
            if tambal is not None and info.filename.startswith("xl/worksheets/sheet"):
                isi = isi.replace(*tambal)
            if info.filename == "docProps/core.xml":
                import re
                isi = re.sub(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>",
                             b'<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:modified>',
                             isi)
            z = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            z.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(z, isi)
    return out.getvalue()


INTERVENSI_JUDUL = ["Tahun Anggaran", "Triwulan", "Pilar", "Perangkat Daerah", "Program", "Kegiatan",
                    "Kode Wilayah", "Nama Wilayah", "Pagu (Rp)", "Realisasi Anggaran", "Satuan Output",
                    "Target Output", "Capaian Output", "Target Penerima", "Penerima", "Sumber Dana", "Keterangan"]


def main() -> None:
    # ---- good files -------------------------------------------------------------------------------------
    tulis("baik_indikator_lebar_cp1252.csv", csv([
        "Tahun;Kecamatan;Jumlah Penduduk;Penduduk Miskin;KK;KK Desil 1;RTLH;Sumber",
        "2025;Kec. Aluh-Aluh;31.250;1.204;9.870;412;57;Dinsos – DTSEN Triwulan I",
        "2025;Sei Tabuk;72.480;2.118;21.300;655;;Dinsos – DTSEN Triwulan I",
        "2025;KECAMATAN MARTAPURA;120.005;3.050;36.211;980;120;Dinsos – DTSEN Triwulan I",
    ], enc="cp1252"))
    tulis("baik_indikator_panjang_bom_tab.csv", csv([
        "tahun\tkode_wilayah\tindikator\tnilai",
        "2025\t63.03.05\tkk_desil_1_4\t4.512",
        "2025\t63.03.05.2052\tkk_desil_1_4\t210",
        "2025\t630301\tanak_tidak_sekolah\t37",
    ], bom=True))
    tulis("baik_indikator_desa_koma_lf.csv", csv([
        "Tahun,Nama Kecamatan,Nama Desa,KK,KK Desil 1",
        "2025,Sungai Tabuk,Sungai Pinang,320,41",
        "2025,Pengaron,Pengaron,410,66",
        "2025,Sungai Pinang,Sungai Pinang,280,35",
    ], eol="\n"))
    tulis("baik_indikator_nama_lama.csv", csv([
        "tahun;desa;kecamatan;rtlh",
        "2025;Pemangkih Laut;Kertak Hanyar;14",
        "2025;Mandi Kapau Barat;Karang Intan;9",
    ]))
    tulis("baik_intervensi_judul_gabung.xlsx", xlsx({"intervensi": [
        ["LAPORAN INTERVENSI PENANGGULANGAN KEMISKINAN TAHUN 2025"],
        [],
        INTERVENSI_JUDUL,
        [2025, 1, 2, "Dinas Perumahan, Kawasan Permukiman dan Lingkungan Hidup", "Bedah rumah (RTLH)",
         "Rehabilitasi rumah", "63.03.01", "Aluh Aluh", 1250000000, 300000000, "unit", 50, 12, 50, 12, "APBD", ""],
        [2025, "", "Beban pengeluaran", "Dinsos", "Bantuan sosial", "", "", "", "Rp1.500.000.000", "Rp 750.000.000",
         "KK", 300, 150, 300, 150, "APBD", "seluruh kabupaten"],
        [2025, 2, "Pilar 3", "Dinas Pertanian", "Bantuan bibit", "Bibit padi", "63.03.04", "Sungai Tabuk",
         200000000, 0, "paket", 100, 0, 100, 0, "DAK", None],
    ]}, judul_gabung=True))
    tulis("baik_intervensi_koma.csv", csv([
        "tahun,triwulan,pilar,opd,program,kegiatan,kecamatan,pagu,realisasi",
        '2025,2,4,Dinas Kesehatan,PBI JK,,Gambut,"Rp1.250.000.000","Rp 1.100.000.000,50"',
        '2025,2,3,DKUMPP,Pelatihan UMKM,Pelatihan,Martapura Timur,"Rp150.000.000",120000000',
    ]))
    tulis("baik_intervensi_peringatan.csv", csv([
        "tahun;pilar;opd;program;kode_wilayah;pagu;realisasi;target_output;capaian_output",
        "2025;2;Dishub;Angkutan desa;63.03.09;100.000.000;125.000.000;10;25",
    ]))
    tulis("baik_bps.csv", csv([
        "Tahun;Kabupaten/Kota;P0 (%);Penduduk Miskin;Garis Kemiskinan (Rp);P1;P2;Sumber",
        "2025;Kab. Banjar;2,31%;14.300;Rp612.000;0,31;0,06;BPS Kalsel 2025",
        "2025;Kota Banjarbaru;4,05;11.200;Rp720.500;0,5;0,1;BPS Kalsel 2025",
    ]))
    tulis("baik_bps.xlsx", xlsx({"Sheet1": [["tahun", "kode_kab", "p0", "penduduk_miskin", "garis_kemiskinan"]],
                                 "bps": [["tahun", "kode_kab", "p0", "penduduk_miskin", "garis_kemiskinan"],
                                         [2025, "63.03", 2.31, 14300, 612000],
                                         [2025, "63", 4.02, 198000, 650000]]}))
    tulis("baik_indikator_utf16.txt", "\ufefftahun\tkode_wilayah\tpenduduk\n2025\t63.03.07\t45.001\n"
          .encode("utf-16-le"))
    # ---- bad files: one problem each --------------------------------------------------------------------
    tulis("salah_angka_koma_ganda.csv", csv([
        "tahun;pilar;opd;program;kode_wilayah;pagu",
        "2025;2;Dishub;Angkutan desa;63.03.09;100.000.000",
        "2025;2;Dishub;Jalan desa;63.03.09;12,5,0",
    ]))
    tulis("salah_angka_ambigu.csv", csv(["tahun,kode_wilayah,penduduk", "2025,63.03.01,1.234"]))
    tulis("salah_nik_kolom.csv", csv([
        "NIK;Nama Kepala Keluarga;Alamat;Desa;Desil",
        "6303011234567890;BUDI;RT 01;Bakambat;1",
    ]))
    tulis("salah_nik_nilai.xlsx", xlsx({"indikator": [
        ["tahun", "kode_wilayah", "kk", "keterangan"],
        [2025, "63.03.01", 120, ""],
        [2025, "63.03.02", 130, "6303012345678901"],
    ]}))
    tulis("salah_wilayah_tak_dikenal.csv", csv(["tahun;kecamatan;penduduk", "2025;Martapur;1000"]))
    tulis("salah_wilayah_ambigu.csv", csv(["tahun;nama_wilayah;penduduk", "2025;Pengaron;1000"]))
    tulis("salah_opd_tak_dikenal.csv", csv(["tahun;pilar;opd;program", "2025;1;Dinas Pariwisata Luar Angkasa;X"]))
    tulis("salah_opd_pilar.csv", csv(["tahun;pilar;opd;program", "2025;2;Dinsos;Bantuan sosial"]))
    tulis("salah_tahun.csv", csv(["tahun;kode_wilayah;penduduk", "2025;63.03.01;100", "1999;63.03.01;100"]))
    tulis("salah_miskin_lebih.csv", csv(["tahun;kode_wilayah;penduduk;penduduk_miskin", "2025;63.03.01;100;150"]))
    tulis("salah_duplikat.csv", csv(["tahun;kode_wilayah;kk", "2025;63.03.01;100", "2025;630301;101"]))
    tulis("salah_kolom_wajib.csv", csv(["tahun;pilar;program;pagu", "2025;1;X;100"]))
    tulis("salah_p0.csv", csv(["tahun;kode_kab;p0", "2025;63.03;150"]))
    tulis("salah_triwulan.csv", csv(["tahun;triwulan;pilar;opd;program", "2025;5;4;BPBD;Logistik bencana"]))
    tulis("salah_negatif.csv", csv(["tahun;pilar;opd;program;pagu", "2025;4;BPBD;Logistik;-5.000.000"]))
    tulis("salah_turunan.csv", csv(["tahun;kode_wilayah;penduduk;persen_miskin", "2025;63.03.01;100;2,5"]))
    tulis("salah_kode_nama.csv", csv(["tahun;kode_wilayah;nama_wilayah;kk", "2025;63.03.01;Gambut;10"]))
    tulis("salah_kolom_lebih.csv", csv(["tahun,kode_wilayah,penduduk", "2025,63.03.01,12,5"]))
    tulis("salah_kosong.csv", b"")
    tulis("salah_hanya_judul.csv", csv(["tahun;kode_wilayah;penduduk"]))
    tulis("salah_bukan_xlsx.xlsx", b"tahun;kode_wilayah\n2025;63.03.01\n")
    tulis("salah_xls_lama.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    tulis("salah_biner.csv", bytes(range(256)) * 4)
    tulis("salah_tanpa_judul.csv", csv(["a;b;c", "1;2;3"]))
    kasus_13()
    bom = io.BytesIO()
    with zipfile.ZipFile(bom, "w", zipfile.ZIP_DEFLATED) as zf:
        zi = zipfile.ZipInfo("xl/worksheets/sheet1.xml", date_time=(2026, 1, 1, 0, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(zi, b"\x00" * (50 * 1024 * 1024))
    tulis("salah_bom_zip.xlsx", bom.getvalue())


def kasus_13() -> None:
    """Issue 13: every case of "What is wrong today" as a file (single files here; two-file sequences such as the
    rollback cases live in kasus/ and are played by tests/integration/test_kasus_13.py)."""
    (HERE / "kasus").mkdir(exist_ok=True)
    # 3. BPS's own table: title, merged indicator headers with units, one column per year, a footnote. Figures are
    # the bundled real ones (data/kalsel_kemiskinan.csv), rounded as BPS prints thousands (14,461 -> 14,46).
    tulis("baik_bps_tabel_ribu_jiwa.csv", csv([
        "Jumlah Penduduk Miskin (Ribu Jiwa) dan Persentase Penduduk Miskin Menurut Kabupaten/Kota di Provinsi "
        "Kalimantan Selatan;;;;",
        "Kabupaten/Kota;Jumlah Penduduk Miskin (Ribu Jiwa);;Persentase Penduduk Miskin (%);",
        ";2023;2024;2023;2024",
        "Banjar;;14,46;2,44;2,36",
        "Kota Banjarbaru;;11,07;;3,79",
        "Kalimantan Selatan;188,93;183,31;;4,11",
        "Sumber: BPS Provinsi Kalimantan Selatan, Susenas Maret (berkas uji, angka dari data/kalsel_kemiskinan.csv)"
        ";;;;",
    ]))
    tulis("salah_realisasi_persen.csv", csv([
        "tahun;pilar;opd;program;pagu;Realisasi (%)", "2025;4;BPBD;Logistik bencana;100.000.000;85"]))
    tulis("baik_pagu_juta.csv", csv([
        "tahun;pilar;opd;program;Pagu (juta rupiah);Realisasi (juta rupiah)",
        "2025;4;BPBD;Logistik bencana;1.250;1.100,5"]))
    tulis("salah_persen_di_jumlah.csv", csv(["tahun;kode_wilayah;penduduk;kk", "2025;63.03.01;10.000;12%"]))
    # 4. plausibility against the store: Aluh Aluh's stored (real) population in 2020 is 28.363
    tulis("salah_miskin_lebih_dari_tersimpan.csv", csv(["tahun;kode_wilayah;penduduk_miskin", "2020;63.03.01;48.400"]))
    tulis("salah_desil_lebih.csv", csv(["tahun;kode_wilayah;kk;kk_desil_1;kk_desil_1_4",
                                        "2025;63.03.01;9.000;700;600"]))
    tulis("salah_kk_lebih_dari_penduduk.csv", csv(["tahun;kode_wilayah;penduduk;kk", "2025;63.03.01;1.000;1.500"]))
    # 5. places
    tulis("salah_kode_kecamatan_beda.csv", csv(["tahun;kode_wilayah;kecamatan;kk", "2025;63.03.05;Aluh Aluh;10"]))
    tulis("salah_kode_desa_kec_lain.csv", csv(["tahun;kode_wilayah;kode_kec;kk", "2025;63.03.05.1001;63.03.01;10"]))
    tulis("baik_kode_kec_kecamatan_desa.csv", csv([
        "Kode Kecamatan;Kecamatan;Desa;tahun;kk", "63.03.05;Martapura;Keraton;2025;410",
        "63.03.05;Martapura;Jawa;2025;380"]))
    tulis("baik_nama_ganda_kecamatan.csv", csv([
        "tahun;nama_wilayah;kk", "2025;Aluh Aluh;9.870", "2025;Gambut;12.400", "2025;Martapura;36.211"]))
    # 6. personal data: a keterangan with a name, a NIK and an address; columns of names and addresses; NIB is fine
    tulis("salah_pribadi_keterangan.csv", csv([
        "tahun;pilar;opd;program;pagu;keterangan", "2025;4;Dinsos;Bantuan sosial;1.000.000;",
        "2025;4;Dinsos;Bantuan pangan;2.000.000;Bapak Ahmad Fauzi 6303052401800001 Jl. Sekumpul No. 12 RT 03"]))
    tulis("salah_kolom_nama_alamat.csv", csv([
        "tahun;kode_wilayah;kk;Nama;Jalan;RT/RW", "2025;63.03.01;1;Budi;Jl. Sekumpul;003/002"]))
    tulis("baik_nib_baris_awal.csv", csv([
        "tahun;pilar;opd;program;kegiatan;pagu", "2025;2;DPMPTSP;Nomor Induk Berusaha (NIB) gratis;"
        "Pendampingan di alamat lokasi kegiatan;50.000.000", "2025;2;Dishub;Peningkatan jalan desa 2 km;;75.000.000"]))
    # 7. nothing to store
    tulis("salah_semua_kosong.csv", csv(["tahun;kode_wilayah;penduduk;kk", "2025;63.03.01;;", "2025;63.03.02;;"]))
    tulis("salah_rumus_tanpa_nilai.xlsx", xlsx({"indikator": [
        ["tahun", "kode_wilayah", "penduduk", "kk"], [2025, "63.03.01", "=1000*31", "=C2/3"]]}))
    tulis("baik_tautan_luar.xlsx", xlsx({"indikator": [
        ["tahun", "kode_wilayah", "penduduk", "kk"], [2025, "63.03.01", 31000, "=[1]Sheet1!A1"]]},
        tambal=(b"<f>[1]Sheet1!A1</f><v />", b"<f>[1]Sheet1!A1</f><v>9870</v>")))
    # 8. one Windows-1252 byte in a UTF-8 file
    tulis("baik_utf8_satu_baris_cp1252.csv",
          "tahun;kode_wilayah;kk;sumber\r\n2025;63.03.01;10;Dinsos – DTSEN\r\n".encode()
          + "2025;63.03.02;20;Dinsos – DTSEN\r\n".encode("cp1252"))
    # sequences (tests/integration/test_kasus_13.py)
    kasus = HERE / "kasus"
    (kasus / "bps_p0_9_99.csv").write_bytes(csv(["tahun;kode_kab;p0;p1", "2024;63.03;9,99;"]))
    (kasus / "bps_p1_tanpa_p0.csv").write_bytes(csv(["tahun;kode_kab;p0;p1", "2024;63.03;;0,5"]))
    (kasus / "rtlh_a.csv").write_bytes(csv(["tahun;kode_wilayah;rtlh", "2025;63.03.05;1000"]))
    (kasus / "rtlh_b.csv").write_bytes(csv(["tahun;kode_wilayah;rtlh;kk_desil_1", "2025;63.03.05;1000;750"]))
    (kasus / "zakat_a.csv").write_bytes(csv(["tahun;pilar;opd;program;pagu",
                                            "2025;1;Baznas;Zakat produktif;500.000.000"]))
    (kasus / "zakat_b.csv").write_bytes(csv(["tahun;pilar;opd;program;pagu;realisasi",
                                            "2025;1;Baznas;Zakat Produktif;500.000.000;250.000.000"]))
    (kasus / "zakat_mirip.csv").write_bytes(csv(["tahun;pilar;opd;program;pagu",
                                                "2025;1;Baznas;Zakat Produktif UMKM;100.000.000"]))


if __name__ == "__main__":
    main()
