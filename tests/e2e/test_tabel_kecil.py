"""The home page's static freshness table in a real browser: a count never breaks and a label breaks only between
words at a laptop's width, even beside an OPD's long file name (review of 95163e2: CSS that let every cell break
"anywhere" showed "24.79" over "2" and "Data program/interve" over "nsi")."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import start_server, wait_for_app
from tests.integration.test_ingest_cli import CORPUS
from tkpk.ingest import ingest_file
from tkpk.toko.db import connect

pytestmark = pytest.mark.e2e

NAMA_PANJANG = ("Laporan Realisasi Program Penanggulangan Kemiskinan Triwulan I Tahun 2026 Dinas Sosial P3AP2KB "
                "(final revisi 2).csv")

# Each cell of the "Data" and "Baris" columns whose text goes onto a new line inside a word.
JS_PATAH = """() => {
    const t = [...document.querySelectorAll('[data-testid=stTable]')]
        .find(x => [...x.querySelectorAll('th')].some(th => th.innerText.trim() === 'Baris'));
    const kepala = [...t.querySelectorAll('th')].map(th => th.innerText.trim());
    const kolom = ['Data', 'Baris'].map(k => kepala.indexOf(k));
    const hasil = [];
    for (const tr of t.querySelectorAll('tbody tr')) {
        const sel = [...tr.querySelectorAll('th, td')];
        for (const i of kolom) {
            const w = document.createTreeWalker(sel[i], NodeFilter.SHOW_TEXT);
            let node, sebelum = null, huruf = ' ';
            while ((node = w.nextNode())) {
                for (let j = 0; j < node.length; j++) {
                    const r = document.createRange(); r.setStart(node, j); r.setEnd(node, j + 1);
                    const k = r.getClientRects()[0];
                    if (!k) continue;
                    const c = node.data[j];
                    if (sebelum !== null && Math.abs(k.top - sebelum) > 2 && c !== ' ' && huruf !== ' ')
                        hasil.push(sel[i].innerText.trim());
                    sebelum = k.top; huruf = c;
                }
            }
        }
    }
    return hasil;
}"""


@pytest.fixture(scope="module")
def server_nama_panjang(store_path: Path, tmp_path_factory: pytest.TempPathFactory, chromium: str) -> Iterator[str]:
    """A store copy whose newest program batch came from a file with an office-length name."""
    kerja = tmp_path_factory.mktemp("tabel_kecil")
    store = kerja / "tkpk.duckdb"
    shutil.copy(store_path, store)
    con = connect(store)
    try:
        hasil = ingest_file(con, (CORPUS / "baik_intervensi_koma.csv").read_bytes(), NAMA_PANJANG, "intervensi", "uji")
        assert hasil.batch_id is not None, hasil.baris_teks()
    finally:
        con.close()
    proc, url = start_server(store, kerja / "streamlit.log")
    yield url
    proc.terminate()
    proc.wait(timeout=20)


@pytest.mark.parametrize("lebar", [1280, 1600])
def test_freshness_table_keeps_numbers_and_words_whole(browser, server_nama_panjang, lebar: int) -> None:
    context = browser.new_context(viewport={"width": lebar, "height": 900}, locale="en-US")
    try:
        page = context.new_page()
        page.goto(server_nama_panjang + "/")
        wait_for_app(page)
        page.get_by_text("Data terakhir diperbarui").first.scroll_into_view_if_needed()
        page.wait_for_selector("[data-testid=stTable] td", timeout=60_000)
        teks = " ".join(page.locator("[data-testid=stTable]").all_inner_texts())
        assert NAMA_PANJANG[:20] in teks and "Baris" in teks, teks
        patah = page.evaluate(JS_PATAH)
        assert not patah, f"cells broken inside a word at {lebar} px: {patah}"
    finally:
        context.close()
