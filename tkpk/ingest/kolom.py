"""Column headers as OPDs write them, mapped to the store's column names.

Headers are compared on a key with case, spaces, punctuation and a unit in brackets removed, so ``Pagu (Rp)``,
``PAGU`` and ``pagu_anggaran`` all find ``pagu``; the unit itself is kept (:mod:`tkpk.ingest.satuan`) and read.
Each kind lists its columns with the synonyms seen in office spreadsheets; a header that is not known is reported
and ignored, never guessed, unless it names people (names, addresses, NIK): then the file is refused.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from tkpk import katalog
from tkpk.ingest.satuan import Satuan, baca_satuan, tanpa_satuan_akhir

JENIS = ("indikator", "intervensi", "bps", "target", "rencana")


def kunci(teks: object) -> str:
    """Comparison key: ``"Nama Kecamatan (Kec.)"`` -> ``"namakecamatan"``."""
    s = unicodedata.normalize("NFKD", str(teks)).encode("ascii", "ignore").decode("ascii").lower()
    s = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", s)
    return re.sub(r"[^a-z0-9]+", "", s)


@dataclass(frozen=True)
class Kolom:
    nama: str
    sinonim: tuple[str, ...]
    penjelasan: str
    wajib: bool = False
    contoh: str = ""


_WILAYAH = (
    Kolom("kode_wilayah", ("kodewilayah", "kodewil", "kodedesa", "kodekelurahan", "kodekemendagri", "kode",
                           "kodedesakelurahan"),
          "Kode Kemendagri kecamatan (63.03.05) atau desa/kelurahan (63.03.05.2001). Isi kode atau nama.",
          contoh="63.03.05"),
    Kolom("kode_kec", ("kodekec", "kodekecamatan"),
          "Kode Kemendagri kecamatan; bila diisi bersama kolom wilayah lain, semuanya harus menunjuk wilayah yang "
          "sama (desa dicari di dalam kecamatan ini).", contoh=""),
    Kolom("nama_wilayah", ("namawilayah", "wilayah", "lokasi", "namalokasi"),
          "Nama kecamatan atau desa/kelurahan bila kode tidak diisi.", contoh="Martapura"),
    Kolom("kecamatan", ("kecamatan", "namakecamatan", "kec"),
          "Nama kecamatan; bila ada kolom desa, desa dicari di dalam kecamatan ini (nama desa yang sama di kecamatan "
          "lain tidak tertukar).", contoh=""),
    Kolom("desa", ("desa", "namadesa", "kelurahan", "namakelurahan", "desakelurahan", "namadesakelurahan",
                   "desakel"),
          "Nama desa/kelurahan (isi juga kolom kecamatan bila nama desa ada di lebih dari satu kecamatan).",
          contoh=""),
)
_TAHUN = Kolom("tahun", ("tahun", "tahunanggaran", "thn", "tahundata", "year"),
               "Tahun data, mis. 2025.", wajib=True, contoh="2025")
_SUMBER = Kolom("sumber", ("sumber", "sumberdata", "keterangansumber"),
                "Sumber data (boleh kosong: nama berkas dipakai).", contoh="DTSEN Triwulan I")


def _jenis_sumber(bawaan: str, contoh: str = "") -> Kolom:
    pilihan = "; ".join(f"{k} = {v}" for k, v in katalog.JENIS_SUMBER.items())
    return Kolom("jenis_sumber", ("jenissumber", "jenissumberdata", "tipesumber"),
                 f"Jenis sumber angka (boleh kosong: {bawaan}). Pilihan: {pilihan}.", contoh=contoh)


KOLOM: dict[str, tuple[Kolom, ...]] = {
    "indikator": (
        _TAHUN, *_WILAYAH,
        Kolom("indikator", ("indikator", "kodeindikator", "namaindikator"),
              "Bentuk panjang: kode indikator katalog (mis. rtlh).", contoh=""),
        Kolom("nilai", ("nilai", "value", "angka"), "Bentuk panjang: nilai indikator.", contoh=""),
        _SUMBER,
        _jenis_sumber("unggahan"),
    ),
    "intervensi": (
        _TAHUN,
        Kolom("triwulan", ("triwulan", "tw", "kuartal", "triwulanke"), "1–4; kosong = setahun penuh.", contoh="2"),
        Kolom("pilar", ("pilar", "strategi", "strategiutama", "nopilar", "pilarke"),
              "Nomor (1–4) atau nama strategi utama.", wajib=True, contoh="2"),
        Kolom("opd", ("opd", "perangkatdaerah", "namaopd", "skpd", "instansi", "namaperangkatdaerah", "pelaksana",
                      "kodeopd"),
              "Nama singkat atau lengkap OPD pelaksana.", wajib=True, contoh="DisperkimLH"),
        Kolom("program", ("program", "namaprogram"), "Nama program.", wajib=True, contoh="Bedah rumah (RTLH)"),
        Kolom("kegiatan", ("kegiatan", "namakegiatan", "subkegiatan"), "Nama kegiatan (boleh kosong).",
              contoh="Rehabilitasi rumah"),
        *_WILAYAH,
        Kolom("pagu", ("pagu", "paguanggaran", "anggaran", "nilaipagu", "alokasi"), "Pagu anggaran (Rp).",
              contoh="Rp1.250.000.000"),
        Kolom("realisasi", ("realisasi", "realisasianggaran", "realisasikeuangan"), "Realisasi anggaran (Rp).",
              contoh="Rp1.100.000.000"),
        Kolom("satuan_output", ("satuanoutput", "satuan"), "Satuan keluaran, mis. unit rumah.", contoh="unit"),
        Kolom("target_output", ("targetoutput", "targetfisik", "target"), "Target keluaran.", contoh="50"),
        Kolom("capaian_output", ("capaianoutput", "realisasifisik", "realisasioutput", "capaian"),
              "Capaian keluaran.", contoh="45"),
        Kolom("target_penerima", ("targetpenerima", "targetsasaran", "sasaran", "targetpenerimamanfaat"),
              "Target penerima manfaat (KK/jiwa).", contoh="50"),
        Kolom("penerima", ("penerima", "jumlahpenerima", "penerimamanfaat", "realisasipenerima"),
              "Penerima manfaat yang tercapai.", contoh="45"),
        Kolom("sumber_dana", ("sumberdana", "dana"), "APBD, DAK, Dana Desa, CSR, ...", contoh="APBD"),
        Kolom("keterangan", ("keterangan", "ket", "catatan"),
              "Catatan bebas (tanpa nama orang, NIK atau alamat rumah).", contoh=""),
        Kolom("satuan_penerima", ("satuanpenerima", "satuanpenerimamanfaat", "satuansasaran"),
              "Satuan penerima manfaat: KK, jiwa, unit rumah, dokumen … (disimpan apa adanya).", contoh="KK"),
        _SUMBER,
    ),
    "bps": (
        _TAHUN,
        Kolom("kode_kab", ("kodekab", "kodekabupaten", "kodekabkota", "kodewilayah", "kode"),
              "Kode Kemendagri kab/kota (63.03) atau provinsi (63).", contoh="63.03"),
        Kolom("kabupaten", ("kabupaten", "kabupatenkota", "kabkota", "namakabupaten", "wilayah", "namawilayah"),
              "Nama kab/kota bila kode tidak diisi.", contoh="Banjar"),
        Kolom("p0", ("p0", "persentasependudukmiskin", "persenmiskin", "pendudukmiskinpersen"),
              "Persentase penduduk miskin (0–100).", contoh="2,36"),
        Kolom("penduduk_miskin", ("pendudukmiskin", "jumlahpendudukmiskin", "pendudukmiskinjiwa"),
              "Jumlah penduduk miskin dalam jiwa; tabel BPS dalam ribu jiwa diterima bila judulnya menyebut "
              "satuan, mis. \"Jumlah Penduduk Miskin (ribu jiwa)\".", contoh="14.461"),
        Kolom("garis_kemiskinan", ("gariskemiskinan", "gk"), "Rp/kapita/bulan.", contoh="589.164"),
        Kolom("p1", ("p1", "indekskedalamankemiskinan"), "Indeks kedalaman.", contoh="0,326"),
        Kolom("p2", ("p2", "indekskeparahankemiskinan"), "Indeks keparahan.", contoh="0,067"),
        Kolom("p0_ekstrem", ("p0ekstrem", "persentasependudukmiskinekstrem", "persenmiskinekstrem",
                             "kemiskinanekstrem", "tingkatkemiskinanekstrem"),
              "Persentase penduduk miskin ekstrem (0–100).", contoh="0,25"),
        Kolom("penduduk_miskin_ekstrem", ("pendudukmiskinekstrem", "jumlahpendudukmiskinekstrem"),
              "Jumlah penduduk miskin ekstrem (jiwa; \"(ribu jiwa)\" di judul dikali 1.000).", contoh="1.530"),
        _SUMBER,
        _jenis_sumber("bps, karena jenis data ini adalah angka BPS", contoh="bps"),
    ),
    "target": (
        _TAHUN, *_WILAYAH,
        Kolom("indikator", ("indikator", "kodeindikator", "namaindikator"),
              "Kode indikator: kolom BPS (p0, penduduk_miskin, garis_kemiskinan, p1, p2, p0_ekstrem, "
              "penduduk_miskin_ekstrem) atau kode katalog (mis. persen_jiwa_desil_1_4, rtlh).",
              wajib=True, contoh="p0"),
        Kolom("nilai", ("nilai", "nilaitarget", "target", "targetnilai"),
              "Nilai target dalam satuan indikatornya (p0 dalam persen).", wajib=True, contoh="2,10"),
        Kolom("dokumen", ("dokumen", "dokumenperencanaan", "namadokumen", "dokumenacuan"),
              "Dokumen perencanaan dan periodenya.", wajib=True, contoh="RPJMD 2021–2026"),
        Kolom("sumber", ("sumber", "sumberdata", "keterangansumber", "dasarhukum"),
              "Dasar target (perda, halaman, tabel).", wajib=True, contoh="Perda Kab. Banjar 2/2021, Tabel 5.3"),
        _jenis_sumber("dokumen_resmi", contoh="dokumen_resmi"),
        Kolom("rincian", ("rincian", "keterangan", "catatan"), "Catatan (boleh kosong).", contoh=""),
    ),
}


def _dari_intervensi(*nama: str) -> tuple[Kolom, ...]:
    return tuple(k for n in nama for k in KOLOM["intervensi"] if k.nama == n)


# An action plan (rencana aksi) has the key of an intervention, so plan and delivery of one program meet row by row.
KOLOM["rencana"] = (
    _TAHUN,
    Kolom("triwulan", ("triwulan", "tw", "kuartal", "triwulanke", "targettriwulan"),
          "Triwulan target (1–4, kumulatif sampai triwulan itu); kosong = target setahun.", contoh="2"),
    *_dari_intervensi("pilar", "opd", "program", "kegiatan"),
    *_WILAYAH,
    *_dari_intervensi("satuan_output"),
    Kolom("target_output", ("targetoutput", "targetfisik", "target", "rencanaoutput"),
          "Target keluaran kumulatif sampai triwulan itu, dalam satuan output.", contoh="25"),
    Kolom("pagu_rencana", ("pagurencana", "pagu", "rencanaanggaran", "rencanapagu", "anggaran", "paguanggaran"),
          "Rencana anggaran (Rp).", contoh="Rp625.000.000"),
    *_dari_intervensi("keterangan"),
    _SUMBER,
)
# A target row without a place is about the kabupaten itself.
KODE_KABUPATEN = "63.03"


# Indicator headers of older templates and office files, still accepted: the register counts were once called
# "penduduk miskin" (katalog.KODE_LAMA); a file written for the old template must load unchanged.
SINONIM_INDIKATOR: dict[str, str] = {
    **katalog.KODE_LAMA,
    "jumlah penduduk miskin": "jiwa_desil_1_4",
    "penduduk desil 1-4": "jiwa_desil_1_4",
    "jiwa desil 1-4": "jiwa_desil_1_4",
    "penduduk desil 1": "jiwa_desil_1",
    "jiwa desil 1": "jiwa_desil_1",
    "persentase penduduk miskin": "persen_jiwa_desil_1_4",
}


def indikator_lebar() -> dict[str, str]:
    """Header key -> catalogue code, for the wide form (by code or by the catalogue's name)."""
    out: dict[str, str] = {kunci(lama): baru for lama, baru in SINONIM_INDIKATOR.items()}
    for ind in katalog.INDIKATOR:
        out[kunci(ind.kode)] = ind.kode
        out[kunci(ind.nama)] = ind.kode
    return out


# Headers that mean the file holds people, not aggregates: names, addresses, identity numbers, birth dates.
_PRIBADI_PERSIS = {"nik", "nokk", "nomorkk", "nokartukeluarga", "nomorkartukeluarga", "alamat", "nama",
                   "namalengkap", "tanggallahir", "tgllahir", "tempattanggallahir", "ttl", "nohp", "notelp",
                   "nomorhp", "nomorindukkependudukan", "namapenerima", "namakk", "namakrt", "namakepalakeluarga",
                   "kepalakeluarga", "namaart", "namaanggota", "alamatlengkap", "jalan", "namajalan", "rt", "rw",
                   "rtrw", "nort", "norw", "nomorrumah", "norumah", "namaibu", "namaayah", "namasiswa", "namapasien",
                   "namapeserta", "namawarga", "namapemilik", "nikkk", "nikart", "nikkepalakeluarga", "nikpenerima",
                   "noktp", "nomorktp", "nisn", "namaibukandung", "namakpm", "namamustahik", "namamustahiq",
                   "namapenerimamanfaat", "namapemohon", "namadebitur", "namanasabah", "namapenduduk", "telepon",
                   "telp", "notelepon", "nomortelepon", "nomortelp", "nohandphone", "handphone", "hp", "nowa",
                   "nomorwa", "whatsapp", "email", "tempatlahir", "tanggallhr", "tgllhr", "tempattgllahir",
                   "tempattgllhr", "tempattanggallhr", "tempattgllahirumur", "tmptgllahir", "tempatlahirtgllahir"}
_PRIBADI_AWALAN = ("nokk", "nomorkk", "namakepala", "alamat", "tanggallahir", "namapenerima",
                   "nomorindukkependudukan", "nikpenerima", "namakpm", "namamustahik",
                   "namaanggota", "nohp", "nomorhp", "notelp", "nomortelepon", "telepon", "tempattgllahir",
                   "tempattanggallahir")
# "alamat lokasi kegiatan" is where an activity took place, not where a person lives.
_BUKAN_PRIBADI_AWALAN = ("alamatlokasi", "alamatkegiatan", "alamatkantor", "alamatinstansi", "alamatopd",
                         "alamatsekretariat")


def tampak_pribadi(judul: object) -> bool:
    k = kunci(judul)
    if k.startswith(_BUKAN_PRIBADI_AWALAN):
        return False
    return k in _PRIBADI_PERSIS or k.startswith(_PRIBADI_AWALAN)


@dataclass
class Peta:
    """Which column of the file feeds which store column; ``lebar`` maps wide indicator columns; ``satuan`` the
    unit each mapped column's header states (only those that state one)."""

    kolom: dict[str, int]
    lebar: dict[str, int]
    tak_dikenal: list[tuple[int, str]]
    ganda: list[tuple[str, list[str]]]
    judul: list[str]
    satuan: dict[str, Satuan] = field(default_factory=dict)


def petakan(judul: list[object], jenis: str) -> Peta:
    spesifikasi = {k: kol.nama for kol in KOLOM[jenis] for k in (*kol.sinonim, kunci(kol.nama))}
    lebar_map = indikator_lebar() if jenis == "indikator" else {}
    kolom: dict[str, list[int]] = {}
    lebar: dict[str, list[int]] = {}
    satuan: dict[str, Satuan] = {}
    tak_dikenal: list[tuple[int, str]] = []
    teks = [str(j).strip() for j in judul]
    for i, j in enumerate(teks):
        k = kunci(j)
        if not k:
            continue
        _, sat = baca_satuan(j)
        if k not in spesifikasi and k not in lebar_map:
            akhir = tanpa_satuan_akhir(j)  # "Pagu dalam juta rupiah"
            if akhir is not None and kunci(akhir[0]) in (spesifikasi.keys() | lebar_map.keys()):
                k, sat = kunci(akhir[0]), akhir[1]
        if k in spesifikasi:
            nama = spesifikasi[k]
            kolom.setdefault(nama, []).append(i)
        elif k in lebar_map:
            nama = lebar_map[k]
            lebar.setdefault(nama, []).append(i)
        else:
            tak_dikenal.append((i, j))
            continue
        if not sat.kosong and nama not in satuan:
            satuan[nama] = sat
    ganda = [(nama, [teks[i] for i in idx]) for nama, idx in {**kolom, **lebar}.items() if len(idx) > 1]
    return Peta({n: idx[0] for n, idx in kolom.items()}, {n: idx[0] for n, idx in lebar.items()},
                tak_dikenal, ganda, teks, satuan)


def skor_judul(baris: list[object], jenis: str) -> int:
    """How many cells of a row are known headers: the header is the first row that scores at least two."""
    peta = petakan(baris, jenis)
    return len(peta.kolom) + len(peta.lebar)
