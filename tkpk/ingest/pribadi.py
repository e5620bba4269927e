"""Personal data, found in headers and in every text cell of every row, in any column (ignored ones included).

The store holds aggregates only (UU 27/2022). A file is refused, with row and column, when a header names
people (Nama, Nama Penerima, Nama KK, Alamat, Jalan, RT/RW, NIK …) or a cell holds:

* a 16-digit NIK/KK number (plain, or grouped 6-6-4 / 4-4-4-4 with spaces, dots or dashes), also as an Excel number;
* an RT/RW part of an address ("RT 03", "RT.003/RW.002", "RT/RW");
* a street address with a number: "Jl./Jln. <name> … <number>" (any digit after the name: "Jl. Usaha Tani 2 km"
  is refused too), or "Jalan/Gang/Jl./Jln. <name> No. <number>" ("Jl.A.Yani No.5");
* a person addressed by name: "Bapak/Bpk/Ibu/Sdr/Tn/Ny/Pak/Bu/H./Hj. <Name>", also in capitals ("BAPAK ABDUL
  HADI") and with the dot and no space ("H.Ahmad"); "Ibu hamil", "Ibu Kota", "Bapak Angkat", "Pak Camat", "PAK"
  (an acronym), "BPK RI" (the audit board) and "Jl. H. …" are not names;
* a name after "a.n."/"a.n"/"a/n"/"an."/"atas nama" or after "Penerima:" ("Penerima: Kelompok Tani", "a/n
  Bendahara" are not people);
* an Indonesian mobile number (08… or +62 8…, 10–13 digits; "62 8…" without the + is not read: amounts such as
  628500000.00 look the same);
* a birth date ("lahir 12-05-1980", "tgl lahir 3 Mei 1975", "lahir 1980-05-12", "TTL Martapura, 12-05-1980").

Every kind of space counts as a plain one (Excel's no-break space too) and quotes are dropped ("RT’03" is "RT03").
Names of places, programs and OPDs (``Nama Kecamatan``, ``Nama Program``) are known columns, and ordinary
words (NIB, "alamat lokasi kegiatan", "peningkatan jalan desa 2 km") match none of the patterns.

Large files: Arrow rules out, per column, the cells that cannot match (RE2 over the whole column, in C++), and
Python words the message for the few that can, so a million-row file costs a fraction of a second.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tkpk import fmt
from tkpk.config import DATA_DIR
from tkpk.ingest.kolom import tampak_pribadi
from tkpk.ingest.pesan import Pesan, pesan_berkas
from tkpk.ingest.reader import Sel, Tabel, per_lajur

PESAN_PRIBADI = (
    "Data pribadi tidak boleh diunggah (UU 27/2022 tentang Pelindungan Data Pribadi). Data sasaran by name by "
    "address seperti DTSEN/P3KE harus dijumlahkan dulu per desa atau kecamatan (mis. jumlah KK desil 1 per desa), "
    "lalu unggah angka agregatnya saja"
)
# Beyond this many hits the analyst has seen enough to know what the file is.
MAKS_TEMUAN = 20

_NIK = r"(?:^|[^0-9])(?:[0-9]{16}|[0-9]{6}[ .-][0-9]{6}[ .-][0-9]{4}|[0-9]{4}(?:[ .-][0-9]{4}){3})(?:[^0-9]|$)"
_RT = r"(?i)(?:\b(?:rt|rw)\s*[.:]?\s*0*[0-9]{1,3}\b|\brt\s*/\s*rw\b)"
_JALAN = (r"(?i)(?:\b(?:jl|jln)\.?\s+[^\s0-9][^0-9]{0,60}[0-9]"
          r"|\b(?:jalan|gang|gg|jl|jln)\b.{0,60}?\b(?:no|nomor)\b\.?\s*[0-9])")
# Honorifics before a name: titles of address (Title case or capitals; not "BPK", the audit board, and not lower
# case: "kepada bapak/ibu ASN", "ibu-ibu Dharma Wanita"), "Pak"/"Bu" only as written in a sentence (Title case:
# "PAK" is an acronym), "H."/"Hj." (haji, hajjah) with their dot, except in a street name ("Jl. H. Abdul Gani" is
# checked as an address). With its dot a title needs no space before the name ("H.Ahmad", "Bpk.Ahmad").
_GELAR = r"Bapak|Bpk|Ibu|Sdr|Sdri|Saudara|Saudari|Tn|Ny|Nyonya|Tuan|BAPAK|IBU|SDR|SDRI|SAUDARA|SAUDARI|TN|NY|TUAN"
_SAPAAN_RE = re.compile(rf"\b(?:(?:(?:{_GELAR})\.?|Pak|Bu|Hj\.?|HJ\.?|H\.)\s+|(?:{_GELAR}|Hj|HJ|H)\.)"
                        r"([A-Z][a-z]+|[A-Z]{2,})\b")
_JALAN_SEBELUM = re.compile(r"(?i)\b(?:jl|jln|jalan|gg|gang)\.?\s*$")
_ATAS_NAMA = re.compile(r"(?<![A-Za-z])(?:a\.\s?n\.?|a\s?/\s?n\b\.?|an\.|atas\s+nama)\s*"
                        r"(?:(?:Hj?|Bapak|Ibu|Pak|Bu)\.?\s+)?([A-Z][a-z]+|[A-Z]{2,})\b", re.IGNORECASE)
_PENERIMA = re.compile(r"(?i:penerima)\s*:\s*(?:(?:Hj?|Bapak|Ibu|Pak|Bu)\.?\s+)?([A-Z][a-z]+|[A-Z]{3,})\b")
_TELEPON = re.compile(r"(?<![0-9+])(?:\+62|0)[ -]?8[0-9](?:[ .-]?[0-9]){6,11}(?![0-9])")
_BULAN = r"jan\w*|feb\w*|mar\w*|apr\w*|mei|may|jun\w*|jul\w*|agu\w*|aug\w*|sep\w*|okt\w*|oct\w*|nov\w*|des\w*|dec\w*"
# "lahir"/"lhr"/"TTL" (tempat, tanggal lahir), a place perhaps, then a date: 12-05-1980, 3 Mei 1975 or 1980-05-12.
_LAHIR = re.compile(r"(?i)\b(?:lahir|lhr|ttl)\b\s*[:,]?\s*(?:di\s+)?(?:[a-z][a-z ]{0,30},\s*)?(?:[0-9]{1,2}"
                    rf"(?:\s*[-/.]\s*[0-9]{{1,2}}\s*[-/.]\s*|\s+(?:{_BULAN})\s+)[0-9]{{2,4}}"
                    r"|[0-9]{4}\s*[-/.]\s*[0-9]{1,2}\s*[-/.]\s*[0-9]{1,2})\b")
_SAPAAN = rf"\b(?:(?:{_GELAR}|pak|bu|hj|h\.)\.?\s+|(?:{_GELAR}|hj|h)\.)[a-z]"
# Python's \s is every Unicode space (the no-break space of Excel exports, U+2009, U+3000 …); RE2's is ASCII only.
_SPASI_RE2 = r"\s\x{0b}\x{1c}-\x{1f}\x{85}\p{Z}"
# Quotes dropped before the patterns are read ("RT'03", "RT’03" are "RT03"): Excel's text marker and the typographic
# apostrophes a word processor puts in.
_KUTIP = "'`\u2018\u2019"
_KUTIP_RE = re.compile(f"[{_KUTIP}]")
# A cell with one of these is read again by the pre-filter as :func:`jenis_temuan` reads it (spaces made plain,
# quotes dropped): every space but the plain one, and the quotes.
_ISTIMEWA_RE2 = (r"[\t\n\f\r\x{0b}\x{1c}-\x{1f}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}"
                 r"\x{3000}'`\x{2018}\x{2019}]")


def _re2(pola: str) -> str:
    r"""``pola`` for RE2 with Python's meaning of ``\s``, inside a negated class too (``[^\s0-9]``)."""
    return pola.replace(r"[^\s", "[^\x00").replace(r"\s", f"[{_SPASI_RE2}]").replace("\x00", _SPASI_RE2)


# One RE2 pass per column finds every cell worth a closer look: a superset of what :func:`jenis_temuan` finds
# (tests/unit/test_ingest_pribadi.py checks it on generated text), Python decides where case matters. Each
# alternative keeps its pattern's left edge: the phone number's "not after a digit or +" (so "Kegiatan uji 1080"
# is no candidate), "a.n"/"an." after anything but a letter, as _ATAS_NAMA reads them.
CALON = "|".join(f"(?:{p})" for p in (
    _NIK, _RT.removeprefix("(?i)"), _JALAN.removeprefix("(?i)"), _SAPAAN,
    r"(?:^|[^A-Za-z])(?:a\.\s?n|a\s?/\s?n|an\.)", r"atas\s+nama", r"penerima\s*:",
    r"(?:^|[^0-9+])(?:\+62|0)[ -]?8[0-9]", r"\b(?:lahir|lhr|ttl)\b"))
_CALON_RE2 = "(?i)" + _re2(CALON)
# Words after Bapak/Ibu/Pak/Penerima: … that are not a person's name (roles, groups, "Ibu Kota").
_BUKAN_NAMA = {"hamil", "menyusui", "nifas", "balita", "bayi", "anak", "rumah", "kota", "pertiwi", "negara",
               "dan", "atau", "yang", "di", "ke", "rt", "rw", "pkk", "kader", "lansia", "muda", "tunggal", "bersalin",
               "angkat", "asuh", "tani", "camat", "lurah", "kades", "guru", "kepala", "bupati", "wakil", "sekda",
               "kadis", "dokter", "bidan", "ustadz", "ustaz", "kelompok", "masyarakat", "warga", "kpm", "keluarga",
               "petani", "nelayan", "siswa", "pelajar", "umkm", "pelaku", "penyandang", "disabilitas", "desa",
               "kecamatan", "kabupaten", "tangga", "paud", "posyandu", "ppkbd", "dusun", "para", "se", "seluruh",
               "semua", "sebanyak", "jumlah", "total", "orang", "jiwa", "kk", "unit", "mustahik", "mustahiq",
               # offices, treasurers, groups and program words met after a.n./a/n and Bapak/Ibu in OPD files
               "sekretaris", "bendahara", "pengguna", "kabid", "kasubag", "rkud", "kas", "pokmas", "gapoktan", "kwt",
               "masjid", "plt", "pj", "gubernur", "wabup", "kapolres", "dandim", "asn", "dharma", "majelis",
               "tingkat", "melahirkan", "siaga", "cerdas", "peduli", "sehat",
               "kek", "risti", "bumil", "anemia", "baduta", "dinas", "badan", "kantor", "bidang", "opd", "pemda",
               "pemerintah", "sekretariat", "ketua", "tim", "yayasan", "koperasi", "bumdes", "baznas", "pt", "cv",
               "ud", "lembaga", "panitia", "program", "kegiatan"}

POLA: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("angka 16 digit seperti NIK/nomor KK", re.compile(_NIK)),
    ("bagian alamat RT/RW", re.compile(_RT.removeprefix("(?i)"), re.IGNORECASE)),
    ("alamat jalan bernomor", re.compile(_JALAN.removeprefix("(?i)"), re.IGNORECASE)),
    ("tanggal lahir", _LAHIR),
)


def _telepon(s: str) -> bool:
    """An Indonesian mobile number: 08… or +62 8…, 10–13 digits written the 08… way."""
    for m in _TELEPON.finditer(s):
        angka = re.sub(r"[^0-9]", "", m.group(0))
        nasional = "0" + angka[2:] if m.group(0).startswith("+") else angka
        if 10 <= len(nasional) <= 13:
            return True
    return False


def _nama(kata: str) -> bool:
    return kata.lower() not in _BUKAN_NAMA


def _angka_nik(v: Sel) -> bool:
    """An Excel number that is 16 digits long."""
    return isinstance(v, float | int) and not isinstance(v, bool) and 1e15 <= abs(float(v)) < 1e16 \
        and float(v).is_integer()


@lru_cache(maxsize=1)
def _tempat_bergelar() -> re.Pattern[str] | None:
    """Names of real places that hold an honorific word ("Sungai Tuan Ulu", a desa of Astambul), longest first:
    they are blanked before the honorific check, so a place is never read as "Tuan <name>"."""
    gelar = {g.lower() for g in _GELAR.split("|")} | {"pak", "bu"}
    with (DATA_DIR / "wilayah_banjar.csv").open(encoding="utf-8", newline="") as f:
        nama = {r["nama"] for r in csv.DictReader(f)}
    kena = sorted((n for n in nama if gelar & set(n.lower().split())), key=len, reverse=True)
    return re.compile("|".join(rf"\b{re.escape(n)}\b" for n in kena), re.IGNORECASE) if kena else None


def _tanpa_tempat(v: str) -> str:
    pola = _tempat_bergelar()
    return pola.sub(lambda m: " " * len(m.group(0)), v) if pola is not None else v


def jenis_temuan(v: Sel) -> str | None:
    """What personal data a cell looks like it holds, or ``None``."""
    if _angka_nik(v):
        return "angka 16 digit seperti NIK/nomor KK"
    if not isinstance(v, str):
        return None
    v = re.sub(r"\s", " ", v)  # a no-break space between the digits of a phone number is still a space
    s = _KUTIP_RE.sub("", v)
    for nama, pola in POLA:
        if pola.search(s):
            return nama
    if _telepon(v):
        return "nomor telepon"
    t = _tanpa_tempat(v)
    for m in _SAPAAN_RE.finditer(t):
        if _nama(m.group(1)) and not (m.group(0).startswith("H.") and _JALAN_SEBELUM.search(t[:m.start()])):
            return "sapaan dengan nama orang (Bapak/Ibu/Pak/Bu/H./Hj. …)"
    for pola, jenis in ((_ATAS_NAMA, "nama orang (a.n. …)"), (_PENERIMA, "nama penerima")):
        for m in pola.finditer(v):
            kata = m.group(1)
            if _nama(kata) and (kata[0].isupper() or pola is not _ATAS_NAMA):
                return jenis
    return None


def cek_judul(judul: list[str]) -> list[Pesan]:
    """Headers that name people (a file of people, not of aggregates)."""
    return [pesan_berkas("galat", f'Kolom "{j}" tampak berisi data pribadi (nama, alamat atau nomor identitas '
                                  f"orang). {PESAN_PRIBADI}", kolom=j) for j in judul if j and tampak_pribadi(j)]


def _calon_sel(arr: pa.Array) -> np.ndarray:
    """Mask of the cells that may hold personal data: not text (an Excel number), or text matching a pattern.
    Cells of digits only (most cells of number columns) can only be a NIK or a phone number, so only those 16 long
    or more, or 10 or more starting 08, count; the regular expression runs on the other cells."""
    bukan_teks = pc.is_null(arr).to_numpy(zero_copy_only=False)
    angka = pc.ascii_is_decimal(arr).fill_null(False).to_numpy(zero_copy_only=False)
    panjang = pc.utf8_length(arr).fill_null(0).to_numpy(zero_copy_only=False)
    telepon = pc.starts_with(arr, "08").fill_null(False).to_numpy(zero_copy_only=False) & (panjang >= 10)
    calon = bukan_teks | (angka & ((panjang >= 16) | telepon))
    teks = np.flatnonzero(~angka & ~bukan_teks & (panjang >= 3))  # "RT1" is the shortest hit
    if len(teks) == len(arr):
        calon |= _cocok(arr)
    elif len(teks):
        calon[teks[_cocok(arr.take(pa.array(teks)))]] = True
    return calon


def _cocok(arr: pa.Array) -> np.ndarray:
    """:data:`_CALON_RE2` on each text; a text with another space than the plain one, or a quote, is read again
    as :func:`jenis_temuan` reads it: spaces made plain, with its quotes and without them."""
    def cocok_re2(a: pa.Array) -> np.ndarray:
        return pc.match_substring_regex(a, _CALON_RE2).fill_null(False).to_numpy(zero_copy_only=False)

    cocok = cocok_re2(arr)
    lain = pc.match_substring_regex(arr, _ISTIMEWA_RE2).fill_null(False).to_numpy(zero_copy_only=False) & ~cocok
    if lain.any():
        i = np.flatnonzero(lain)
        polos = pc.replace_substring_regex(arr.take(pa.array(i)), f"[{_SPASI_RE2}]", " ")
        cocok[i] = cocok_re2(polos) | cocok_re2(pc.replace_substring_regex(polos, f"[{_KUTIP}]", ""))
    return cocok


# A large column whose first rows repeat (OPD, program, unit, source of funds) is checked once per distinct value.
BARIS_KAMUS, CONTOH_KAMUS = 50_000, 20_000


def _calon(arr: pa.Array) -> np.ndarray:
    """Rows whose cell may hold personal data (:func:`_calon_sel`), per distinct value when values repeat."""
    if len(arr) >= BARIS_KAMUS and pc.count_distinct(arr.slice(0, CONTOH_KAMUS)).as_py() < CONTOH_KAMUS // 10:
        enc = arr.dictionary_encode()
        per_nilai = _calon_sel(enc.dictionary)
        idx = enc.indices
        # an XLSX column of numbers only is all null as text: no values, and every cell is read from its row
        mask = per_nilai[idx.fill_null(0).to_numpy(zero_copy_only=False)] if len(per_nilai) else np.zeros(
            len(arr), dtype=bool)
        if idx.null_count:
            mask |= pc.is_null(idx).to_numpy(zero_copy_only=False)
        return np.flatnonzero(mask)
    return np.flatnonzero(_calon_sel(arr))


def cek_isi(judul: list[str], tabel: Tabel, mulai: int) -> list[Pesan]:
    """Every cell from row ``mulai`` on, every column; hits in row order, then column order."""
    if tabel.jumlah <= mulai:
        return []
    temuan: list[tuple[int, int, str]] = []
    kolom = [tabel.teks(j, mulai) for j in range(tabel.lebar)]
    for j, idx in enumerate(per_lajur(_calon, kolom, tabel.jumlah - mulai)):
        if not len(idx):
            continue
        # a text cell is read from its column and judged once per distinct text (a large file repeats the few
        # texts its pattern catches); a cell that is not text (an XLSX number) from its row
        per_teks: dict[str, str | None] = {}
        for i, v in zip(idx.tolist(), kolom[j].take(pa.array(idx)).to_pylist(), strict=True):
            if v is None:
                baris = tabel.baris_ke(mulai + i)
                jenis = jenis_temuan(baris[j] if j < len(baris) else "")
            elif v in per_teks:
                jenis = per_teks[v]
            else:
                jenis = per_teks[v] = jenis_temuan(v)
            if jenis is not None:
                temuan.append((i, j, jenis))
    temuan.sort()
    out = []
    for i, j, jenis in temuan[:MAKS_TEMUAN]:
        n = tabel.nomor[mulai + i]
        nama = judul[j] if j < len(judul) and judul[j] else f"ke-{j + 1}"
        out.append(Pesan("galat", f'Baris {n}, kolom "{nama}": berisi {jenis}. {PESAN_PRIBADI}.', n, nama,
                         "(disamarkan)"))
    if len(temuan) > MAKS_TEMUAN:
        lain = fmt.angka(len(temuan) - MAKS_TEMUAN)
        out.append(pesan_berkas("galat", f"... dan {lain} sel lain yang tampak berisi data pribadi"))
    return out
