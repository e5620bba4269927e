"""Every rakor slide in a real browser at 1920×1080 and at 1280×720 (with the agenda's ``layar=720``): rendered,
screenshot taken, and no vertical scrolling."""

import pytest

from tests.e2e.conftest import SHOTS, wait_for_app
from tkpk import agenda as ag

pytestmark = pytest.mark.e2e

UKUR = """() => {
  const m = document.querySelector('[data-testid=stMain]');
  const d = document.scrollingElement;
  return {main: m ? m.scrollHeight - m.clientHeight : 0, doc: d.scrollHeight - window.innerHeight};
}"""


@pytest.mark.parametrize("layar", [1080, 720])
@pytest.mark.parametrize("nomor", range(1, len(ag.BAWAAN) + 1))
def test_each_slide_fits_the_projector(browser, server, nomor, layar):
    context = browser.new_context(viewport={"width": round(layar * 16 / 9), "height": layar}, locale="en-US")
    page = context.new_page()
    external = []
    page.on("request", lambda r: external.append(r.url) if not r.url.startswith(server) else None)
    try:
        page.goto(f"{server}/presentasi?slide={nomor}&tahun=2024&layar={layar}")
        wait_for_app(page)
        page.locator(".nomor-slide").first.wait_for(timeout=30_000)
        assert f"{nomor} / {len(ag.BAWAAN)}" in page.locator(".nomor-slide").first.inner_text()
        if ag.BAWAAN[nomor - 1] not in (ag.TERSENTUH, ag.DUA_ANGKA):  # slides of tables and figures only
            page.wait_for_selector("[data-testid=stVegaLiteChart] svg.marks, [data-testid=stVegaLiteChart] canvas",
                                   timeout=30_000)
        page.wait_for_timeout(800)
        assert page.locator("[data-testid=stSidebar]").is_hidden()
        assert "Sumber:" in page.inner_text("body")
        akhiran = "" if layar == 1080 else f"_{layar}p"
        page.screenshot(path=str(SHOTS / f"presentasi_{nomor}_{ag.BAWAAN[nomor - 1]}{akhiran}.png"))
        lebih = page.evaluate(UKUR)
        assert lebih["main"] <= 8 and lebih["doc"] <= 8, f"slide {nomor} scrolls: {lebih}"
        external = [u for u in external if not u.startswith(("data:", "blob:"))]
        assert external == [], f"the slide fetched from outside: {external}"
    finally:
        context.close()
