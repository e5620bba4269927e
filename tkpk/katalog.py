"""Reference lists the dashboard is built around: the indicator catalogue, the four pillars and the OPDs.

They are written here (and loaded into the store by ``tkpk init``) because they come from the TKPK's own
framing (rakor Desember 2024) rather than from a data file.
"""

from __future__ import annotations

from dataclasses import dataclass

SUMBER_REGISTER = "Register sosial (DTSEN/P3KE) per wilayah"
SUMBER_DTSEN = "Register DTSEN (desil kesejahteraan) per wilayah"

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


# The two map levels and the place kinds each one shows.
TINGKAT: dict[str, tuple[str, ...]] = {"kecamatan": ("kecamatan",), "desa": ("desa", "kelurahan")}

INDIKATOR: tuple[Indikator, ...] = (
    Indikator("penduduk", "Jumlah penduduk", "jiwa", False,
              "Penduduk wilayah pada tahun itu.", "Disdukcapil / BPS"),
    Indikator("jiwa_desil_1_4", "Penduduk desil 1–4 (DTSEN)", "jiwa", True,
              "Jiwa dalam keluarga desil 1–4 register DTSEN (sasaran umum bantuan sosial). Register untuk "
              "penargetan, bukan angka kemiskinan BPS: di Banjar sekitar sebelas kali jumlah penduduk miskin BPS.",
              SUMBER_DTSEN),
    Indikator("jiwa_desil_1", "Penduduk desil 1 (DTSEN)", "jiwa", True,
              "Jiwa dalam keluarga desil 1 register DTSEN (10% termiskin secara nasional). Register, bukan BPS.",
              SUMBER_DTSEN),
    Indikator("kk", "Jumlah keluarga (KK)", "KK", False,
              "Kartu keluarga terdaftar.", "Disdukcapil"),
    Indikator("kk_desil_1", "KK desil 1 (DTSEN)", "KK", True,
              "Keluarga pada desil 1 DTSEN (10% termiskin secara nasional).", SUMBER_DTSEN),
    Indikator("kk_desil_1_4", "KK desil 1–4 (DTSEN)", "KK", True,
              "Keluarga pada desil 1 sampai 4 DTSEN (sasaran umum bantuan sosial).", SUMBER_DTSEN),
    Indikator("rtlh", "Rumah tidak layak huni (RTLH)", "unit", True,
              "Rumah yang belum memenuhi syarat layak huni.", "e-RTLH DisperkimLH"),
    Indikator("kk_tanpa_air_layak", "KK tanpa air minum layak", "KK", True,
              "Keluarga tanpa akses air minum layak.", SUMBER_REGISTER),
    Indikator("kk_tanpa_sanitasi_layak", "KK tanpa sanitasi layak", "KK", True,
              "Keluarga tanpa akses sanitasi layak.", SUMBER_REGISTER),
    Indikator("anak_tidak_sekolah", "Anak tidak sekolah", "jiwa", True,
              "Anak usia 7–18 tahun yang tidak bersekolah.", "Dapodik / Dinas Pendidikan"),
    # Derived shares: computed in SQL from the counts above, never stored twice.
    Indikator("persen_jiwa_desil_1_4", "Persentase penduduk desil 1–4 (DTSEN)", "%", True,
              "jiwa_desil_1_4 / penduduk × 100: bagian penduduk dalam keluarga desil 1–4 register DTSEN. Pangsa "
              "register untuk penargetan, bukan persentase penduduk miskin (P0) BPS.", "turunan",
              "jiwa_desil_1_4", "penduduk"),
    Indikator("persen_jiwa_desil_1", "Persentase penduduk desil 1 (DTSEN)", "%", True,
              "jiwa_desil_1 / penduduk × 100: pangsa register desil 1, bukan P0 BPS.", "turunan",
              "jiwa_desil_1", "penduduk"),
    Indikator("persen_kk_desil_1", "Persentase KK desil 1 (DTSEN)", "%", True,
              "kk_desil_1 / kk × 100.", "turunan", "kk_desil_1", "kk"),
    Indikator("persen_kk_desil_1_4", "Persentase KK desil 1–4 (DTSEN)", "%", True,
              "kk_desil_1_4 / kk × 100.", "turunan", "kk_desil_1_4", "kk"),
    Indikator("persen_rtlh", "RTLH per 100 KK", "%", True,
              "rtlh / kk × 100.", "turunan", "rtlh", "kk"),
    Indikator("persen_tanpa_air_layak", "Persentase KK tanpa air minum layak", "%", True,
              "kk_tanpa_air_layak / kk × 100.", "turunan", "kk_tanpa_air_layak", "kk"),
    Indikator("persen_tanpa_sanitasi_layak", "Persentase KK tanpa sanitasi layak", "%", True,
              "kk_tanpa_sanitasi_layak / kk × 100.", "turunan", "kk_tanpa_sanitasi_layak", "kk"),
)

# Counts that give each other back without any sum, protected together (tkpk.sel_kecil, "terkait"): persons per
# household turn a shown jiwa count into its hidden KK count (4,19 per KK in desil 1 in the sample) and back.
# Each pair is (coarser, finer): where both are hidden the finer one reads "disamarkan", not "< 5", since jiwa "< 5"
# beside KK "< 5" would pin the KK at 1.
TERKAIT: tuple[tuple[str, str], ...] = (
    ("kk_desil_1", "jiwa_desil_1"),
    ("kk_desil_1_4", "jiwa_desil_1_4"),
    ("kk", "penduduk"),
)
# Nested counts (part, whole): the difference of two shown figures is a count nobody publishes but anyone can read
# (KK desil 1–4 minus KK desil 1 = KK in desil 2–4), so it is protected like a published one (tkpk.sel_kecil,
# "turunan").
BERSARANG: tuple[tuple[str, str], ...] = (
    ("kk_desil_1", "kk_desil_1_4"),
    ("jiwa_desil_1", "jiwa_desil_1_4"),
    ("kk_desil_1_4", "kk"),
    ("jiwa_desil_1_4", "penduduk"),
)

# Catalogue codes renamed when the sample was rebuilt as register data (migration 0005 renames stored rows).
KODE_LAMA: dict[str, str] = {"penduduk_miskin": "jiwa_desil_1_4", "persen_miskin": "persen_jiwa_desil_1_4"}

# Real facts below BPS's level, each its own indicator so they never mix with BPS rows or sample rows: register
# counts quoted from Satu Data / SIKS-NG / BDT, P3KE verification, village status (IDM) from Dinas PMD. They are
# not map indicators (too few places); the two-numbers panel, the IDM overlay and the desa profile read them.
INDIKATOR_FAKTA: tuple[Indikator, ...] = (
    Indikator("reg_miskin_satudata", "Penduduk miskin menurut register Satu Data Banjar (Dinsos P3AP2KB)", "jiwa",
              True, "Jumlah orang dalam register kesejahteraan sosial yang diunggah Dinsos P3AP2KB ke "
              "satudata.banjarkab.go.id. Register penargetan, bukan angka BPS.", "Satu Data Kabupaten Banjar",
              tingkat="kecamatan"),
    Indikator("reg_miskin_siksng", "Penduduk miskin menurut data PPKS/SIKS-NG Dinsos (dikutip Kabid Dinsos)",
              "jiwa", True, "Rekap register PPKS di SIKS-NG Kemensos, seperti dikutip Kabid Dinsos P3AP2KB.",
              "SIKS-NG (Dinsos P3AP2KB)", tingkat="kabupaten"),
    Indikator("reg_fakir_miskin_satudata", "Fakir miskin menurut Satu Data Banjar (Dinsos P3AP2KB)", "jiwa", True,
              "Jumlah fakir miskin di Satu Data Kabupaten Banjar.", "Satu Data Kabupaten Banjar", tingkat="kabupaten"),
    Indikator("reg_fakir_miskin_siksng", "Fakir miskin menurut data PPKS/SIKS-NG Dinsos (dikutip Kabid Dinsos)",
              "jiwa", True, "Fakir miskin menurut rekap PPKS/SIKS-NG, dikutip Kabid Dinsos P3AP2KB.",
              "SIKS-NG (Dinsos P3AP2KB)", tingkat="kabupaten"),
    Indikator("reg_miskin_bdt", "Penduduk miskin menurut Basis Data Terpadu (SK Kemensos 71/2018)", "jiwa", True,
              "Register Basis Data Terpadu (40% berpendapatan terendah), Mei 2018.", "BDT Kemensos",
              tingkat="kabupaten"),
    Indikator("p3ke_kk", "Keluarga dalam data P3KE yang diverifikasi", "KK", True,
              "Keluarga dalam data Pensasaran Percepatan Penghapusan Kemiskinan Ekstrem (P3KE) yang "
              "diverifikasi/validasi kabupaten.", "P3KE (Bappedalitbang)", tingkat="kabupaten"),
    Indikator("p3ke_jiwa", "Individu dalam data P3KE yang diverifikasi", "jiwa", True,
              "Individu dalam data P3KE yang diverifikasi/validasi kabupaten.", "P3KE (Bappedalitbang)",
              tingkat="kabupaten"),
    Indikator("idm_tertinggal", "Desa berstatus Tertinggal (IDM)", "1 = ya", True,
              "Status Indeks Desa Membangun (Kemendes) \"Tertinggal\" menurut Dinas PMD: 1 = desa itu disebut "
              "Tertinggal. Indeks pembangunan desa, bukan ukuran kemiskinan.", "IDM (Dinas PMD)"),
    Indikator("idm_jumlah_tertinggal", "Jumlah desa Tertinggal (IDM)", "desa", True,
              "Jumlah desa berstatus Tertinggal menurut Indeks Desa Membangun.", "IDM (Dinas PMD)",
              tingkat="kecamatan"),
    Indikator("idm_kec_ada_tertinggal", "Kecamatan masih memiliki desa Tertinggal (IDM)", "1 = ya", True,
              "1 = kecamatan disebut masih memiliki desa berstatus Tertinggal (jumlah per kecamatan tidak "
              "disebut).", "IDM (Dinas PMD)", tingkat="kecamatan"),
    Indikator("rtlh_belum_ditangani", "RTLH belum ditangani (e-RTLH)", "unit", True,
              "Rumah tidak layak huni yang belum ditangani, terinput di e-RTLH (Kepala DPRKPLH).",
              "e-RTLH (DPRKPLH)", tingkat="kabupaten"),
)
INDIKATOR_FAKTA_BY_KODE = {i.kode: i for i in INDIKATOR_FAKTA}

INDIKATOR_BY_KODE = {i.kode: i for i in INDIKATOR}
INDIKATOR_TERSIMPAN = tuple(i.kode for i in INDIKATOR if not i.turunan)
# Register-based indicators (DTSEN deciles and their shares): never called "persen miskin" beside BPS's P0.
KODE_REGISTER = frozenset(
    i.kode for i in INDIKATOR
    if i.sumber_baku == SUMBER_DTSEN or (i.pembilang and INDIKATOR_BY_KODE[i.pembilang].sumber_baku == SUMBER_DTSEN))
DEFINISI_REGISTER = "Register DTSEN untuk penargetan bantuan, bukan angka kemiskinan BPS (P0 hanya ada per kabupaten)"


def judul_legenda(kode: str) -> list[str]:
    """A map legend title in lines: the indicator and unit, then, for register indicators, what the figure is."""
    ind = INDIKATOR_BY_KODE[kode]
    baris = [f"{ind.nama} ({ind.satuan})"]
    if kode in KODE_REGISTER:
        baris += ["register penargetan, bukan angka BPS"]
    return baris


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
    IndikatorBps("p0_ekstrem", "Persentase penduduk miskin ekstrem", "%", True),
    IndikatorBps("penduduk_miskin_ekstrem", "Jumlah penduduk miskin ekstrem", "jiwa", True),
)
# Extreme poverty: BPS's rate under the extreme line (USD 1,9 PPP a day); national target 0% by 2024 (Inpres 4/2022).
INDIKATOR_EKSTREM = ("p0_ekstrem", "penduduk_miskin_ekstrem")
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
NAMA_SINGKAT_OPD = {o.kode: o.nama_singkat for o in OPD}  # the short names tables and sheets show
