"""One year, one answer: for every year and both levels the export's pockets (the workbook's "Lokasi prioritas"),
the map page's pockets (the outlined places of its default view) and the rakor slide's pockets (the map slide)
are the same places."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from tkpk.charts.geodata import fitur_dari

# Slow (minutes on 2 cores: whole-store exports, attacker models or award years): `make test-full` runs it.
pytestmark = pytest.mark.lambat

TINGKAT_LEMBAR = {"kecamatan": "kecamatan", "desa": "desa/kelurahan"}


@pytest.fixture(scope="module")
def lokasi_prioritas(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[int, dict[str, set]]:
    """Pocket codes per year and level, read back from each year's exported workbook (the CLI's own writer).
    On a copy of the store: the export opens it read-only, which DuckDB refuses beside the app's connection."""
    from tkpk.ekspor.workbook import buku_kerja
    from tkpk.rakor.tahun import muat, tahun_program
    from tkpk.toko.db import connect

    salinan = tmp_path_factory.mktemp("sama") / "tkpk.duckdb"
    shutil.copy(store_path, salinan)
    con = connect(salinan, read_only=True)
    try:
        out: dict[int, dict[str, set]] = {}
        for th in tahun_program(con):
            ws = openpyxl.load_workbook(io.BytesIO(buku_kerja(muat(con, th))))["Lokasi prioritas"]
            kepala = [c.value for c in ws[2]]
            i_t, i_k = kepala.index("Tingkat"), kepala.index("Kode wilayah")
            baris = list(ws.iter_rows(min_row=3, values_only=True))
            out[th] = {t: {r[i_k] for r in baris if r[i_t] == lembar} for t, lembar in TINGKAT_LEMBAR.items()}
        return out
    finally:
        con.close()


def _peta_halaman(at) -> set[str]:
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    return {f["kode"] for f in fitur_dari(spec["layer"][0]["data"]) if f.get("kantong")}


def _peta_slide(at) -> set[str]:
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    return {f["kode"] for f in fitur_dari(spec["layer"][0]["data"]) if f.get("kantong") == "kantong"}


def _tahun(at, th: int):
    """AppTest enters through Ringkasan, which keeps only its own (BPS) years in the address: set the year here."""
    pilih = [s for s in at.selectbox if s.key == "url_tahun"]
    if pilih and pilih[0].value != th:
        pilih[0].set_value(th).run()
    return at


def _slide_peta(th: int):
    """The map slide of year ``th``: the address is set again after Ringkasan's first run (see :func:`_tahun`)."""
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["agenda"] = "peta"
    at.run()
    at.query_params["tahun"] = str(th)
    at.switch_page("pages/presentasi.py")
    at.run()
    return at


def test_export_map_page_and_slides_name_the_same_pockets(run_page, lokasi_prioritas):
    assert sorted(lokasi_prioritas) == list(range(2018, 2026))  # the sample programs run to 2025 (issue 18)
    for th, per_tingkat in lokasi_prioritas.items():
        for tingkat in ("kecamatan", "desa"):
            at = _tahun(run_page("pages/peta.py", {"tingkat": tingkat, "tahun": str(th)}), th)
            assert not at.exception, (th, tingkat, at.exception)
            assert _peta_halaman(at) == per_tingkat[tingkat], (th, tingkat)
        at = _slide_peta(th)
        assert not at.exception, (th, at.exception)
        # the slide's map shows desa pockets (kecamatan pockets have no slide of their own)
        assert _peta_slide(at) == per_tingkat["desa"], th
        assert per_tingkat["desa"], th
    # the workbook used to list no kecamatan pockets in 2023 and 2024 while the map showed two
    assert lokasi_prioritas[2024]["kecamatan"] and lokasi_prioritas[2023]["kecamatan"]
