"""Every rakor slide in a real browser at 1920×1080 and at 1280×720 (with the agenda's ``layar=720``): rendered,
screenshot taken, and no vertical scrolling."""

import pytest

from tests.e2e.conftest import SHOTS, wait_for_app
from tkpk.rakor import agenda as ag

pytestmark = pytest.mark.e2e


UKUR = """() => {
  const m = document.querySelector('[data-testid=stMain]');
  const d = document.scrollingElement;
  return {main: m ? m.scrollHeight - m.clientHeight : 0, doc: d.scrollHeight - window.innerHeight};
}"""


@pytest.mark.parametrize("layar", [1080, 720])
def test_each_slide_fits_the_projector(browser, server, layar):
    """Every slide of the default agenda, the follow-up as many slides as its decisions need
    (:mod:`tkpk.rakor.halaman`; the deck's length is read from the first slide's counter)."""
    context = browser.new_context(viewport={"width": round(layar * 16 / 9), "height": layar}, locale="en-US")
    external = []
    context.on("request", lambda r: external.append(r.url) if not r.url.startswith(server) else None)
    try:
        nomor, jumlah, dilihat = 1, None, []
        while jumlah is None or nomor <= jumlah:
            page = context.new_page()
            page.goto(f"{server}/presentasi?slide={nomor}&tahun=2024&layar={layar}")
            wait_for_app(page)
            page.locator(".nomor-slide").first.wait_for(timeout=30_000)
            angka = page.locator(".nomor-slide").first.inner_text()
            jumlah = jumlah or int(angka.split("/")[1])
            assert f"{nomor} / {jumlah}" in angka
            judul = page.locator("h1").first.inner_text()
            slide = next(k for k, v in ag.SLIDE.items() if judul.startswith(v))
            if slide not in (ag.TERSENTUH, ag.DUA_ANGKA, ag.TINDAK_LANJUT, ag.KEPUTUSAN):  # tables only
                page.wait_for_selector("[data-testid=stVegaLiteChart] svg.marks, "
                                       "[data-testid=stVegaLiteChart] canvas", timeout=30_000)
            page.wait_for_timeout(800)
            assert page.locator("[data-testid=stSidebar]").is_hidden()
            assert "Sumber:" in page.inner_text("body")
            akhiran = "" if layar == 1080 else f"_{layar}p"
            bagian = f"_{judul.split('(')[-1].split('/')[0]}" if slide == ag.TINDAK_LANJUT and "(" in judul else ""
            page.screenshot(path=str(SHOTS / f"presentasi_{nomor}_{slide}{bagian}{akhiran}.png"))
            lebih = page.evaluate(UKUR)
            assert lebih["main"] <= 8 and lebih["doc"] <= 8, f"slide {nomor} ({judul}) scrolls: {lebih}"
            dilihat.append(slide)
            page.close()
            nomor += 1
        assert [s for s in dict.fromkeys(dilihat)] == list(ag.BAWAAN), dilihat
        external = [u for u in external if not u.startswith(("data:", "blob:"))]
        assert external == [], f"the slides fetched from outside: {external}"
    finally:
        context.close()
