"""BPS's own table layout, read as it is downloaded.

A BPS table of kab/kota figures puts the indicator in a merged header with its unit and the years in the row
below it, one column per year:

    Kabupaten/Kota | Jumlah Penduduk Miskin (Ribu Jiwa) |       |       | Persentase Penduduk Miskin (%) | ...
                   | 2022                               | 2023  | 2024  | 2022                           | ...
    Banjar         | 14,68                              | 14,45 | 14,46 | 2,40                           | ...
    Sumber: BPS, Survei Sosial Ekonomi Nasional (Susenas) Maret

:func:`tahun_ke_baris` turns it into the template's shape (one row per place and year, a ``tahun`` column), so
the same checks and messages apply; Excel row numbers stay those of the original rows. Units in the headers are
then read as for any file (ribu jiwa × 1.000), and the footnote becomes the source.
"""

from __future__ import annotations

from tkpk.ingest.kolom import petakan
from tkpk.ingest.reader import Sel, Tabel


def _tahun(v: Sel) -> int | None:
    s = str(int(v)) if isinstance(v, float) and v.is_integer() else str(v).strip()
    return int(s) if s.isdigit() and len(s) == 4 and 2000 <= int(s) <= 2100 else None


def tahun_ke_baris(tabel: Tabel, i_judul: int) -> tuple[Tabel, str] | None:
    """The table with one row per place and year, and a note saying so; ``None`` when it has no year row."""
    if i_judul + 1 >= tabel.jumlah:
        return None
    judul = [str(v).strip() for v in tabel.baris_ke(i_judul)]
    bawah = tabel.baris_ke(i_judul + 1)
    tahun_kolom = {j: t for j, v in enumerate(bawah) if (t := _tahun(v)) is not None}
    if not tahun_kolom or any(not (isinstance(v, str) and not v.strip()) and j not in tahun_kolom
                              for j, v in enumerate(bawah)):
        return None  # the row below the header is data (or something else), not a row of years
    # the indicator of each year column: its own header, or the merged header to its left
    indikator: dict[int, str] = {}
    for j in sorted(tahun_kolom):
        k = j
        while k >= 0 and (k >= len(judul) or not judul[k]):
            k -= 1
        if k < 0:
            return None
        indikator[j] = judul[k]
    peta = petakan(list(indikator.values()), "bps")
    if not peta.kolom:
        return None
    tetap = [j for j in range(len(judul)) if j not in tahun_kolom and judul[j]]
    nama_ind = list(dict.fromkeys(indikator.values()))
    daftar_tahun = sorted(set(tahun_kolom.values()))
    baris: list[list[Sel]] = [list(tabel.baris_ke(i)) for i in range(i_judul)]
    baris.append([judul[j] for j in tetap] + ["tahun"] + nama_ind)
    nomor = list(tabel.nomor[:i_judul + 1])
    for i in range(i_judul + 2, tabel.jumlah):
        row = tabel.baris_ke(i)
        sel = [row[j] if j < len(row) else "" for j in tetap]
        for t in daftar_tahun:
            nilai: dict[str, Sel] = {}
            for j, tj in tahun_kolom.items():
                if tj == t:
                    nilai[indikator[j]] = row[j] if j < len(row) else ""
            if all(isinstance(v, str) and not v.strip() for v in nilai.values()):
                continue  # no figure for this year: BPS leaves the cell empty, nothing to report
            baris.append([*sel, t, *[nilai.get(n, "") for n in nama_ind]])
            nomor.append(tabel.nomor[i])
    out = Tabel(baris, nomor, tabel.format, tabel.pemisah, tabel.encoding, tabel.lembar, tabel.catatan)
    out.pesan, out.rumus_kosong, out.tautan_luar = tabel.pesan, tabel.rumus_kosong, tabel.tautan_luar
    teks_tahun = ", ".join(str(t) for t in daftar_tahun)
    return out, (f"Tabel BPS dengan satu kolom per tahun ({teks_tahun}) di bawah judul indikator dibaca sebagai satu "
                 "baris per wilayah dan tahun; nomor baris tetap nomor baris di Excel")
