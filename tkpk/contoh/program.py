"""The programs the sample generator invents, one list per OPD.

Our reading of typical TKPK programs (DOMAIN.md, "Typical programs"); costs are round, plausible magnitudes,
not real budget lines. ``sasaran`` (0..1) is how strongly a program's locations lean towards poor desa, so the
sample shows both well-targeted and poorly targeted OPDs.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProgramContoh:
    opd: str
    program: str
    kegiatan: str
    satuan: str
    biaya_satuan: float      # Rp per output unit
    tingkat: str             # desa | kecamatan | kabupaten
    lokasi: tuple[int, int]  # number of locations per year (min, max)
    output_per_lokasi: tuple[int, int]
    penerima_per_output: float
    sumber_dana: str
    sasaran: float


PROGRAM: tuple[ProgramContoh, ...] = (
    ProgramContoh("BAZNAS", "Zakat produktif", "Modal usaha mustahik", "paket", 5_000_000, "desa",
                  (8, 14), (4, 10), 1, "Baznas", 0.8),
    ProgramContoh("BAZNAS", "Bedah rumah Baznas", "Rehabilitasi rumah mustahik", "unit", 25_000_000, "desa",
                  (4, 8), (1, 2), 4, "Baznas", 0.9),
    ProgramContoh("FORUM_CSR", "CSR air bersih", "Sumur bor dan tandon desa", "titik", 45_000_000, "desa",
                  (3, 6), (1, 2), 60, "CSR", 0.4),
    ProgramContoh("FORUM_CSR", "CSR beasiswa", "Beasiswa siswa dari keluarga miskin", "siswa", 2_500_000,
                  "kecamatan", (3, 6), (10, 25), 1, "CSR", 0.3),
    ProgramContoh("PEM_KEC", "Verifikasi dan validasi DTSEN", "Musyawarah kecamatan verifikasi data",
                  "desa terverifikasi", 3_000_000, "kecamatan", (20, 20), (8, 19), 0, "APBD", 0.0),
    ProgramContoh("PEM_DESA", "BLT Dana Desa", "Bantuan langsung tunai desa", "KK", 3_600_000, "desa",
                  (60, 90), (10, 30), 1, "Dana Desa", 0.6),
    ProgramContoh("PUPRP", "Jalan lingkungan perdesaan", "Peningkatan jalan desa", "km", 1_200_000_000, "desa",
                  (6, 10), (1, 3), 400, "APBD", 0.5),
    ProgramContoh("PUPRP", "SPAM perdesaan", "Sambungan rumah air minum", "SR", 3_500_000, "desa",
                  (6, 12), (40, 120), 4, "DAK", 0.7),
    ProgramContoh("DISPERKIMLH", "Rehabilitasi RTLH", "Bedah rumah tidak layak huni", "unit", 20_000_000, "desa",
                  (15, 30), (3, 10), 4, "APBD", 0.85),
    ProgramContoh("DISPERKIMLH", "Sanitasi layak", "Pembangunan jamban sehat", "unit", 5_000_000, "desa",
                  (10, 20), (10, 30), 4, "DAK", 0.7),
    ProgramContoh("DISHUB", "Angkutan perdesaan", "Subsidi trayek angkutan perdesaan", "trayek", 150_000_000,
                  "kecamatan", (3, 5), (1, 2), 2500, "APBD", 0.5),
    ProgramContoh("DISDUKCAPIL", "Jemput bola adminduk", "Perekaman KTP-el dan akta bagi warga miskin",
                  "dokumen", 50_000, "desa", (20, 35), (40, 120), 1, "APBD", 0.6),
    ProgramContoh("DPMPTSP", "Fasilitasi perizinan usaha mikro", "Penerbitan NIB gratis", "NIB", 150_000,
                  "kecamatan", (6, 10), (30, 80), 1, "APBD", 0.2),
    ProgramContoh("DISNAKERTRANS", "Pelatihan kerja", "Pelatihan berbasis kompetensi", "orang", 4_000_000,
                  "kecamatan", (5, 9), (15, 40), 1, "APBD", 0.4),
    ProgramContoh("DISBUDPORAPAR", "Pengembangan desa wisata", "Pendampingan pokdarwis", "desa", 150_000_000,
                  "desa", (2, 4), (1, 1), 80, "APBD", 0.1),
    ProgramContoh("DKUMPP", "Bantuan peralatan usaha mikro", "Paket alat usaha", "UMKM", 3_000_000, "desa",
                  (10, 20), (5, 15), 1, "APBD", 0.5),
    ProgramContoh("DISTAN", "Bantuan benih dan alsintan", "Benih padi dan hand tractor", "kelompok tani",
                  25_000_000, "desa", (12, 20), (1, 3), 20, "APBN", 0.4),
    ProgramContoh("DKPP", "Pekarangan pangan lestari", "Bantuan bibit dan benih ikan", "KK", 1_000_000, "desa",
                  (10, 18), (15, 40), 1, "APBD", 0.6),
    ProgramContoh("DPMD", "Penguatan BUMDes", "Pendampingan dan modal BUMDes", "BUMDes", 30_000_000, "desa",
                  (8, 14), (1, 1), 25, "APBD", 0.5),
    ProgramContoh("DINSOS", "Pendampingan PKH dan bansos daerah", "Bantuan sosial keluarga miskin", "KK",
                  2_400_000, "desa", (25, 40), (15, 45), 1, "APBD", 0.9),
    ProgramContoh("DINSOS", "Permakanan lansia terlantar", "Paket makanan lansia", "orang", 3_600_000, "desa",
                  (10, 20), (5, 12), 1, "APBD", 0.8),
    ProgramContoh("DISDIK", "Beasiswa siswa miskin", "Bantuan biaya pendidikan", "siswa", 1_000_000, "desa",
                  (25, 40), (10, 30), 1, "APBD", 0.7),
    ProgramContoh("DINKES", "Iuran PBI JKN daerah", "Pembayaran iuran PBI APBD", "jiwa", 504_000, "kabupaten",
                  (1, 1), (9000, 12000), 1, "APBD", 0.0),
    ProgramContoh("DINKES", "Pemberian makanan tambahan balita", "PMT balita gizi kurang", "balita", 600_000,
                  "desa", (20, 35), (10, 30), 1, "APBD", 0.75),
    ProgramContoh("BPBD", "Bantuan logistik korban bencana", "Paket logistik banjir", "KK", 1_500_000, "desa",
                  (5, 12), (20, 60), 1, "APBD", 0.3),
)

# OPDs that "forgot" to report in a year, so the scorecard's "belum melapor" has something to show.
TIDAK_MELAPOR: dict[int, tuple[str, ...]] = {2023: ("DISBUDPORAPAR",), 2024: ("DPMPTSP", "DISHUB")}
