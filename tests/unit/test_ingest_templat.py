"""Templates carry exactly the headers the validator accepts, and a filled template validates."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tkpk.ingest.reader import baca
from tkpk.ingest.templat import kolom_templat, templat_csv, templat_xlsx
from tkpk.ingest.validasi import validasi
from tkpk.ingest.wilayah import Pencocok

ROOT = Path(__file__).resolve().parents[2]
ISI = {
    "indikator": {"tahun": "2025", "kode_wilayah": "63.03.01", "penduduk": "1.000", "penduduk_miskin": "50"},
    "intervensi": {"tahun": "2025", "pilar": "2", "opd": "DisperkimLH", "program": "Bedah rumah",
                   "pagu": "Rp1.250.000.000", "realisasi": "Rp1.100.000.000"},
    "bps": {"tahun": "2025", "kode_kab": "63.03", "p0": "2,36", "penduduk_miskin": "14.461", "p0_ekstrem": "0,25",
            "penduduk_miskin_ekstrem": "1.530", "jenis_sumber": "bps"},
    "target": {"tahun": "2026", "indikator": "p0", "nilai": "2,10", "dokumen": "RPJMD 2021–2026",
               "sumber": "Perda Kab. Banjar 2/2021, Tabel 5.3"},
}
JENIS = ["indikator", "intervensi", "bps", "target"]


@pytest.mark.parametrize("jenis", JENIS)
def test_filled_csv_template_validates(jenis: str):
    kolom = [k.nama for k in kolom_templat(jenis)]
    data = templat_csv(jenis) + (";".join(ISI[jenis].get(k, "") for k in kolom) + "\r\n").encode()
    tabel = baca(data, "t.csv", jenis)
    h = validasi(tabel, jenis, Pencocok.dari_csv(ROOT / "data" / "wilayah_banjar.csv"), "t.csv")
    assert h.diterima, [str(x) for x in h.pesan]
    assert h.pesan == [] and len(h.data) >= 1


@pytest.mark.parametrize("jenis", JENIS)
def test_xlsx_template_has_explanations(jenis: str):
    wb = load_workbook(io.BytesIO(templat_xlsx(jenis)))
    assert wb.sheetnames == [jenis, "Penjelasan"]
    judul = [c.value for c in wb[jenis][1]]
    assert judul == [k.nama for k in kolom_templat(jenis)]
    dijelaskan = {r[0].value for r in wb["Penjelasan"].iter_rows(min_row=2)}
    assert set(judul) <= dijelaskan


@pytest.mark.parametrize(("jenis", "kolom"), [
    ("bps", {"p0_ekstrem", "penduduk_miskin_ekstrem", "jenis_sumber"}), ("indikator", {"jenis_sumber"}),
    ("intervensi", {"satuan_penerima"}), ("target", {"tahun", "kode_wilayah", "indikator", "nilai", "dokumen",
                                                    "sumber", "jenis_sumber", "rincian"}),
])
def test_new_columns_are_in_the_templates(jenis: str, kolom: set[str]):
    assert kolom <= {k.nama for k in kolom_templat(jenis)}
