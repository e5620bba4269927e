"""Reference lists the dashboard is built around: the indicator catalogue, the four pillars and the OPDs.

They are written here (and loaded into the store by ``tkpk init``) because they come from the TKPK's own
framing (rakor Desember 2024) rather than from a data file.
"""

from __future__ import annotations

from dataclasses import dataclass

SUMBER_REGISTER = "Register sosial (DTSEN/P3KE) per wilayah"

# What kind of source a figure comes from (column ``jenis_sumber`` of the value tables). The UI says "BPS" only for
# ``bps``; figures of the other kinds carry a visible marker and, where their row has one, the conflict note.
JENIS_SUMBER: dict[str, str] = {
    "bps": "BPS (tabel atau rilis BPS)",
    "media_bps": "Media yang mengutip BPS",
    "kutipan_pejabat": "Dikutip pejabat (tidak langsung dari BPS)",
    "dokumen_resmi": "Dokumen perencanaan atau regulasi (RPJMD, RKPD, Inpres)",
    "register": "Register kesejahteraan sosial (DTKS/DTSEN/P3KE/SIKS-NG, Satu Data)",
    "instansi": "Data instansi lain (mis. IDM dari Dinas PMD)",
    "unggahan": "Berkas unggahan analis",
    "contoh": "DATA CONTOH (sintetis)",
    "turunan": "Turunan dari beberapa sumber",
}


@dataclass(frozen=True)
class Indikator:
    kode: str
    nama: str
    satuan: str
    lebih_tinggi_lebih_buruk: bool
    deskripsi: str
    sumber_baku: str
    pembilang: str | None = None
    penyebut: str | None = None
    tingkat: str = "desa"

    @property
    def turunan(self) -> bool:
        return self.pembilang is not None


INDIKATOR: tuple[Indikator, ...] = (
    Indikator("penduduk", "Jumlah penduduk", "jiwa", False,
              "Penduduk wilayah pada tahun itu.", "Disdukcapil / BPS"),
    Indikator("penduduk_miskin", "Penduduk miskin", "jiwa", True,
              "Perkiraan penduduk di bawah garis kemiskinan. Di bawah tingkat kabupaten tidak ada angka BPS; "
              "angka kecamatan/desa adalah proksi dari data sasaran, bukan angka resmi BPS.", SUMBER_REGISTER),
    Indikator("kk", "Jumlah keluarga (KK)", "KK", False,
              "Kartu keluarga terdaftar.", "Disdukcapil"),
    Indikator("kk_desil_1", "KK desil 1", "KK", True,
              "Keluarga pada desil 1 DTSEN (10% termiskin secara nasional).", "DTSEN"),
    Indikator("kk_desil_1_4", "KK desil 1–4", "KK", True,
              "Keluarga pada desil 1 sampai 4 DTSEN (sasaran umum bantuan sosial).", "DTSEN"),
    Indikator("rtlh", "Rumah tidak layak huni (RTLH)", "unit", True,
              "Rumah yang belum memenuhi syarat layak huni.", "e-RTLH DisperkimLH"),
    Indikator("kk_tanpa_air_layak", "KK tanpa air minum layak", "KK", True,
              "Keluarga tanpa akses air minum layak.", SUMBER_REGISTER),
    Indikator("kk_tanpa_sanitasi_layak", "KK tanpa sanitasi layak", "KK", True,
              "Keluarga tanpa akses sanitasi layak.", SUMBER_REGISTER),
    Indikator("anak_tidak_sekolah", "Anak tidak sekolah", "jiwa", True,
              "Anak usia 7–18 tahun yang tidak bersekolah.", "Dapodik / Dinas Pendidikan"),
    # Derived shares: computed in SQL from the counts above, never stored twice.
    Indikator("persen_miskin", "Persentase penduduk miskin", "%", True,
              "penduduk_miskin / penduduk × 100. Proksi dari data sasaran, bukan P0 BPS.", "turunan",
              "penduduk_miskin", "penduduk"),
    Indikator("persen_kk_desil_1", "Persentase KK desil 1", "%", True,
              "kk_desil_1 / kk × 100.", "turunan", "kk_desil_1", "kk"),
    Indikator("persen_kk_desil_1_4", "Persentase KK desil 1–4", "%", True,
              "kk_desil_1_4 / kk × 100.", "turunan", "kk_desil_1_4", "kk"),
    Indikator("persen_rtlh", "RTLH per 100 KK", "%", True,
              "rtlh / kk × 100.", "turunan", "rtlh", "kk"),
    Indikator("persen_tanpa_air_layak", "Persentase KK tanpa air minum layak", "%", True,
              "kk_tanpa_air_layak / kk × 100.", "turunan", "kk_tanpa_air_layak", "kk"),
    Indikator("persen_tanpa_sanitasi_layak", "Persentase KK tanpa sanitasi layak", "%", True,
              "kk_tanpa_sanitasi_layak / kk × 100.", "turunan", "kk_tanpa_sanitasi_layak", "kk"),
)

INDIKATOR_BY_KODE = {i.kode: i for i in INDIKATOR}
INDIKATOR_TERSIMPAN = tuple(i.kode for i in INDIKATOR if not i.turunan)


@dataclass(frozen=True)
class IndikatorBps:
    kode: str
    nama: str
    satuan: str
    lebih_tinggi_lebih_buruk: bool


# Columns of ``kemiskinan_kabupaten``, as BPS names them.
INDIKATOR_BPS: tuple[IndikatorBps, ...] = (
    IndikatorBps("p0", "Persentase penduduk miskin (P0)", "%", True),
    IndikatorBps("penduduk_miskin", "Jumlah penduduk miskin", "jiwa", True),
    IndikatorBps("garis_kemiskinan", "Garis kemiskinan", "Rp/kapita/bulan", False),
    IndikatorBps("p1", "Indeks kedalaman kemiskinan (P1)", "indeks", True),
    IndikatorBps("p2", "Indeks keparahan kemiskinan (P2)", "indeks", True),
)
INDIKATOR_BPS_BY_KODE = {i.kode: i for i in INDIKATOR_BPS}


@dataclass(frozen=True)
class Pilar:
    kode: int
    nama: str
    nama_singkat: str


PILAR: tuple[Pilar, ...] = (
    Pilar(1, "Peningkatan kemitraan dan kerja sama", "Kemitraan"),
    Pilar(2, "Penurunan jumlah kantong kemiskinan", "Kantong kemiskinan"),
    Pilar(3, "Peningkatan pendapatan dan pemberdayaan masyarakat", "Pendapatan & pemberdayaan"),
    Pilar(4, "Pengurangan beban pengeluaran masyarakat", "Beban pengeluaran"),
)


@dataclass(frozen=True)
class Opd:
    kode: str
    nama_singkat: str
    nama_lengkap: str
    pilar: int


OPD: tuple[Opd, ...] = (
    Opd("BAZNAS", "Baznas", "Badan Amil Zakat Nasional Kabupaten Banjar", 1),
    Opd("FORUM_CSR", "Forum CSR", "Forum Tanggung Jawab Sosial Perusahaan (CSR) Kabupaten Banjar", 1),
    Opd("PEM_KEC", "Pemerintah Kecamatan", "Pemerintah Kecamatan se-Kabupaten Banjar", 1),
    Opd("PEM_DESA", "Pemerintah Desa", "Pemerintah Desa se-Kabupaten Banjar", 1),
    Opd("PUPRP", "Dinas PUPRP", "Dinas Pekerjaan Umum, Penataan Ruang dan Pertanahan", 2),
    Opd("DISPERKIMLH", "DisperkimLH", "Dinas Perumahan, Kawasan Permukiman dan Lingkungan Hidup", 2),
    Opd("DISHUB", "Dishub", "Dinas Perhubungan", 2),
    Opd("DISDUKCAPIL", "Disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", 2),
    Opd("DPMPTSP", "DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", 2),
    Opd("DISNAKERTRANS", "Disnakertrans", "Dinas Tenaga Kerja dan Transmigrasi", 3),
    Opd("DISBUDPORAPAR", "Disbudporapar", "Dinas Kebudayaan, Kepemudaan, Olahraga dan Pariwisata", 3),
    Opd("DKUMPP", "DKUMPP", "Dinas Koperasi, Usaha Mikro, Perindustrian dan Perdagangan", 3),
    Opd("DISTAN", "Dinas Pertanian", "Dinas Pertanian", 3),
    Opd("DKPP", "DKPP", "Dinas Ketahanan Pangan dan Perikanan", 3),
    Opd("DPMD", "DPMD", "Dinas Pemberdayaan Masyarakat dan Desa", 3),
    Opd("DINSOS", "Dinas Sosial P3AP2KB", "Dinas Sosial, Pemberdayaan Perempuan, Perlindungan Anak, "
        "Pengendalian Penduduk dan Keluarga Berencana", 4),
    Opd("DISDIK", "Dinas Pendidikan", "Dinas Pendidikan", 4),
    Opd("DINKES", "Dinas Kesehatan", "Dinas Kesehatan", 4),
    Opd("BPBD", "BPBD", "Badan Penanggulangan Bencana Daerah", 4),
)
OPD_BY_KODE = {o.kode: o for o in OPD}
