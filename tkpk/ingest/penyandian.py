"""Two reader situations that used to reach the analyst as library words: UTF-16 text without a byte-order mark
(was "data biner") and the csv module's own errors, such as a cell over its size limit (was English).

Kept apart from :mod:`tkpk.ingest.reader` so the reader stays about reading.
"""

from __future__ import annotations

PESAN_UTF16_RUSAK = ("Berkas tampaknya teks UTF-16 tanpa tanda BOM, tetapi isinya rusak. Simpan ulang dari Excel "
                     "sebagai CSV UTF-8, lalu unggah lagi.")


def utf16_tanpa_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when the bytes look like UTF-16 without a byte-order mark (what some tools write
    as "Unicode text"): in Latin text every other byte is zero, on the same side throughout."""
    contoh = data[:4096]
    pasang = len(contoh) // 2
    if pasang < 8:
        return None
    nol_genap = contoh[0:pasang * 2:2].count(0) / pasang
    nol_ganjil = contoh[1:pasang * 2:2].count(0) / pasang
    if nol_ganjil > 0.4 and nol_genap < 0.02:
        return "utf-16-le"
    if nol_genap > 0.4 and nol_ganjil < 0.02:
        return "utf-16-be"
    return None


def pesan_csv(teks: str, baris: int, batas_sel: int) -> str:
    """The csv module's error ``teks`` at line ``baris`` as an Indonesian message (never the library's words)."""
    if "field larger than field limit" in teks:
        batas = f"{batas_sel:,}".replace(",", ".")
        return (f"Baris {baris}: sebuah sel berisi lebih dari {batas} karakter, melebihi batas satu sel CSV. "
                "Biasanya karena tanda kutip (\") yang tidak ditutup atau isi sel yang terlalu panjang; periksa "
                "baris itu di Excel lalu simpan ulang.")
    if "new-line character" in teks:
        return (f"Baris {baris}: ada ganti baris di tengah sel tanpa tanda kutip. Simpan ulang berkas dari Excel "
                "sebagai CSV, lalu unggah lagi.")
    return (f"Baris {baris}: CSV tidak dapat dibaca (tanda kutip atau pemisah tidak beraturan). Simpan ulang berkas "
            "dari Excel sebagai CSV, lalu unggah lagi.")
