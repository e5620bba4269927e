"""Bytes of a CSV to text, for the encodings OPD files actually arrive in, without ever producing mojibake.

UTF-16 and UTF-8 (with or without BOM) are read as such; a file that is UTF-8 in some lines and Windows-1252 in
others (a line pasted from an old program) is read line by line; a file of Windows-1252 only is read as that. A
byte no encoding explains, or text that already carries traces of a wrong decoding, refuses the file naming the
line: a stored "â€“" would show on the projector.
"""

from __future__ import annotations

import codecs
import re

from tkpk.ingest.penyandian import PESAN_UTF16_RUSAK, utf16_tanpa_bom
from tkpk.ingest.pesan import Pesan


class BacaGagal(Exception):
    """The file cannot be read at all; the message is for the analyst."""


# Typical traces of text decoded with the wrong code page ("â€“" for "–", "Ã©" for "é", "Â " for a no-break space).
_MOJIBAKE = re.compile("â€|Ã[\u0080-\u00bf]|Â[\u00a0-\u00bf]")


def _cp1252_per_byte(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the bytes UTF-8 cannot explain, one at a time as Windows-1252; the valid UTF-8 around
    them stays UTF-8. A byte Windows-1252 leaves undefined (0x81, 0x8d, 0x8f, 0x90, 0x9d) is re-raised."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start:exc.end]
    return bad.decode("cp1252"), exc.end


codecs.register_error("tkpk_cp1252", _cp1252_per_byte)


def dekode_baris(data: bytes) -> tuple[str, list[int], bool]:
    """A file that is not UTF-8 as a whole, line by line: UTF-8 where the line is UTF-8; in a line that is not,
    each valid UTF-8 sequence as UTF-8 and each other byte as Windows-1252 (a "–" typed in UTF-8 beside an "é"
    pasted from an old program on the same line both survive). Returns the text, the (1-based) lines that held
    Windows-1252 bytes, and whether any line holds UTF-8 beyond ASCII (else the file is Windows-1252 only and
    every line is read wholly as Windows-1252, so "Ã©" typed in Windows-1252 is not taken for UTF-8 "é")."""
    baris_ = data.splitlines(keepends=True)
    utf8, campur, cp = [], [], []
    ada_utf8 = False
    for i, baris in enumerate(baris_, start=1):
        try:
            utf8.append(baris.decode("utf-8"))
            ada_utf8 = ada_utf8 or max(baris, default=0) >= 0x80
            campur.append(None)
            continue
        except UnicodeDecodeError:
            pass
        try:
            per_byte = baris.decode("utf-8", errors="tkpk_cp1252")
        except UnicodeDecodeError as exc:
            raise BacaGagal(f"Baris {i} berisi byte yang bukan UTF-8 maupun Windows-1252; simpan ulang berkas "
                            "sebagai CSV UTF-8 lalu unggah lagi.") from exc
        try:
            utuh = baris.decode("cp1252")
        except UnicodeDecodeError:
            utuh = None
        ada_utf8 = ada_utf8 or utuh != per_byte  # a valid multi-byte UTF-8 sequence inside the line
        utf8.append(per_byte)
        campur.append(utuh)
        cp.append(i)
    if not ada_utf8:  # Windows-1252 only: whole lines (every line decoded, as utuh == per_byte here)
        return "".join(t if c is None else c for t, c in zip(utf8, campur, strict=True)), cp, False
    return "".join(utf8), cp, True


def dekode(data: bytes) -> tuple[str, str, list[Pesan]]:
    """Text, encoding label, notes. A file is decoded as one encoding only when every line decodes in it; a file
    mixing UTF-8 lines with Windows-1252 lines (one line pasted from another program) is decoded line by line, so
    "–" never becomes "â€“"; text that already holds such traces is refused."""
    pesan: list[Pesan] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16", pesan
        except UnicodeDecodeError as exc:
            raise BacaGagal("Berkas bertanda UTF-16 tetapi isinya rusak.") from exc
    if (utf16 := utf16_tanpa_bom(data)) is not None:  # "Unicode text" some tools write without a BOM
        try:
            return data.decode(utf16), "UTF-16 (tanpa BOM)", pesan
        except UnicodeDecodeError as exc:
            raise BacaGagal(PESAN_UTF16_RUSAK) from exc
    bom = data.startswith(b"\xef\xbb\xbf")
    badan = data[3:] if bom else data
    if b"\x00" in badan:  # no text encoding but UTF-16 (handled above) puts NUL bytes in a CSV
        raise BacaGagal("Berkas ini bukan CSV teks (berisi data biner). Unggah CSV atau XLSX.")
    try:
        teks, label = badan.decode("utf-8"), "UTF-8 (BOM)" if bom else "UTF-8"
    except UnicodeDecodeError:
        teks, cp, utf8 = dekode_baris(badan)
        utf8 = utf8 or bom
        if utf8:
            label = "UTF-8 bercampur Windows-1252"
            daftar = ", ".join(str(i) for i in cp[:10]) + (" …" if len(cp) > 10 else "")
            pesan.append(Pesan("peringatan", f"Berkas bercampur: baris {daftar} memuat huruf dalam Windows-1252, "
                                             "sisanya dalam UTF-8; setiap huruf dibaca dengan pengodeannya sendiri. "
                                             "Periksa huruf khusus (–, é, ’) di baris itu pada pratinjau."))
        else:
            label = "Windows-1252"
    m = _MOJIBAKE.search(teks) if ("â" in teks or "Ã" in teks or "Â" in teks) else None
    if m is not None:
        baris = teks.count("\n", 0, m.start()) + 1
        raise BacaGagal(f'Baris {baris}{_kolom_di(teks, m.start())} berisi teks rusak ("{m.group(0)}…", tanda berkas '
                        "yang pernah dibuka dengan pengodean yang salah, mis. \"â€“\" untuk \"–\"); perbaiki teks "
                        "itu lalu unggah lagi.")
    return teks, label, pesan


def _kolom_di(teks: str, posisi: int) -> str:
    """', kolom "X"' for a position in the text: the delimiter is the one the first line uses most (the reader
    has not run yet at this point), the column is counted from the line's start; empty when unsure."""
    awal = teks.rfind("\n", 0, posisi) + 1
    judul = teks.split("\n", 1)[0].rstrip("\r")
    pemisah = max((";", ",", "\t"), key=judul.count)
    if judul.count(pemisah) == 0 or '"' in teks[awal:posisi]:
        return ""
    j = teks.count(pemisah, awal, posisi)
    nama = judul.split(pemisah)
    return f', kolom "{nama[j].strip()}"' if j < len(nama) and nama[j].strip() else f", kolom ke-{j + 1}"
