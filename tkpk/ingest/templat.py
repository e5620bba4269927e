"""Templates analysts hand to OPDs: the exact headers the validator expects, and what each column means.

The data sheet holds headers only (an example row uploaded by mistake would become data); examples live on
the "Penjelasan" sheet. The CSV is ``;``-separated UTF-8 with BOM, which Excel on an Indonesian PC opens
directly into columns.
"""

from __future__ import annotations

import io

from tkpk import katalog
from tkpk.ingest.kolom import KOLOM, Kolom

_TEMPAT = ("kode_wilayah", "nama_wilayah")
# Alternatives, explained but not in the header (a target names its indicator and value in columns of its own).
_LEWATI = {"kode_kec", "kecamatan", "desa", "indikator", "nilai"}
_LEWATI_TARGET = {"kode_kec", "kecamatan", "desa"}


def _lewati(jenis: str) -> set[str]:
    return _LEWATI_TARGET if jenis == "target" else _LEWATI


def _indikator_kolom() -> list[Kolom]:
    return [Kolom(i.kode, (), f"{i.nama} ({i.satuan}). {i.deskripsi} Sumber lazim: {i.sumber_baku}.",
                  contoh="") for i in katalog.INDIKATOR if not i.turunan]


def kolom_templat(jenis: str) -> list[Kolom]:
    dasar = [k for k in KOLOM[jenis] if k.nama not in _lewati(jenis)]
    if jenis != "indikator":
        return dasar
    sumber = [k for k in dasar if k.nama == "sumber"]
    return [k for k in dasar if k.nama != "sumber"] + _indikator_kolom() + sumber


def penjelasan(jenis: str) -> list[tuple[str, str, str, str]]:
    """(kolom, wajib?, penjelasan, contoh) for every template column and the accepted alternatives."""
    baris = [(k.nama, "wajib" if k.wajib else "pilihan", k.penjelasan, k.contoh) for k in kolom_templat(jenis)]
    alternatif = [k for k in KOLOM[jenis] if k.nama in _lewati(jenis)]
    baris += [(k.nama, "alternatif", k.penjelasan + " Nama judul lain yang diterima: " + ", ".join(k.sinonim),
               k.contoh) for k in alternatif]
    baris.append(("(umum)", "", "Angka boleh ditulis gaya Indonesia: 2,36 ; 1.234.567 ; Rp1.250.000 ; 12% (tanda % "
                  "dan Rp hanya di kolom yang memang persentase atau rupiah). Judul kolom boleh huruf besar/kecil. "
                  "Wilayah: isi kode Kemendagri atau nama; bila beberapa kolom wilayah diisi, semuanya harus "
                  "menunjuk wilayah yang sama.", ""))
    baris.append(("(satuan)", "", "Satuan di judul kolom dibaca: \"Jumlah Penduduk Miskin (ribu jiwa)\" dikali "
                  "1.000, \"Pagu (juta rupiah)\" dikali 1.000.000, \"(miliar)\" dikali 1.000.000.000. Persentase "
                  "\"(%)\" hanya untuk kolom persentase (p0, p0_ekstrem); \"Realisasi (%)\" ditolak, isi rupiahnya.",
                  ""))
    baris.append(("(sel kosong)", "", "Sel kosong berarti \"tidak dilaporkan di berkas ini\": nilai yang sudah "
                  "tersimpan tetap dipakai. Isi 0 bila nilainya memang nol.", ""))
    baris.append(("(data pribadi)", "", "Jangan unggah data pribadi: kolom nama orang, alamat, RT/RW, NIK/nomor KK, "
                  "atau sel berisi NIK 16 digit, RT/RW, \"Jl. … No. …\", \"Bapak/Ibu Nama\" ditolak. Jumlahkan dulu "
                  "per desa/kecamatan.", ""))
    return baris


def templat_csv(jenis: str) -> bytes:
    judul = ";".join(k.nama for k in kolom_templat(jenis))
    return ("\ufeff" + judul + "\r\n").encode("utf-8")


def templat_xlsx(jenis: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = jenis
    kolom = kolom_templat(jenis)
    ws.append([k.nama for k in kolom])
    for i, k in enumerate(kolom, start=1):
        ws.cell(row=1, column=i).font = Font(bold=True)
        ws.column_dimensions[get_column_letter(i)].width = max(12, len(k.nama) + 2)
        if k.nama in ("kode_wilayah", "kode_kab"):
            for r in range(2, 1001):  # codes as text, so Excel keeps 63.03.10 from turning into 63.031
                ws.cell(row=r, column=i).number_format = "@"
    info = wb.create_sheet("Penjelasan")
    info.append(["kolom", "status", "penjelasan", "contoh"])
    for baris in penjelasan(jenis):
        info.append(list(baris))
    for c in "ABCD":
        info[f"{c}1"].font = Font(bold=True)
    info.column_dimensions["A"].width = 22
    info.column_dimensions["C"].width = 100
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
