"""Sample data labelled in every artefact, opened the way a user gets it: the bytes behind every download button
of the map, pillar and trend pages (CSV, XLSX, PNG, SVG), every slide's body, every sheet of the workbook and
every exported PDF and chart image. Each also names the store state it reflects (newest batch and date)."""

from __future__ import annotations

import io
import re
import zlib
from pathlib import Path

import openpyxl
import pytest

from tkpk import SUMBER_CONTOH
from tkpk.ekspor.gambar import keterangan_png
from tkpk.pilar import tabel as pilar_tabel
from tkpk.rakor import agenda as ag

KEADAAN = re.compile(r"data per batch \d+ \(\d{1,2} \w+ \d{4}\)")
# Downloads that hold only BPS figures (real data): they name their source and the store state, not the label.
NYATA = ("tren_", "kalsel_", "peta_kalsel_")


def _isi(u: dict) -> bytes:
    data = u["data"]() if callable(u["data"]) else u["data"]
    return data.encode("utf-8") if isinstance(data, str) else bytes(data)


def _teks_xlsx(data: bytes) -> list[str]:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return [str(c) for ws in wb for r in ws.iter_rows(values_only=True) for c in r if c is not None]


def _periksa(u: dict) -> None:
    nama, data = u["nama"], _isi(u)
    contoh = not nama.startswith(NYATA)
    if nama.endswith(".csv"):
        baris = data.decode("utf-8-sig").splitlines()
        assert "Sumber data" in baris[0].split(";"), nama
        assert KEADAAN.search(baris[1]), nama
        assert (SUMBER_CONTOH in baris[1]) == contoh, nama   # first data row carries the label
    elif nama.endswith(".xlsx"):
        teks = " ".join(_teks_xlsx(data))
        assert KEADAAN.search(teks) and (SUMBER_CONTOH in teks) == contoh, nama
    elif nama.endswith(".png"):
        ket = keterangan_png(data).get("Description", "")
        assert KEADAAN.search(ket) and (SUMBER_CONTOH in ket) == contoh, nama
    elif nama.endswith(".svg"):
        teks = data.decode("utf-8")
        assert "Keadaan data: data per batch" in teks and (SUMBER_CONTOH in teks) == contoh, nama
    else:
        raise AssertionError(nama)


@pytest.mark.parametrize(("halaman", "query", "minimal"), [
    ("pages/peta.py", {"tingkat": "desa", "tahun": "2024", "bagian": "Kantong kemiskinan"}, 2),
    ("pages/peta.py", {"tingkat": "desa", "tahun": "2024", "bagian": "Tepat sasaran"}, 2),
    ("pages/peta.py", {"tingkat": "kecamatan", "tahun": "2023", "aturan": "moran", "bagian": "Kantong kemiskinan"}, 2),
    ("pages/pilar.py", {"pilar": "1", "tahun": "2024"}, 8),
    # each further pillar and year pays its first scorecard (5–14 s): in `make test-full`, not the fast loop
    pytest.param("pages/pilar.py", {"pilar": "2", "tahun": "2024", "opd": "DISPERKIMLH"}, 8, marks=pytest.mark.lambat),
    pytest.param("pages/pilar.py", {"pilar": "3", "tahun": "2022"}, 8, marks=pytest.mark.lambat),
    pytest.param("pages/pilar.py", {"pilar": "4", "tahun": "2024"}, 8, marks=pytest.mark.lambat),
    ("pages/tren.py", {}, 4),   # one tab at a time
    ("pages/tren.py", {"bagian": "Posisi di Kalsel"}, 4),
    ("pages/tren.py", {"bagian": "Per kecamatan"}, 4),
])
def test_every_download_carries_its_label_and_store_state(run_page, unduhan, halaman, query, minimal):
    # Kinerja pilar draws one tab at a time (?bagian=): every tab of the view, its downloads together
    for bagian in pilar_tabel.BAGIAN if halaman == "pages/pilar.py" else [None]:
        at = run_page(halaman, {**query, **({"bagian": bagian} if bagian else {})})
        assert not at.exception, (bagian, at.exception)
    dari_halaman = {u["nama"]: u for u in unduhan}   # the last run of each tab
    assert len(dari_halaman) >= minimal
    for u in dari_halaman.values():
        _periksa(u)


@pytest.mark.lambat  # every slide at two sizes, 14 s: in `make test-full`, not the fast loop
def test_every_slide_with_sample_data_shows_the_label_in_its_body(run_page):
    for layar in ("1080", "720"):
        at = run_page("pages/presentasi.py", {"tahun": "2024", "layar": layar})
        # the deck, not the agenda: at 1280×720 the follow-up takes two slides ("(1/2)", "(2/2)")
        dek = at.session_state["agenda_rakor"].dek
        assert [s for s, _ in dek if s != ag.TINDAK_LANJUT] == [s for s in ag.BAWAAN if s != ag.TINDAK_LANJUT]
        for i, (slide, _) in enumerate(dek):
            assert at.session_state["agenda_rakor"].sekarang == slide
            assert not at.exception, (slide, at.exception)
            badan = [m.value for m in at.markdown if 'class="label-contoh"' in m.value]
            kaki = next(m.value for m in at.markdown if 'class="kaki-slide"' in m.value)
            assert KEADAAN.search(kaki), slide
            if slide in (ag.ANGKA_UTAMA, ag.DUA_ANGKA):   # BPS and register figures only: real data
                assert not badan and SUMBER_CONTOH not in kaki
            else:
                assert badan and SUMBER_CONTOH in badan[0], slide
            if i < len(dek) - 1:
                at.button(key="slide_maju").click().run()
        css = " ".join(m.value for m in at.markdown if "<style>" in m.value)
        ukuran = [int(x) for x in re.findall(r"\.label-contoh p \{ font-size: (\d+)px", css)]
        assert ukuran and min(ukuran) >= 24   # projector size, not a footnote


@pytest.fixture
def ekspor(ekspor_2024: Path) -> Path:
    """The session's 2024 export (tests/conftest.py), shared with tests/integration/test_ekspor.py."""
    return ekspor_2024


def _teks_pdf(data: bytes) -> str:
    teks = b""
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            teks += zlib.decompress(m.group(1))
        except zlib.error:
            teks += m.group(1)
    potong = re.findall(rb"\(((?:[^()\\]|\\.)*)\) ?Tj", teks)
    return re.sub(r"\\(.)", r"\1", b" ".join(potong).decode("latin-1"))


@pytest.mark.lambat  # an export: in `make test-full`, not the fast loop
def test_every_exported_file_carries_the_label(ekspor: Path):
    wb = openpyxl.load_workbook(ekspor / "lp2kd_rpkd_2024.xlsx")
    for ws in wb:
        judul = ws["A1"].value
        assert KEADAAN.search(judul), ws.title
        # BPS, register and target sheets hold real figures only
        nyata = ws.title in ("Dua angka", "Profil kemiskinan", "Target dan realisasi")
        assert (SUMBER_CONTOH in judul) == (not nyata), ws.title
    pdfs = sorted((ekspor / "pdf").glob("*.pdf"))
    assert len(pdfs) > 20
    for p in pdfs:
        teks = _teks_pdf(p.read_bytes())
        assert "data per batch" in teks, p.name
        assert (SUMBER_CONTOH in teks) == (not p.name.startswith("dua_angka_")), p.name  # real figures only
    for p in sorted((ekspor / "gambar").glob("*.png")):
        ket = keterangan_png(p.read_bytes())["Description"]
        assert KEADAAN.search(ket), p.name
        assert (SUMBER_CONTOH in ket) == (not p.name.startswith("tren_p0")), p.name
        svg = p.with_suffix(".svg").read_text(encoding="utf-8")
        assert (SUMBER_CONTOH in svg) == (not p.name.startswith("tren_p0")), p.name
