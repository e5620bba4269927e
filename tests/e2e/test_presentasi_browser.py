"""Every rakor slide in a real browser at 1920×1080 and at 1280×720 (with the agenda's ``layar=720``): rendered,
screenshot taken, and no vertical scrolling."""

import csv

import pytest

from tests.e2e.conftest import ROOT, SHOTS, wait_for_app
from tkpk.rakor import agenda as ag
from tkpk.rakor import halaman

pytestmark = pytest.mark.e2e


def _dek(layar: int) -> tuple[tuple[str, int], ...]:
    """The bundled deck at a projector size: the follow-up of the sample rakor (its first rakor's decisions, from the
    bundled file) takes as many slides as ``halaman.bagi`` says (two at 1280×720; their places are short names, left
    out of the cost here)."""
    with (ROOT / "data" / "contoh" / "keputusan_contoh.csv").open(encoding="utf-8", newline="") as f:
        teks = list(dict.fromkeys(r["keputusan"] for r in csv.DictReader(f) if r["rakor"] == "1"))
    u = halaman.ukuran(halaman.TINDAK_LANJUT, layar)
    n = len(halaman.bagi([halaman.garis(halaman.potong(t, u), "", u) for t in teks], u))
    return ag.dari_query({"layar": str(layar)}, [2024], n).dek


SLIDE = [(nomor, layar) for layar in (1080, 720) for nomor in range(1, len(_dek(layar)) + 1)]

UKUR = """() => {
  const m = document.querySelector('[data-testid=stMain]');
  const d = document.scrollingElement;
  return {main: m ? m.scrollHeight - m.clientHeight : 0, doc: d.scrollHeight - window.innerHeight};
}"""


@pytest.mark.parametrize(("nomor", "layar"), SLIDE)
def test_each_slide_fits_the_projector(browser, server, nomor, layar):
    dek = _dek(layar)
    slide, ke = dek[nomor - 1]
    context = browser.new_context(viewport={"width": round(layar * 16 / 9), "height": layar}, locale="en-US")
    page = context.new_page()
    external = []
    page.on("request", lambda r: external.append(r.url) if not r.url.startswith(server) else None)
    try:
        page.goto(f"{server}/presentasi?slide={nomor}&tahun=2024&layar={layar}")
        wait_for_app(page)
        page.locator(".nomor-slide").first.wait_for(timeout=30_000)
        assert f"{nomor} / {len(dek)}" in page.locator(".nomor-slide").first.inner_text()
        if slide not in (ag.TERSENTUH, ag.DUA_ANGKA, ag.TINDAK_LANJUT, ag.KEPUTUSAN):  # tables only
            page.wait_for_selector("[data-testid=stVegaLiteChart] svg.marks, [data-testid=stVegaLiteChart] canvas",
                                   timeout=30_000)
        page.wait_for_timeout(800)
        assert page.locator("[data-testid=stSidebar]").is_hidden()
        assert "Sumber:" in page.inner_text("body")
        akhiran = "" if layar == 1080 else f"_{layar}p"
        bagian = f"_{ke}" if sum(s == slide for s, _ in dek) > 1 else ""
        page.screenshot(path=str(SHOTS / f"presentasi_{nomor}_{slide}{bagian}{akhiran}.png"))
        lebih = page.evaluate(UKUR)
        assert lebih["main"] <= 8 and lebih["doc"] <= 8, f"slide {nomor} scrolls: {lebih}"
        external = [u for u in external if not u.startswith(("data:", "blob:"))]
        assert external == [], f"the slide fetched from outside: {external}"
    finally:
        context.close()
