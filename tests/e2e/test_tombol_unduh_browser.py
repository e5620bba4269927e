"""The download buttons in a real browser: their whole labels show on a laptop screen and on a 1280×720 projector.
In columns of a sixth of the page each the CSV/XLSX buttons were cut to "⬇️ Unduh dat…", and the PNG/SVG buttons
beneath a chart to "Unduh ga…" (review finding): a reader could not tell the two files apart."""

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
@pytest.mark.parametrize("lebar, tinggi, proyektor", [(1024, 768, False), (1280, 900, False), (1600, 900, False),
                                                     (1280, 720, True)], ids=["1024", "1280", "1600", "proyektor"])
def test_download_labels_are_whole(browser, server, path: str, teks: str, lebar: int, tinggi: int,
                                   proyektor: bool) -> None:
    context = browser.new_context(viewport={"width": lebar, "height": tinggi}, locale="en-US")
    try:
        page = context.new_page()
        page.goto(server + path + ("?mode=presentasi" if proyektor else ""))
        wait_for_app(page)
        page.get_by_text(teks).first.wait_for(timeout=60_000)
        page.locator("[data-testid=stDownloadButton] button").first.wait_for(timeout=60_000)
        wait_for_app(page)
        label = page.evaluate(JS_LABEL)
        terpotong = page.evaluate(JS_TERPOTONG)
    finally:
        context.close()
    assert proyektor or {"⬇️ Unduh data (CSV)", "⬇️ Unduh data (XLSX)"} <= set(label), label
    assert terpotong == [], f"{path} at {lebar} px: labels cut: {sorted(set(terpotong))}"
