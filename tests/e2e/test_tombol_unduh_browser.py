"""The CSV and XLSX download buttons in a real browser: their whole labels show on a laptop screen. In columns of a
sixth of the page each they were cut to "⬇️ Unduh dat…", and a reader could not tell the two files apart."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import wait_for_app

pytestmark = pytest.mark.e2e

# Every element inside a download button whose text is wider than its box (cut with an ellipsis).
JS_TERPOTONG = """() => [...document.querySelectorAll('[data-testid=stDownloadButton] button')].flatMap(b =>
    [b, ...b.querySelectorAll('*')].filter(e => e.scrollWidth > e.clientWidth + 1).map(() => b.innerText.trim()))"""

JS_LABEL = "() => [...document.querySelectorAll('[data-testid=stDownloadButton] button')].map(b => b.innerText.trim())"


@pytest.mark.parametrize("path, teks", [("/tindak-lanjut", "Keputusan Rakor"), ("/pilar", "Kartu skor OPD"),
                                         ("/tren", "Banjar dan Kalimantan Selatan")])
@pytest.mark.parametrize("lebar", [1280, 1600])
def test_download_labels_are_whole(browser, server, path: str, teks: str, lebar: int) -> None:
    context = browser.new_context(viewport={"width": lebar, "height": 900}, locale="en-US")
    try:
        page = context.new_page()
        page.goto(server + path)
        wait_for_app(page)
        page.get_by_text(teks).first.wait_for(timeout=60_000)
        page.locator("[data-testid=stDownloadButton] button").first.wait_for(timeout=60_000)
        wait_for_app(page)
        label = page.evaluate(JS_LABEL)
        terpotong = page.evaluate(JS_TERPOTONG)
    finally:
        context.close()
    assert {"⬇️ Unduh data (CSV)", "⬇️ Unduh data (XLSX)"} <= set(label), label
    assert terpotong == [], f"{path} at {lebar} px: labels cut: {sorted(set(terpotong))}"
