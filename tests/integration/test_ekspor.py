"""The export on the bundled store: workbook sheets and totals equal the store, one-page PDFs, PNG sizes, CLI."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest

from tkpk.ekspor import cli, gambar
from tkpk.ekspor.pdf import satu_halaman
from tkpk.ekspor.workbook import LEMBAR

# Slow (minutes on 2 cores: whole-store exports, attacker models or award years): `make test-full` runs it.
pytestmark = pytest.mark.lambat

TAHUN = 2024


@pytest.fixture(scope="module")
def salinan(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the bundled store: the export opens its file read-only, which DuckDB refuses in a process that
    already holds the same file open otherwise (as the app-layer tests' cached connection may)."""
    p = tmp_path_factory.mktemp("ekspor_db") / "tkpk.duckdb"
    shutil.copy(store_path, p)
    return p


@pytest.fixture
def keluaran(ekspor_2024: Path) -> Path:
    """The session's 2024 export (tests/conftest.py), shared with the artefact-label tests."""
    assert TAHUN == 2024
    return ekspor_2024


def _sql(db: Path, q: str) -> float:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return float(con.execute(q).fetchone()[0])
    finally:
        con.close()


def _kolom(ws, nama: str) -> list:
    """A column by its header (row 2; row 1 is the sheet's title row)."""
    kepala = [c.value for c in ws[2]]
    i = kepala.index(nama)
    return [r[i] for r in ws.iter_rows(min_row=3, values_only=True)]


def test_workbook_sheets_in_chapter_order(keluaran: Path):
    wb = openpyxl.load_workbook(keluaran / f"lp2kd_rpkd_{TAHUN}.xlsx")
    assert wb.sheetnames == LEMBAR
    for ws in wb:
        assert ws.freeze_panes == "A3"
        assert ws["A1"].font.bold and ws["A2"].font.bold
        assert ws["A1"].value.startswith(f"{ws.title} — Kabupaten Banjar {TAHUN}")
        assert "data per batch" in ws["A1"].value


def test_program_and_opd_totals_equal_the_store(keluaran: Path, salinan: Path):
    wb = openpyxl.load_workbook(keluaran / f"lp2kd_rpkd_{TAHUN}.xlsx")
    pagu = _sql(salinan, f"SELECT sum(pagu) FROM v_intervensi WHERE tahun = {TAHUN}")
    realisasi = _sql(salinan, f"SELECT sum(realisasi) FROM v_intervensi WHERE tahun = {TAHUN}")
    penerima = _sql(salinan, f"SELECT sum(penerima) FROM v_intervensi WHERE tahun = {TAHUN}")
    for lembar in ("Program per pilar", "Capaian per OPD"):
        ws = wb[lembar]
        assert sum(v or 0 for v in _kolom(ws, "Pagu (Rp)")) == pytest.approx(pagu)
        assert sum(v or 0 for v in _kolom(ws, "Realisasi (Rp)")) == pytest.approx(realisasi)
    # beneficiaries: each program in its own unit; a program's hidden count ("< 5", or a complement "disamarkan")
    # is the only thing the sheet may leave out of the store's total
    ws = wb["Program per pilar"]
    nilai = [v for v in _kolom(ws, "Penerima") if v is not None]
    tersembunyi = [v for v in nilai if isinstance(v, str)]
    assert set(tersembunyi) <= {"< 5", "disamarkan"}
    tampak = sum(v for v in nilai if not isinstance(v, str))
    assert tampak < penerima if tersembunyi else tampak == pytest.approx(penerima)
    assert set(_kolom(ws, "Satuan penerima")) >= {"KK", "jiwa", "tanpa satuan"}
    # an OPD adds beneficiaries only within a unit: a text per unit, no cross-unit number
    opd = _kolom(wb["Capaian per OPD"], "Penerima/target (per satuan)")
    assert any(" KK" in t for t in opd) and "Penerima" not in [c.value for c in wb["Capaian per OPD"][2]]
    assert all(isinstance(v, (int, float)) for v in _kolom(ws, "Pagu (Rp)"))
    i = [c.value for c in ws[2]].index("Serapan (%)")
    assert ws.cell(row=3, column=i + 1).number_format == '0.00"%"'
    assert ws.cell(row=3, column=[c.value for c in ws[2]].index("Pagu (Rp)") + 1).number_format == '"Rp"#,##0'


def test_profile_sheet_holds_the_bps_series(keluaran: Path, salinan: Path):
    ws = openpyxl.load_workbook(keluaran / f"lp2kd_rpkd_{TAHUN}.xlsx")["Profil kemiskinan"]
    rows = {(r[0], r[1]): r[3] for r in ws.iter_rows(min_row=3, values_only=True)}
    assert rows[(2024, "63.03")] == pytest.approx(2.36)
    n = _sql(salinan, "SELECT count(*) FROM v_kemiskinan_kabupaten")
    assert ws.max_row - 2 == n


def test_pockets_sheet_lists_reasons(keluaran: Path):
    ws = openpyxl.load_workbook(keluaran / f"lp2kd_rpkd_{TAHUN}.xlsx")["Lokasi prioritas"]
    alasan = _kolom(ws, "Alasan")
    assert alasan and all("% penduduk desil 1–4" in a for a in alasan)
    assert _kolom(ws, "Peringkat")[0] == 1


def test_pdfs_have_one_page_each(keluaran: Path):
    pdfs = sorted((keluaran / "pdf").glob("*.pdf"))
    jenis = {p.name.split("_")[0] for p in pdfs}
    assert jenis == {"pilar", "opd", "kecamatan", "dua", "notulen"}
    assert [p.name for p in pdfs if p.name.startswith("dua")] == [f"dua_angka_{TAHUN}.pdf"]
    assert len([p for p in pdfs if p.name.startswith("pilar")]) == 4
    assert len([p for p in pdfs if p.name.startswith("kecamatan")]) == 20
    for p in pdfs:
        data = p.read_bytes()
        assert data.startswith(b"%PDF"), p.name
        assert satu_halaman(data) == 1, p.name


def test_chart_images_png_at_scale_two_and_svg(keluaran: Path):
    pngs = sorted((keluaran / "gambar").glob("*.png"))
    assert {p.stem.rsplit("_", 1)[0] for p in pngs} >= {"tren_p0", "peta_kantong", "pilar_1", "pilar_4"}
    for p in pngs:
        w, h = gambar.ukuran_png(p.read_bytes())
        assert w >= 2 * 600 and h > 400, p.name
        svg = p.with_suffix(".svg").read_text(encoding="utf-8")
        assert svg.lstrip().startswith("<svg") and "Sumber:" in svg


def test_png_is_twice_the_chart_size(salinan: Path):
    from tkpk.charts.tren import grafik_tren
    from tkpk.toko.db import connect
    from tkpk.tren import data as tren

    con = connect(salinan, read_only=True)
    try:
        seri = tren.seri_bps(con, "p0")
    finally:
        con.close()
    chart = grafik_tren(seri.data, judul="P0", satuan=seri.satuan)
    satu = gambar.ukuran_png(gambar.ke_png(chart, sumber="BPS", skala=1, lebar=700))
    dua = gambar.ukuran_png(gambar.ke_png(chart, sumber="BPS", skala=2, lebar=700))
    assert satu[0] > 700
    assert abs(dua[0] - 2 * satu[0]) <= 2 and abs(dua[1] - 2 * satu[1]) <= 2
    svg = gambar.ke_svg(chart, sumber="BPS")
    assert "2,4" in svg or "2,6" in svg  # the Indonesian locale travels into the image


def test_cli_exit_codes(salinan: Path, tmp_path: Path):
    assert cli.main(["--out", str(tmp_path / "a"), "--db", str(tmp_path / "tidak_ada.duckdb")]) == 2
    assert cli.main(["--year", "1990", "--out", str(tmp_path / "b"), "--db", str(salinan)]) == 2
    assert not (tmp_path / "b").exists()
    berkas = tmp_path / "berkas.txt"
    berkas.write_text("x")
    assert cli.main(["--out", str(berkas), "--db", str(salinan)]) == 2
    assert cli.main(["--year", "bukan-angka", "--out", str(tmp_path / "c")]) == 2


def test_through_the_main_cli(keluaran: Path):
    """The shared export runs through ``python -m tkpk export`` (``tkpk.cli``), which hands its arguments on;
    ``--tanpa-gambar`` is exercised in test_penyerang.py and test_rakor_contoh.py."""
    wb = openpyxl.load_workbook(io.BytesIO((keluaran / f"lp2kd_rpkd_{TAHUN}.xlsx").read_bytes()))
    assert wb.sheetnames[-1] == "Sumber"


def _teks_pdf(data: bytes) -> str:
    """The text drawing operators of an fpdf2 PDF (its page streams are zlib-compressed)."""
    import re
    import zlib

    bagian = []
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            bagian.append(zlib.decompress(m.group(1)).decode("latin-1"))
        except zlib.error:
            continue
    return "\n".join(bagian)


def test_two_numbers_sheet_and_brief(keluaran: Path):
    wb = openpyxl.load_workbook(keluaran / f"lp2kd_rpkd_{TAHUN}.xlsx")
    ws = wb["Dua angka"]
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    p0 = rows["Susenas: persentase penduduk miskin (P0)"]
    assert p0[2] == pytest.approx(2.36) and p0[5] == "angka BPS dikutip media"  # never "BPS" for a quote
    assert rows["Susenas: posisi P0 di Kalimantan Selatan"][4] == "terendah dari 12 kab/kota"
    register = [r for r in ws.iter_rows(min_row=2, values_only=True) if str(r[0]).startswith("Register: Penduduk "
                                                                                               "miskin menurut regist")]
    assert {(r[1], r[2]) for r in register} == {(2024, 161726), (2025, 172697)}
    assert "11 kali angka BPS" in rows["Mengapa berbeda"][4]
    assert any(r[0] == "Konflik di angka register" and "hampir sama" in r[4]
               for r in ws.iter_rows(min_row=2, values_only=True))
    teks = _teks_pdf((keluaran / "pdf" / f"dua_angka_{TAHUN}.pdf").read_bytes())
    assert "14.461 jiwa" in teks and "161.726 jiwa" in teks and "1 dari 12" in teks
    assert "angka BPS dikutip media" in teks and "hampir sama" in teks


def test_target_sheet_lists_target_against_realisation(keluaran: Path):
    ws = openpyxl.load_workbook(keluaran / f"lp2kd_rpkd_{TAHUN}.xlsx")["Target dan realisasi"]
    rows = list(ws.iter_rows(min_row=3, values_only=True))  # row 1 is the sheet's title row, row 2 the header
    kepala = [c.value for c in ws[2]]
    r = {(x[kepala.index("Tahun")], x[kepala.index("Indikator")]): x for x in rows}
    p0 = r[(2021, "Persentase penduduk miskin (P0)")]
    assert p0[kepala.index("Target")] == pytest.approx(2.93) and p0[kepala.index("Realisasi")] == pytest.approx(3.04)
    assert p0[kepala.index("Status")] == "belum tercapai"
    assert p0[kepala.index("Jenis sumber target")] == "dikutip pejabat"
    ekstrem = r[(2024, "Persentase penduduk miskin ekstrem")]
    assert ekstrem[kepala.index("Status")] == "belum ada angka realisasi"


def test_profile_sheet_says_what_kind_of_source_each_row_has(keluaran: Path):
    ws = openpyxl.load_workbook(keluaran / f"lp2kd_rpkd_{TAHUN}.xlsx")["Profil kemiskinan"]
    kepala = [c.value for c in ws[2]]
    rows = {(r[0], r[1]): r for r in ws.iter_rows(min_row=3, values_only=True)}
    jenis, catatan = kepala.index("Jenis sumber P0"), kepala.index("Catatan")
    assert rows[(2014, "63.03")][jenis] == "dikutip pejabat, bukan dari tabel BPS"
    assert "tanpa menyebut BPS" in rows[(2014, "63.03")][catatan]
    assert rows[(2013, "63")][jenis] == "BPS"
    assert {r[jenis] for r in rows.values()} <= {None, "BPS", "angka BPS dikutip media",
                                                  "dikutip pejabat, bukan dari tabel BPS", "data instansi"}


def test_few_comparators_give_no_rank_in_workbook_and_brief(salinan: Path):
    from tkpk.ekspor.dua_angka_lembar import lembar_dua_angka
    from tkpk.ekspor.dua_angka_pdf import brief_dua_angka
    from tkpk.toko.db import connect
    from tkpk.tren.dua_angka import dua_angka

    con = connect(salinan, read_only=True)
    try:
        d = dua_angka(con, 2019)
    finally:
        con.close()
    lembar = lembar_dua_angka(d).set_index("Bagian")
    assert lembar.loc["Susenas: posisi P0 di Kalimantan Selatan", "Keterangan"] == "belum cukup pembanding (2 kab/kota)"
    assert pd.isna(lembar.loc["Susenas: posisi P0 di Kalimantan Selatan", "Nilai"])
    teks = _teks_pdf(brief_dua_angka(d))
    assert "belum cukup pembanding \\(2 kab/kota\\)" in teks and "dari 2" not in teks
