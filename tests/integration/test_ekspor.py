"""The export on the bundled store: workbook sheets and totals equal the store, one-page PDFs, PNG sizes, CLI."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import duckdb
import openpyxl
import pytest

from tkpk.ekspor import cli, gambar
from tkpk.ekspor.pdf import satu_halaman
from tkpk.ekspor.workbook import LEMBAR

TAHUN = 2024


@pytest.fixture(scope="module")
def salinan(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the bundled store: the export opens its file read-only, which DuckDB refuses in a process that
    already holds the same file open otherwise (as the app-layer tests' cached connection may)."""
    p = tmp_path_factory.mktemp("ekspor_db") / "tkpk.duckdb"
    shutil.copy(store_path, p)
    return p


@pytest.fixture(scope="module")
def keluaran(salinan: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ekspor")
    assert cli.main(["--year", str(TAHUN), "--out", str(out), "--db", str(salinan)]) == 0
    return out


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
    # beneficiaries: each program in its own unit (no program of the sample is all small places)
    ws = wb["Program per pilar"]
    assert sum(v or 0 for v in _kolom(ws, "Penerima")) == pytest.approx(penerima)
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
    assert alasan and all("persen miskin" in a for a in alasan)
    assert _kolom(ws, "Peringkat")[0] == 1


def test_pdfs_have_one_page_each(keluaran: Path):
    pdfs = sorted((keluaran / "pdf").glob("*.pdf"))
    jenis = {p.name.split("_")[0] for p in pdfs}
    assert jenis == {"pilar", "opd", "kecamatan"}
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
    from tkpk import tren
    from tkpk.charts.tren import grafik_tren
    from tkpk.db import connect

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


def test_through_the_main_cli_without_images(salinan: Path, tmp_path: Path):
    from tkpk.cli import main

    assert main(["export", "--out", str(tmp_path), "--db", str(salinan), "--tanpa-gambar"]) == 0
    assert (tmp_path / f"lp2kd_rpkd_{TAHUN}.xlsx").exists()
    wb = openpyxl.load_workbook(io.BytesIO((tmp_path / f"lp2kd_rpkd_{TAHUN}.xlsx").read_bytes()))
    assert wb.sheetnames[-1] == "Sumber"
