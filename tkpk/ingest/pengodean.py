"""Bytes of a CSV to text, for the encodings OPD files actually arrive in, without ever producing mojibake.

UTF-16 and UTF-8 (with or without BOM) are read as such; a file that is UTF-8 in some lines and Windows-1252 in
others (a line pasted from an old program) is read line by line; a file of Windows-1252 only is read as that. A
byte no encoding explains, or text that already carries traces of a wrong decoding, refuses the file naming the
line: a stored "â€“" would show on the projector.
"""

from __future__ import annotations

import re

from tkpk.ingest.penyandian import PESAN_UTF16_RUSAK, utf16_tanpa_bom
from tkpk.ingest.pesan import Pesan


class BacaGagal(Exception):
    """The file cannot be read at all; the message is for the analyst."""


# Typical traces of text decoded with the wrong code page ("â€“" for "–", "Ã©" for "é", "Â " for a no-break space).
_MOJIBAKE = re.compile("â€|Ã[\u0080-\u00bf]|Â[\u00a0-\u00bf]")


def dekode_baris(data: bytes) -> tuple[str, list[int]]:
    """A file that is not UTF-8 as a whole, line by line: UTF-8 where the line is UTF-8, Windows-1252 elsewhere.
    Returns the text and the (1-based) lines read as Windows-1252."""
    teks, cp = [], []
    for i, baris in enumerate(data.splitlines(keepends=True), start=1):
        try:
            teks.append(baris.decode("utf-8"))
        except UnicodeDecodeError:
            try:
                teks.append(baris.decode("cp1252"))
            except UnicodeDecodeError as exc:
                raise BacaGagal(f"Baris {i} berisi byte yang bukan UTF-8 maupun Windows-1252; simpan ulang berkas "
                                "sebagai CSV UTF-8 lalu unggah lagi.") from exc
            cp.append(i)
    return "".join(teks), cp


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
        teks, cp = dekode_baris(badan)
        lain = set(cp)
        utf8 = bom or any(max(baris, default=0) >= 0x80 for i, baris in enumerate(badan.splitlines(), start=1)
                          if i not in lain)  # a line with non-ASCII bytes that is valid UTF-8
        if utf8:
            label = "UTF-8 bercampur Windows-1252"
            daftar = ", ".join(str(i) for i in cp[:10]) + (" …" if len(cp) > 10 else "")
            pesan.append(Pesan("peringatan", f"Berkas bercampur: baris {daftar} ditulis dalam Windows-1252, baris "
                                             "lain dalam UTF-8; setiap baris dibaca dengan pengodeannya sendiri. "
                                             "Periksa huruf khusus (–, é, ’) di baris itu pada pratinjau."))
        else:
            label = "Windows-1252"
    m = _MOJIBAKE.search(teks) if ("â" in teks or "Ã" in teks or "Â" in teks) else None
    if m is not None:
        baris = teks.count("\n", 0, m.start()) + 1
        raise BacaGagal(f'Baris {baris} berisi teks rusak ("{m.group(0)}…", tanda berkas yang pernah dibuka dengan '
                        "pengodean yang salah, mis. \"â€“\" untuk \"–\"); perbaiki teks itu lalu unggah lagi.")
    return teks, label, pesan
